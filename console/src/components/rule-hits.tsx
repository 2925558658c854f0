import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { actionText } from '../rules/rule-types';
import { useSession } from '../session/session';

type StoredDecision = paths['/v1/decisions/{request_id}']['get']['responses'][200]['content']['application/json'];

/** The rules a decision evaluated: each live or shadow hit (or run-time error) with its version and action. */
export function RuleHits({ ruleHits }: { ruleHits: StoredDecision['rule_hits'] }) {
  const { me } = useSession();
  return (
    <section className="card" aria-labelledby="rule-hits-title">
      <h2 id="rule-hits-title">Rule hits</h2>
      {ruleHits === null ? (
        <p className="muted">No rule was enabled when this payment was scored.</p>
      ) : (
        <>
          <p>
            {ruleHits.evaluated} rule{ruleHits.evaluated === 1 ? '' : 's'} evaluated (rule set {ruleHits.rule_set}); the model alone said {ruleHits.model_score} ({ruleHits.model_decision})
            {ruleHits.points !== 0 && `, rules added ${ruleHits.points} points`}.
          </p>
          {ruleHits.hits.length === 0 ? (
            <p className="muted">No rule hit.</p>
          ) : (
            <table>
              <caption className="visually-hidden">Rule hits</caption>
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Action</th>
                  <th scope="col">Mode</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {ruleHits.hits.map((hit) => (
                  <tr key={`${hit.rule_id}:${hit.version}`}>
                    <th scope="row">
                      {me?.role === 'admin' ? <Link to={`/admin/rules/${encodeURIComponent(hit.rule_id)}`}>{hit.name}</Link> : hit.name} <span className="muted">v{hit.version}</span>
                    </th>
                    <td>{actionText(hit.action)}</td>
                    <td>{hit.mode}</td>
                    <td className={hit.outcome === 'error' ? 'status-bad' : undefined}>{hit.outcome === 'error' ? `error: ${hit.error ?? 'unknown'}` : hit.outcome}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

/** The rule hits of a stored decision, fetched by its reference. */
export function DecisionRuleHits({ requestId }: { requestId: string }) {
  const decision = useQuery({
    queryKey: ['decision', requestId],
    queryFn: async () => unwrap(await api.GET('/v1/decisions/{request_id}', { params: { path: { request_id: requestId } } })),
  });
  if (decision.isError) return <p role="alert">{decision.error.message}</p>;
  if (decision.data === undefined) return <p role="status">Loading rule hits…</p>;
  return <RuleHits ruleHits={decision.data.rule_hits} />;
}
