import type { paths } from '../api/schema';

/** A rule at its current version, as `GET /v1/rules` lists it. */
export type Rule = paths['/v1/rules']['get']['responses'][200]['content']['application/json']['rules'][number];
/** A rule with every version, newest first. */
export type RuleDetail = paths['/v1/rules/{id}']['get']['responses'][200]['content']['application/json'];
/** What `POST /v1/rules` and `PUT /v1/rules/{id}` take. */
export type RuleBody = paths['/v1/rules']['post']['requestBody']['content']['application/json'];
/** A rule's action: a forced decision, ALLOW, or points added to the score. */
export type RuleAction = RuleBody['action'];
/** What `POST /v1/rules/backtest` takes and answers. */
export type BacktestBody = paths['/v1/rules/backtest']['post']['requestBody']['content']['application/json'];
export type Backtest = paths['/v1/rules/backtest']['post']['responses'][200]['content']['application/json'];

/** An action as people read it: BLOCK, or "+40 points". */
export function actionText(action: RuleAction): string {
  if (typeof action === 'string') return action;
  return `${action.score > 0 ? '+' : ''}${action.score} points`;
}
