import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { TransactionRecord } from '../../contract/transaction-record.js';
import { featureIndexByName } from '../catalogue/feature-catalogue.js';
import { storeFactories } from '../testing/store-factories.js';
import { baseTime, day, hour, labelFor, minute, transaction } from '../testing/transactions.js';
import { FeatureEngine, type FeatureVector } from './feature-engine.js';

function feature(vector: FeatureVector, name: string): number {
  const index = featureIndexByName.get(name);
  if (index === undefined) throw new Error(`no feature ${name}`);
  return vector.values[index]!;
}

describe.each(storeFactories())('label visibility on the $name store', (factory) => {
  let engine: FeatureEngine;
  const observe = (createdAt: number, fields: Partial<TransactionRecord> = {}): Promise<FeatureVector> =>
    engine.observe('tenant-a', transaction({ createdAt, ...fields }));
  const record = async (createdAt: number, fields: Partial<TransactionRecord> = {}): Promise<TransactionRecord> => {
    const made = transaction({ createdAt, ...fields });
    await engine.observe('tenant-a', made);
    return made;
  };
  beforeEach(() => {
    engine = new FeatureEngine({ store: factory.create() });
  });
  afterAll(() => factory.cleanup());

  it('counts a label only for transactions at or after its labeledAt', async () => {
    const fraud = await record(baseTime);
    const before = await observe(baseTime + 2 * hour - 1, { senderEntityId: 'sender-2' });
    expect(feature(before, 'receiver_known_fraud_count_30d')).toBe(0);
    await engine.applyLabel('tenant-a', labelFor(fraud, 'fraud', baseTime + 2 * hour), fraud);
    const after = await observe(baseTime + 2 * hour);
    expect(feature(after, 'receiver_known_fraud_count_30d')).toBe(1);
    expect(feature(after, 'sender_known_fraud_count_30d')).toBe(1);
    const otherSender = await observe(baseTime + 3 * hour, { senderEntityId: 'sender-2' });
    expect(feature(otherSender, 'sender_known_fraud_count_30d')).toBe(0);
  });

  it('reproduces the handbook terminal risk with a 7-day label delay', async () => {
    // The delayed w-day window ends with the hour bucket that holds now − 7 days.
    const fraud = await record(baseTime + hour);
    const legit = await record(baseTime + 7 * hour);
    await engine.applyLabel('tenant-a', labelFor(fraud, 'fraud', fraud.createdAt + 7 * day), fraud);
    await engine.applyLabel('tenant-a', labelFor(legit, 'legit', legit.createdAt + 7 * day), legit);
    // now − 7 days is baseTime + 1 day + 1 h: the 1-day window is [baseTime + 2 h, baseTime + 1 day + 2 h).
    const day8 = await observe(baseTime + 8 * day + hour);
    expect(feature(day8, 'receiver_delayed_tx_count_1d')).toBe(1);
    expect(feature(day8, 'receiver_delayed_fraud_rate_1d')).toBe(0);
    expect(feature(day8, 'receiver_delayed_tx_count_7d')).toBe(2);
    expect(feature(day8, 'receiver_delayed_fraud_rate_7d')).toBe(0.5);
    expect(feature(day8, 'receiver_delayed_fraud_rate_30d')).toBe(0.5);
    // A millisecond earlier, the 1-day window [baseTime + 1 h, baseTime + 1 day + 1 h) holds both,
    // as the handbook's exact window [now − 8 days, now − 7 days] does.
    const earlier = await observe(baseTime + 8 * day + hour - 1, { senderEntityId: 'sender-2' });
    expect(feature(earlier, 'receiver_delayed_tx_count_1d')).toBe(2);
    expect(feature(earlier, 'receiver_delayed_fraud_rate_1d')).toBe(0.5);
  });

  it('counts a fraud label in the delayed windows as soon as it arrives, one delay after its payment', async () => {
    const fraud = await record(baseTime + hour);
    await engine.applyLabel('tenant-a', labelFor(fraud, 'fraud', fraud.createdAt + 7 * day), fraud);
    // One hour after the label: the payment is 7 days and 1 hour old, inside every delayed window.
    const next = await observe(baseTime + 7 * day + 2 * hour, { senderEntityId: 'sender-2' });
    expect(feature(next, 'receiver_delayed_tx_count_1d')).toBe(1);
    expect(feature(next, 'receiver_delayed_fraud_rate_1d')).toBe(1);
    expect(feature(next, 'receiver_delayed_fraud_rate_7d')).toBe(1);
    expect(feature(next, 'receiver_delayed_fraud_rate_30d')).toBe(1);
  });

  it('does not leak labels that arrive later than the delay', async () => {
    const fraud = await record(baseTime + hour);
    // 7 days and 1 hour after the payment, its label has not come: it counts, as not fraud.
    const day7 = await observe(baseTime + 7 * day + 2 * hour);
    expect(feature(day7, 'receiver_delayed_tx_count_1d')).toBe(1);
    expect(feature(day7, 'receiver_delayed_fraud_rate_1d')).toBe(0);
    await engine.applyLabel('tenant-a', labelFor(fraud, 'fraud', baseTime + 10 * day), fraud);
    const day10 = await observe(baseTime + 10 * day);
    expect(feature(day10, 'receiver_delayed_tx_count_7d')).toBe(1);
    expect(feature(day10, 'receiver_delayed_fraud_rate_7d')).toBe(1);
  });

  it('rates known fraud over recent windows against labeled and matured transactions', async () => {
    await record(baseTime + 30 * minute);
    const fraud = await record(baseTime + 40 * minute);
    await engine.applyLabel('tenant-a', labelFor(fraud, 'fraud', baseTime + hour), fraud);
    const early = await observe(baseTime + 2 * hour);
    expect(feature(early, 'receiver_known_fraud_rate_1d')).toBe(1);
    expect(feature(early, 'receiver_known_fraud_rate_30d')).toBe(1);
    expect(feature(early, 'receiver_tx_count_24h')).toBe(2);
    const matured = await observe(baseTime + 9 * day);
    expect(feature(matured, 'receiver_known_fraud_rate_1d')).toBe(0);
    expect(feature(matured, 'receiver_known_fraud_rate_30d')).toBe(1 / 3);
    expect(feature(matured, 'receiver_known_fraud_count_30d')).toBe(1);
  });

  it('moves a changed label instead of counting it twice', async () => {
    const disputed = await record(baseTime);
    await engine.applyLabel('tenant-a', labelFor(disputed, 'fraud', baseTime + hour), disputed);
    await engine.applyLabel('tenant-a', labelFor(disputed, 'fraud', baseTime + hour), disputed, 'fraud');
    const fraudOnce = await observe(baseTime + 2 * hour);
    expect(feature(fraudOnce, 'receiver_known_fraud_count_30d')).toBe(1);
    await engine.applyLabel('tenant-a', labelFor(disputed, 'legit', baseTime + 3 * hour), disputed, 'fraud');
    const reverted = await observe(baseTime + 4 * hour);
    expect(feature(reverted, 'receiver_known_fraud_count_30d')).toBe(0);
    expect(feature(reverted, 'receiver_known_fraud_rate_1d')).toBe(0);
    expect(feature(reverted, 'sender_known_fraud_count_30d')).toBe(0);
  });

  it('ignores labels its profiles cannot attribute', async () => {
    const old = transaction({ createdAt: baseTime - 40 * day });
    await engine.applyLabel('tenant-a', labelFor(old, 'fraud', baseTime), old);
    const stranger = transaction({ createdAt: baseTime, receiverEntityId: 'never-seen', senderEntityId: 'never-seen' });
    await engine.applyLabel('tenant-a', labelFor(stranger, 'fraud', baseTime), stranger);
    await record(baseTime);
    const next = await observe(baseTime + minute, { receiverEntityId: 'never-seen', senderEntityId: 'never-seen' });
    expect(feature(next, 'receiver_known_fraud_count_30d')).toBe(0);
    expect(feature(next, 'receiver_tx_count_1h')).toBe(0);
    await expect(engine.applyLabel('tenant-a', labelFor(stranger, 'fraud', baseTime), old)).rejects.toThrow(/label for/);
  });
});
