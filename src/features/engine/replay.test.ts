import { describe, expect, it } from 'vitest';
import { featureIndexByName } from '../catalogue/feature-catalogue.js';
import { MemoryProfileStore } from '../profile/memory/memory-profile-store.js';
import { buildProfilePlan } from '../profile/profile-plan.js';
import { fakeNetworkSignals, randomHistory } from '../testing/random-history.js';
import { baseTime, day, hour, labelFor, minute, transaction } from '../testing/transactions.js';
import { FeatureEngine, type FeatureVector } from './feature-engine.js';
import { interleaveByTime, rebuildStartTime, replayHistory, type HistoricalTransaction } from './replay.js';

const knownFraud = featureIndexByName.get('receiver_known_fraud_count_30d')!;

function memoryEngine(): FeatureEngine<MemoryProfileStore> {
  return new FeatureEngine({ store: new MemoryProfileStore(buildProfilePlan()), networkSignals: fakeNetworkSignals(), ipHashSecret: 'secret' });
}

describe('interleaveByTime', () => {
  it('puts a label before a transaction at the same millisecond', () => {
    const first = transaction({ createdAt: baseTime });
    const second = transaction({ createdAt: baseTime + hour });
    const steps = [...interleaveByTime([first, second], [labelFor(first, 'fraud', baseTime + hour)])];
    expect(steps.map((step) => step.kind)).toEqual(['transaction', 'label', 'transaction']);
  });

  it('refuses unsorted input', () => {
    const late = transaction({ createdAt: baseTime + hour });
    const early = transaction({ createdAt: baseTime });
    expect(() => [...interleaveByTime([late, early], [])]).toThrow(/not sorted/);
    expect(() => [...interleaveByTime([], [labelFor(late, 'fraud', baseTime + hour), labelFor(early, 'fraud', baseTime)])]).toThrow(/not sorted/);
  });
});

describe('replayHistory', () => {
  it('makes a label at a transaction’s created_at visible to it, and skips unattributable labels', async () => {
    const fraud = transaction({ createdAt: baseTime });
    const tie = transaction({ createdAt: baseTime + hour });
    const orphan = transaction({ createdAt: baseTime });
    const seen: FeatureVector[] = [];
    const summary = await replayHistory(
      memoryEngine(),
      'tenant',
      interleaveByTime([fraud, tie], [labelFor(orphan, 'fraud', baseTime), labelFor(fraud, 'fraud', baseTime + hour)]),
      (_, features) => seen.push(features),
    );
    expect(summary).toEqual({ transactions: 2, labels: 1, skippedLabels: 1 });
    expect(seen.map((vector) => vector.values[knownFraud])).toEqual([0, 1]);
  });

  it('moves a transaction’s label when a later label changes it', async () => {
    const disputed = transaction({ createdAt: baseTime });
    const after = transaction({ createdAt: baseTime + 3 * hour });
    const seen: FeatureVector[] = [];
    await replayHistory(
      memoryEngine(),
      'tenant',
      interleaveByTime([disputed, after], [labelFor(disputed, 'fraud', baseTime + hour), labelFor(disputed, 'legit', baseTime + 2 * hour)]),
      (_, features) => seen.push(features),
    );
    expect(seen[1]!.values[knownFraud]).toBe(0);
  });

  it('uses stored network signals instead of a lookup', async () => {
    const located: HistoricalTransaction = {
      record: transaction({ createdAt: baseTime }),
      network: { country: 'BR', latitude: -23.5, longitude: -46.6, asn: 28573, asnOrganization: 'Claro', hosting: false },
    };
    const seen: FeatureVector[] = [];
    await replayHistory(memoryEngine(), 'tenant', interleaveByTime([located], []), (_, features) => seen.push(features));
    expect(seen[0]!.values[featureIndexByName.get('ip_asn')!]).toBe(28573);
    expect(seen[0]!.network?.country).toBe('BR');
  });
});

describe('rebuilding the in-memory store from stored history', () => {
  it('gives the same features as a process that never restarted', () => {
    const history = randomHistory(77, 4000, 20 * minute);
    const restartAt = history.filter((step) => step.kind === 'transaction')[3000]!.record.createdAt;
    const continuous = memoryEngine();
    const rebuilt = memoryEngine();
    const start = rebuildStartTime(continuous.store.plan, restartAt);
    expect(start).toBeLessThanOrEqual(restartAt - 37 * day);
    const afterRestart = { continuous: [] as FeatureVector[], rebuilt: [] as FeatureVector[] };
    for (const step of history) {
      const before = step.record.createdAt < restartAt && (step.kind === 'transaction' || step.label.labeledAt < restartAt);
      for (const [name, engine] of [['continuous', continuous], ['rebuilt', rebuilt]] as const) {
        if (name === 'rebuilt' && before && step.record.createdAt < start) continue;
        if (step.kind === 'label') {
          engine.applyLabelSync('tenant', step.label, step.record, step.previous);
          continue;
        }
        const vector = engine.observeSync('tenant', step.record, step.online);
        if (!before) afterRestart[name].push(vector);
      }
    }
    expect(afterRestart.rebuilt.length).toBeGreaterThan(900);
    afterRestart.continuous.forEach((vector, row) => {
      expect(Array.from(afterRestart.rebuilt[row]!.values), `row ${row}`).toEqual(Array.from(vector.values));
    });
  });
});
