import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { TransactionRecord } from '../../contract/transaction-record.js';
import { featureCatalogue, featureIndexByName } from '../catalogue/feature-catalogue.js';
import { storeFactories } from '../testing/store-factories.js';
import { baseTime, day, hour, minute, transaction } from '../testing/transactions.js';
import { FeatureEngine, type FeatureVector } from './feature-engine.js';

function feature(vector: FeatureVector, name: string): number {
  const index = featureIndexByName.get(name);
  if (index === undefined) throw new Error(`no feature ${name}`);
  return vector.values[index]!;
}

describe.each(storeFactories())('velocity windows on the $name store', (factory) => {
  let engine: FeatureEngine;
  const observe = (record: TransactionRecord, tenant = 'tenant-a'): Promise<FeatureVector> => engine.observe(tenant, record);
  beforeEach(() => {
    engine = new FeatureEngine({ store: factory.create() });
  });
  afterAll(() => factory.cleanup());

  it('counts earlier transactions only, in USD, never the current one', async () => {
    const first = await observe(transaction({ amount: 100, currency: 'EUR', fxRate: 1.25 }));
    expect(feature(first, 'sender_tx_count_1h')).toBe(0);
    expect(feature(first, 'amount_usd')).toBe(125);
    const second = await observe(transaction({ createdAt: baseTime + minute, amount: 10, currency: 'GBP' }));
    expect(feature(second, 'sender_tx_count_1h')).toBe(1);
    expect(feature(second, 'sender_amount_usd_sum_1h')).toBe(125);
    expect(feature(second, 'receiver_tx_count_1h')).toBe(1);
    expect(feature(second, 'amount_usd')).toBeCloseTo(13, 10);
  });

  it('keeps the 1-hour window to the current 5-minute bucket and the 11 before it', async () => {
    await observe(transaction({ createdAt: baseTime }));
    const atEdge = await observe(transaction({ createdAt: baseTime + hour - 1 }));
    expect(feature(atEdge, 'sender_tx_count_1h')).toBe(1);
    const past = await observe(transaction({ createdAt: baseTime + hour }));
    expect(feature(past, 'sender_tx_count_1h')).toBe(1);
    expect(feature(past, 'sender_tx_count_24h')).toBe(2);
  });

  it('drops a transaction 56 minutes back once its bucket is 12 buckets old', async () => {
    await observe(transaction({ createdAt: baseTime + 4 * minute }));
    const later = await observe(transaction({ createdAt: baseTime + hour }));
    expect(feature(later, 'sender_tx_count_1h')).toBe(0);
    expect(feature(later, 'sender_tx_count_24h')).toBe(1);
  });

  it('expires the 24-hour, 7-day and 30-day windows at their bucket edges', async () => {
    await observe(transaction({ createdAt: baseTime, amount: 7 }));
    const day1 = await observe(transaction({ createdAt: baseTime + day - 1, amount: 1 }));
    expect(feature(day1, 'sender_tx_count_24h')).toBe(1);
    const day1Past = await observe(transaction({ createdAt: baseTime + day, amount: 1 }));
    expect(feature(day1Past, 'sender_tx_count_24h')).toBe(1);
    expect(feature(day1Past, 'sender_amount_usd_sum_24h')).toBe(1);
    const week = await observe(transaction({ createdAt: baseTime + 7 * day - 1, amount: 1 }));
    expect(feature(week, 'sender_tx_count_7d')).toBe(3);
    const weekPast = await observe(transaction({ createdAt: baseTime + 7 * day, amount: 1 }));
    expect(feature(weekPast, 'sender_tx_count_7d')).toBe(3);
    expect(feature(weekPast, 'sender_tx_count_30d')).toBe(4);
    const month = await observe(transaction({ createdAt: baseTime + 30 * day - 1, amount: 1 }));
    expect(feature(month, 'sender_tx_count_30d')).toBe(5);
    expect(feature(month, 'sender_amount_usd_sum_30d')).toBe(11);
    expect(feature(month, 'receiver_tx_count_30d')).toBe(5);
    // Day buckets for the sender: day 0 (base and base + 1 day - 1 ms) has left; the receiver's
    // hourly buckets only drop the first hour of day 0.
    const monthPast = await observe(transaction({ createdAt: baseTime + 30 * day, amount: 1 }));
    expect(feature(monthPast, 'sender_tx_count_30d')).toBe(4);
    expect(feature(monthPast, 'sender_amount_usd_sum_30d')).toBe(4);
    expect(feature(monthPast, 'receiver_tx_count_30d')).toBe(5);
  });

  it('forgets an entity idle for 30 days: it starts over as new', async () => {
    await observe(transaction({ createdAt: baseTime }));
    const justBefore = await observe(transaction({ createdAt: baseTime + 30 * day - 1, senderEntityId: 'sender-2' }));
    expect(feature(justBefore, 'sender_seconds_since_previous_tx')).toBeNaN();
    const stillKnown = await observe(transaction({ createdAt: baseTime + 30 * day - 1, receiverEntityId: 'receiver-2' }));
    expect(feature(stillKnown, 'sender_seconds_since_previous_tx')).toBe((30 * day - 1) / 1000);
    const idle = await observe(transaction({ createdAt: baseTime + 60 * day - 1, receiverEntityId: 'receiver-3' }));
    expect(feature(idle, 'sender_seconds_since_previous_tx')).toBeNaN();
    expect(feature(idle, 'is_new_receiver_for_sender')).toBe(1);
  });

  it('does not count a re-scored transaction twice and answers with its first behavioural features', async () => {
    const pending = transaction({ createdAt: baseTime, status: 'pending', deviceIdHash: 'device-1' });
    await observe(transaction({ createdAt: baseTime - minute }));
    const first = await observe(pending);
    await observe(transaction({ createdAt: baseTime + minute }));
    const again = await observe({ ...pending, status: 'completed' });
    expect(first.rescored).toBe(false);
    expect(again.rescored).toBe(true);
    featureCatalogue.forEach((definition, index) => {
      if (definition.name === 'status_code') return;
      expect(Object.is(again.values[index], first.values[index]), definition.name).toBe(true);
    });
    expect(feature(first, 'status_code')).toBe(4);
    expect(feature(again, 'status_code')).toBe(1);
    const next = await observe(transaction({ createdAt: baseTime + 2 * minute }));
    expect(feature(next, 'sender_tx_count_1h')).toBe(3);
    expect(feature(next, 'device_tx_count_1h')).toBeNaN();
  });

  it('keeps tenants apart, even when naive key concatenation would collide', async () => {
    const shared = transaction({ createdAt: baseTime, txId: 'same-id' });
    await observe(shared, 'tenant-a');
    const other = await observe({ ...shared, createdAt: baseTime + minute }, 'tenant-b');
    expect(other.rescored).toBe(false);
    expect(feature(other, 'sender_tx_count_1h')).toBe(0);
    await observe(transaction({ createdAt: baseTime, senderEntityId: 'c' }), 'ab');
    const collision = await observe(transaction({ createdAt: baseTime + minute, senderEntityId: 'bc' }), 'a');
    expect(feature(collision, 'sender_tx_count_1h')).toBe(0);
  });

  it('counts a currency without rate or fx_rate but leaves its amount missing', async () => {
    const unmapped = await observe(transaction({ currency: 'XAF', amount: 5000 }));
    expect(feature(unmapped, 'amount_usd')).toBeNaN();
    const next = await observe(transaction({ createdAt: baseTime + minute }));
    expect(feature(next, 'sender_tx_count_1h')).toBe(1);
    expect(feature(next, 'sender_amount_usd_sum_1h')).toBe(0);
  });
});
