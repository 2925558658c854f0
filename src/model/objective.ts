/**
 * The objectives Sentra can import and predict with. Each names how XGBoost turns `base_score`
 * into a starting margin and how it turns a margin into an output.
 */
export const objectives = {
  /** Logistic loss; output is the probability `sigmoid(margin)`. Sentra trains this one. */
  'binary:logistic': { baseScore: 'probability', output: 'sigmoid' },
  /** Same prediction as binary:logistic (XGBoost's regression variant of the logistic loss). */
  'reg:logistic': { baseScore: 'probability', output: 'sigmoid' },
  /** Logistic loss whose output is the raw margin. */
  'binary:logitraw': { baseScore: 'probability', output: 'identity' },
  /** Squared error regression; base score and output are margins. */
  'reg:squarederror': { baseScore: 'margin', output: 'identity' },
} as const satisfies Record<string, { baseScore: 'probability' | 'margin'; output: 'sigmoid' | 'identity' }>;

/** A supported objective name. */
export type Objective = keyof typeof objectives;

/** True when `name` is an objective Sentra supports. */
export function isObjective(name: string): name is Objective {
  return Object.hasOwn(objectives, name);
}

/**
 * The float32 starting margin for a base score, exactly as XGBoost computes it: for logistic
 * objectives `-logf(1/p - 1)` in float32 steps, otherwise the base score rounded to float32.
 */
export function baseMarginFromScore(objective: Objective, baseScore: number): number {
  const score = Math.fround(baseScore);
  if (objectives[objective].baseScore === 'margin') return score;
  // `+ 0` turns the -0 of p = 0.5 into 0.
  return Math.fround(-Math.log(Math.fround(Math.fround(1 / score) - 1))) + 0;
}

/** XGBoost's float32 sigmoid: `1 / (1 + exp(-margin))` rounded to float32 at every step. */
export function sigmoid32(margin: number): number {
  return Math.fround(1 / Math.fround(1 + Math.fround(Math.exp(-margin))));
}

/** The objective's output for a margin: a probability for logistic objectives, else the margin. */
export function transformMargin(objective: Objective, margin: number): number {
  return objectives[objective].output === 'sigmoid' ? sigmoid32(margin) : margin;
}
