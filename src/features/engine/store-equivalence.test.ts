import { afterAll, describe, expect, it } from 'vitest';
import { featureNames } from '../catalogue/feature-catalogue.js';
import { MemoryProfileStore, type MemoryProfileStoreOptions } from '../profile/memory/memory-profile-store.js';
import { buildProfilePlan } from '../profile/profile-plan.js';
import { fakeNetworkSignals, randomHistory } from '../testing/random-history.js';
import { storeFactories } from '../testing/store-factories.js';
import { FeatureEngine, type FeatureVector } from './feature-engine.js';

const options = { networkSignals: fakeNetworkSignals(), ipHashSecret: 'secret' };

/** Feature vectors of a history through the synchronous in-memory path: the reference. */
function referenceVectors(seed: number, length: number, spacingMs?: number, storeOptions: MemoryProfileStoreOptions = {}): FeatureVector[] {
  const engine = new FeatureEngine({ store: new MemoryProfileStore(buildProfilePlan(), storeOptions), ...options });
  const vectors: FeatureVector[] = [];
  for (const step of randomHistory(seed, length, spacingMs)) {
    if (step.kind === 'transaction') vectors.push(engine.observeSync('tenant', step.record, step.online));
    else engine.applyLabelSync('tenant', step.label, step.record, step.previous);
  }
  return vectors;
}

function firstDifference(expected: FeatureVector[], actual: FeatureVector[]): string | undefined {
  if (expected.length !== actual.length) return `lengths ${expected.length} and ${actual.length}`;
  for (let row = 0; row < expected.length; row++) {
    for (let column = 0; column < featureNames.length; column++) {
      const left = expected[row]!.values[column]!;
      const right = actual[row]!.values[column]!;
      if (!Object.is(left, right)) return `row ${row} ${featureNames[column]}: ${left} vs ${right}`;
    }
    if (expected[row]!.rescored !== actual[row]!.rescored) return `row ${row} rescored`;
  }
  return undefined;
}

describe.each(storeFactories())('the $name store through the async path', (factory) => {
  afterAll(() => factory.cleanup());

  it('produces bit-identical features to the synchronous in-memory path', async () => {
    const seed = 20250106;
    const expected = referenceVectors(seed, 1500);
    const engine = new FeatureEngine({ store: factory.create(), ...options });
    const actual: FeatureVector[] = [];
    for (const step of randomHistory(seed, 1500)) {
      if (step.kind === 'transaction') actual.push(await engine.observe('tenant', step.record, step.online));
      else await engine.applyLabel('tenant', step.label, step.record, step.previous);
    }
    expect(firstDifference(expected, actual)).toBeUndefined();
    expect(actual.some((vector) => vector.rescored)).toBe(true);
    const fraudRate = featureNames.indexOf('receiver_known_fraud_rate_30d');
    expect(actual.some((vector) => vector.values[fraudRate]! > 0)).toBe(true);
  });
});

describe('the synchronous in-memory path', () => {
  it('is deterministic and sensitive to the history', () => {
    expect(firstDifference(referenceVectors(1, 400), referenceVectors(1, 400))).toBeUndefined();
    expect(firstDifference(referenceVectors(1, 400), referenceVectors(2, 400))).toBeDefined();
  });
});

describe('ring entries that outgrow their record', () => {
  it('give the same features whether they stay in the record, spill from the first entry, or spill at the default room', () => {
    // Hourly on average over about 170 days: each of the 6 receivers fills about 150 buckets of its
    // 889-hour ring, entries drop off its end, labels land in old buckets between others, and a
    // room of 1000 entries holds every ring whole (the layout before rings could spill).
    const [seed, length, spacing] = [20261207, 4000, 60 * 60_000];
    const whole = referenceVectors(seed, length, spacing, { inlineRingSlots: 1000 });
    expect(firstDifference(whole, referenceVectors(seed, length, spacing, { inlineRingSlots: 1 }))).toBeUndefined();
    expect(firstDifference(whole, referenceVectors(seed, length, spacing))).toBeUndefined();
    const fraudRate = featureNames.indexOf('receiver_known_fraud_rate_30d');
    expect(whole.some((vector) => vector.values[fraudRate]! > 0)).toBe(true);
  });
});
