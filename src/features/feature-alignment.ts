import { featureIndexByName } from './catalogue/feature-catalogue.js';
import type { FeatureSchema, MissingPolicy } from './feature-schema.js';

/** Maps the engine's catalogue values (and overrides) to one model's feature order. */
export interface FeatureAligner {
  /** The model's feature names, in model order. */
  readonly names: readonly string[];
  /** For each model feature, its catalogue position or -1 (override-only feature). */
  readonly catalogueIndex: Int32Array;
  /**
   * One model row. A catalogue value is used when present; when it is missing (NaN) or the name is
   * not in the catalogue, a finite override of that name is used; what is still missing becomes 0.0
   * or NaN per the feature's missing policy. Override names the model does not use are ignored.
   */
  align(values: Float64Array, overrides: Readonly<Record<string, number>> | undefined, target?: Float64Array): Float64Array;
}

/**
 * Builds the aligner of a model once (a precomputed index map), from its feature_schema.json or
 * from bare names with one missing policy (default `nan`).
 */
export function alignFeatures(model: FeatureSchema | readonly string[], missing: MissingPolicy = 'nan'): FeatureAligner {
  const entries = Array.isArray(model)
    ? (model as readonly string[]).map((name) => ({ name, missing }))
    : (model as FeatureSchema).features.map((feature) => ({ name: feature.name, missing: feature.missing }));
  const names = Object.freeze(entries.map((entry) => entry.name));
  const catalogueIndex = Int32Array.from(names, (name) => featureIndexByName.get(name) ?? -1);
  const fill = Float64Array.from(entries, (entry) => (entry.missing === 'zero' ? 0 : Number.NaN));
  // Model positions by override name: a row's few overrides are visited instead of looking every
  // missing feature up by name.
  const positionsByName = new Map<string, number[]>();
  names.forEach((name, feature) => {
    const positions = positionsByName.get(name);
    if (positions === undefined) positionsByName.set(name, [feature]);
    else positions.push(feature);
  });
  return {
    names,
    catalogueIndex,
    align(values, overrides, target = new Float64Array(names.length)) {
      for (let feature = 0; feature < names.length; feature++) {
        const index = catalogueIndex[feature]!;
        const value = index >= 0 ? values[index]! : Number.NaN;
        target[feature] = Number.isNaN(value) ? fill[feature]! : value;
      }
      if (overrides === undefined) return target;
      for (const name in overrides) {
        const positions = positionsByName.get(name);
        if (positions === undefined) continue;
        const override = overrides[name];
        if (typeof override !== 'number' || !Number.isFinite(override)) continue;
        for (const feature of positions) {
          const index = catalogueIndex[feature]!;
          if (index < 0 || Number.isNaN(values[index]!)) target[feature] = override;
        }
      }
      return target;
    },
  };
}
