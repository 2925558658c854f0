import { ValidationError, type ProblemDetail } from '../../errors/errors.js';

/**
 * Training parameters, named as in XGBoost so that a risk team's existing settings carry over.
 * Every parameter has a default ({@link defaultTrainParams}); pass only what you change.
 */
export interface TrainParams {
  /** Learning rate: each tree's leaves are scaled by it. Default 0.1. */
  readonly eta: number;
  /** Maximum tree depth (1-12). Default 6. */
  readonly max_depth: number;
  /** Minimum sum of hessians (weighted row count for logistic loss, ×p(1-p)) in each child. Default 1. */
  readonly min_child_weight: number;
  /** L2 regularization of leaf weights. Default 1. */
  readonly lambda: number;
  /** Minimum loss reduction a split must achieve (XGBoost's gamma / min_split_loss). Default 0. */
  readonly gamma: number;
  /** Share of rows drawn (without replacement, per tree) to grow each tree. Default 1. */
  readonly subsample: number;
  /** Share of features drawn per tree. Default 1. */
  readonly colsample_bytree: number;
  /** Maximum number of histogram bins per feature (2-256; one is kept for missing values). Default 256. */
  readonly max_bin: number;
  /** Weight multiplier of positive rows, for class imbalance (e.g. negatives / positives). Default 1. */
  readonly scale_pos_weight: number;
  /** Number of boosting rounds (trees). Default 100. */
  readonly n_estimators: number;
  /** Stop when the validation metric has not improved for this many rounds (needs a validation set). */
  readonly early_stopping_rounds?: number;
  /** Validation metric for early stopping: `logloss` (default) or `auc`. */
  readonly eval_metric: 'logloss' | 'auc';
  /** Seed of row and column sampling: the same seed and data give the same model. Default 0. */
  readonly seed: number;
  /** Starting probability. Default: the (weighted) label mean, like XGBoost's boost_from_average. */
  readonly base_score?: number;
}

/** The documented defaults. */
export const defaultTrainParams: TrainParams = {
  eta: 0.1,
  max_depth: 6,
  min_child_weight: 1,
  lambda: 1,
  gamma: 0,
  subsample: 1,
  colsample_bytree: 1,
  max_bin: 256,
  scale_pos_weight: 1,
  n_estimators: 100,
  eval_metric: 'logloss',
  seed: 0,
};

type NumericKey = Exclude<keyof TrainParams, 'eval_metric'>;

const rules: Record<NumericKey, { minimum: number; maximum: number; integer?: boolean; exclusiveMinimum?: boolean }> = {
  eta: { minimum: 0, maximum: Number.MAX_VALUE, exclusiveMinimum: true },
  max_depth: { minimum: 1, maximum: 12, integer: true },
  min_child_weight: { minimum: 0, maximum: Number.MAX_VALUE },
  lambda: { minimum: 0, maximum: Number.MAX_VALUE },
  gamma: { minimum: 0, maximum: Number.MAX_VALUE },
  subsample: { minimum: 0, maximum: 1, exclusiveMinimum: true },
  colsample_bytree: { minimum: 0, maximum: 1, exclusiveMinimum: true },
  max_bin: { minimum: 2, maximum: 256, integer: true },
  scale_pos_weight: { minimum: 0, maximum: Number.MAX_VALUE, exclusiveMinimum: true },
  n_estimators: { minimum: 1, maximum: 100_000, integer: true },
  early_stopping_rounds: { minimum: 1, maximum: 100_000, integer: true },
  seed: { minimum: 0, maximum: 4_294_967_295, integer: true },
  base_score: { minimum: 0, maximum: 1, exclusiveMinimum: true },
};

/** Merges `params` over the defaults and checks every value; throws one ValidationError listing all problems. */
export function resolveTrainParams(params: Partial<TrainParams>): TrainParams {
  const resolved = { ...defaultTrainParams, ...params };
  const problems: ProblemDetail[] = [];
  for (const [key, rule] of Object.entries(rules) as [NumericKey, (typeof rules)[NumericKey]][]) {
    const value = resolved[key];
    if (value === undefined) continue;
    const below = rule.exclusiveMinimum === true ? !(value > rule.minimum) : !(value >= rule.minimum);
    const above = key === 'base_score' ? !(value < rule.maximum) : !(value <= rule.maximum);
    if (typeof value !== 'number' || Number.isNaN(value) || below || above || (rule.integer === true && !Number.isInteger(value))) {
      const range = `${rule.exclusiveMinimum === true ? '>' : '>='} ${rule.minimum}${rule.maximum < Number.MAX_VALUE ? ` and ${key === 'base_score' ? '<' : '<='} ${rule.maximum}` : ''}`;
      problems.push({ code: 'range', path: `/params/${key}`, message: `${key} must be ${rule.integer === true ? 'an integer ' : ''}${range}, got ${String(value)}` });
    }
  }
  if (resolved.eval_metric !== 'logloss' && resolved.eval_metric !== 'auc') {
    problems.push({ code: 'enum', path: '/params/eval_metric', message: `eval_metric must be "logloss" or "auc", got ${JSON.stringify(resolved.eval_metric)}` });
  }
  if (problems.length > 0) throw new ValidationError(problems, `Invalid training parameters: ${problems.map((problem) => problem.message).join('; ')}.`);
  return resolved;
}
