import { featureIndexByName } from './catalogue/feature-catalogue.js';
import { kycFeatures } from './catalogue/kyc-features.js';
import { namePositions, type FeatureVector } from './feature-lists.js';

/** Names of the KYC/KYB features, in catalogue order. */
export const kycFeatureNames: readonly string[] = Object.freeze(kycFeatures.map((feature) => feature.name));

const kycIndexes = Int32Array.from(kycFeatureNames, (name) => featureIndexByName.get(name)!);

/**
 * A decision's feature vector with the KYC/KYB features the engine computed (catalogue `values`)
 * added, whether the model uses them or not: the stored vector and `features.*` of rules show what
 * the enrichments said at that moment. One the model uses takes its place; another is appended. A
 * missing one stays out (or `null` as the model had it), so `has(features.sender_kyc_ready)` is
 * false while nothing is ready. Returns `vector` itself when there is nothing to add (the common
 * case costs a few comparisons).
 */
export function withKycFeatures(vector: FeatureVector, values: Float64Array): FeatureVector {
  let names: string[] | undefined;
  let merged: (number | null)[] | undefined;
  for (let index = 0; index < kycIndexes.length; index++) {
    const value = values[kycIndexes[index]!]!;
    if (Number.isNaN(value)) continue;
    names ??= [...vector.names];
    merged ??= [...vector.values];
    const name = kycFeatureNames[index]!;
    const position = namePositions(vector.names).get(name);
    if (position === undefined) {
      names.push(name);
      merged.push(value);
    } else merged[position] = value;
  }
  return names === undefined ? vector : { names, values: merged! };
}
