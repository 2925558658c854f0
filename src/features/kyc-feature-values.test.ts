import { describe, expect, it } from 'vitest';
import { featureIndexByName, featureNames } from './catalogue/feature-catalogue.js';
import { kycFeatureNames, withKycFeatures } from './kyc-feature-values.js';

/** Catalogue values with every feature missing but those given. */
function catalogueValues(set: Record<string, number>): Float64Array {
  const values = new Float64Array(featureNames.length).fill(Number.NaN);
  for (const [name, value] of Object.entries(set)) values[featureIndexByName.get(name)!] = value;
  return values;
}

describe('withKycFeatures', () => {
  const [used, other] = kycFeatureNames as [string, string];
  const model = { names: ['amount_usd', used], values: [125.5, null] };

  it('returns the model vector itself while no KYC feature has a value', () => {
    expect(withKycFeatures(model, catalogueValues({ amount_usd: 125.5 }))).toBe(model);
  });

  it('puts a KYC value the model uses in its place and appends the others, leaving the model vector as it was', () => {
    const merged = withKycFeatures(model, catalogueValues({ [used]: 1, [other]: 0.25 }));
    expect(merged).toEqual({ names: ['amount_usd', used, other], values: [125.5, 1, 0.25] });
    expect(model).toEqual({ names: ['amount_usd', used], values: [125.5, null] });
  });
});
