import { Environment } from '@marcbachmann/cel-js';

/**
 * The variables a rule expression may use. Each is a CEL map of dynamic values, so a missing field
 * is absent (`has(features.x)` is false) and the expression is type-checked against values at run
 * time; unknown top-level names are refused at save time.
 */
export const ruleVariableNames = ['tx', 'entities', 'features', 'model', 'lists', 'signals', 'custom', 'sentry', 'now'] as const;
/** One variable name of a rule expression. */
export type RuleVariableName = (typeof ruleVariableNames)[number];

/**
 * Structural limits of an expression, checked when it is parsed: deep nesting or huge expressions
 * are refused at save time rather than risking the scoring path's stack or time.
 */
export const expressionLimits = Object.freeze({ maxLength: 65_536, maxDepth: 64, maxAstNodes: 2_000, maxListElements: 1_000 });

/** The CEL environment every rule compiles in (one per process; environments are immutable once used). */
export function createRuleEnvironment(): Environment {
  let environment = new Environment({
    limits: {
      maxAstNodes: expressionLimits.maxAstNodes,
      maxDepth: expressionLimits.maxDepth,
      maxListElements: expressionLimits.maxListElements,
      maxMapEntries: expressionLimits.maxListElements,
      maxCallArguments: 32,
    },
  });
  for (const name of ruleVariableNames) {
    environment = environment.registerVariable(name, name === 'now' ? 'google.protobuf.Timestamp' : 'map');
  }
  return environment;
}
