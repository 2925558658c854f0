import { SentraError, type ProblemDetail } from '../errors/errors.js';
import { featureCatalogueVersion, featureDefinition, featureNames } from './catalogue/feature-catalogue.js';
import { featureTypes, type FeatureType } from './catalogue/feature-definition.js';

/** How a model wants a missing value: 0.0, or NaN (a model with native missing-value handling). */
export const missingPolicies = ['zero', 'nan'] as const;
/** The missing-value policy of a feature. */
export type MissingPolicy = (typeof missingPolicies)[number];

/** One model input in feature_schema.json. */
export interface FeatureSchemaEntry {
  readonly name: string;
  readonly type: FeatureType;
  readonly description: string;
  readonly missing: MissingPolicy;
}

/** The content of feature_schema.json: a model's inputs, in the model's order. */
export interface FeatureSchema {
  readonly version: string;
  readonly features: readonly FeatureSchemaEntry[];
}

/** Options of `buildFeatureSchema`. */
export interface FeatureSchemaOptions {
  /** Model inputs in model order (default: the whole catalogue). Names outside the catalogue are override features. */
  readonly names?: readonly string[];
  /** Missing policy of every feature (default `nan`: the GBDT trainer handles missing values). */
  readonly missing?: MissingPolicy;
}

/** Builds the schema of a model (pure). Override-only names become numeric features described as such. */
export function buildFeatureSchema(options: FeatureSchemaOptions = {}): FeatureSchema {
  const missing = options.missing ?? 'nan';
  const names = options.names ?? featureNames;
  return {
    version: featureCatalogueVersion,
    features: names.map((name) => {
      const definition = featureDefinition(name);
      return definition === undefined
        ? { name, type: 'numeric', description: 'Caller-supplied feature (feature_overrides / f_ column), not computed by Sentra.', missing }
        : { name, type: definition.type, description: definition.description, missing };
    }),
  };
}

/** Validates parsed feature_schema.json content; every problem is reported at once. */
export function parseFeatureSchema(content: unknown): FeatureSchema {
  const problems: ProblemDetail[] = [];
  const record = typeof content === 'object' && content !== null ? (content as Record<string, unknown>) : {};
  if (typeof record.version !== 'string' && typeof record.version !== 'number') {
    problems.push({ code: 'required', path: '/version', message: 'version must be a string' });
  }
  const features: FeatureSchemaEntry[] = [];
  const seen = new Set<string>();
  if (!Array.isArray(record.features)) problems.push({ code: 'required', path: '/features', message: 'features must be an array' });
  (Array.isArray(record.features) ? (record.features as unknown[]) : []).forEach((raw, index) => {
    const entry = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const path = `/features/${index}`;
    const { name, type, description, missing } = entry;
    if (typeof name !== 'string' || name === '') problems.push({ code: 'required', path: `${path}/name`, message: 'name must be a non-empty string' });
    else if (seen.has(name)) problems.push({ code: 'duplicate', path: `${path}/name`, message: `duplicate feature ${name}` });
    if (!featureTypes.includes(type as FeatureType)) problems.push({ code: 'enum', path: `${path}/type`, message: `type must be one of ${featureTypes.join(', ')}` });
    if (missing !== undefined && !missingPolicies.includes(missing as MissingPolicy)) {
      problems.push({ code: 'enum', path: `${path}/missing`, message: `missing must be one of ${missingPolicies.join(', ')}` });
    }
    if (typeof name === 'string') seen.add(name);
    features.push({
      name: String(name),
      type: type as FeatureType,
      description: typeof description === 'string' ? description : '',
      missing: (missing as MissingPolicy | undefined) ?? 'nan',
    });
  });
  if (problems.length > 0) throw new SentraError('SENTRA_ERR_MODEL_FORMAT', 'feature_schema.json is invalid', { details: problems });
  return { version: String(record.version), features };
}
