import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContribution, entityIdsByRole, type ProfileEvent } from '../profile-event.js';
import { buildProfilePlan } from '../profile-plan.js';
import { snapshotIndex } from '../snapshot-fields.js';
import { tenantScopedKey } from '../profile-store.js';
import { RedisProfileStore } from './redis-profile-store.js';

const url = process.env.REDIS_URL;

/** The Redis store's keys and the sender's IP countries (the parity with memory is store-equivalence.test.ts). */
describe.skipIf(url === undefined || url === '')('the Redis profile store', () => {
  const prefix = `sentra-test:${process.pid}:${Date.now()}:keys`;
  // Connected in beforeAll: a skipped describe still runs its body, and without REDIS_URL there is nothing to connect to.
  let store: RedisProfileStore;
  let redis: Redis;
  beforeAll(() => {
    store = RedisProfileStore.connect(url!, buildProfilePlan(), { keyPrefix: prefix });
    redis = new Redis(url!);
  });
  afterAll(async () => {
    await store.deleteAll();
    await store.close();
    redis.disconnect();
  });

  const event = (txId: string, createdAt: number, ipCountry: string | undefined): ProfileEvent => ({
    tenantId: 't',
    txId,
    createdAt,
    entityIds: entityIdsByRole({ sender: 'user-1', receiver: 'shop-1', device: undefined, ip: undefined, session: undefined }),
    contribution: buildContribution({ amountUsd: 10, localHour: 12 }),
    latitude: Number.NaN,
    longitude: Number.NaN,
    ipCountry,
  });

  it('keys the sender and the receiver under their state versions, so state of a previous layout is never decoded', async () => {
    // Sender strings in the layouts before the IP-country set and before the last account change, and a
    // receiver string of the layout whose delayed windows ended one bucket earlier, where their keys put them.
    await redis.set(`${prefix}:sender:${tenantScopedKey('t', 'user-1')}`, Buffer.alloc(64, 0xff));
    await redis.set(`${prefix}:sender@v2:${tenantScopedKey('t', 'user-1')}`, Buffer.alloc(64, 0xff));
    await redis.set(`${prefix}:receiver:${tenantScopedKey('t', 'shop-1')}`, Buffer.alloc(64, 0xff));
    const first = await store.observe(event('tx-1', Date.UTC(2026, 0, 1), 'DE'));
    expect(first.snapshot[snapshotIndex.sender_count_30d]).toBe(0);
    expect(first.snapshot[snapshotIndex.receiver_count_30d]).toBe(0);
    const keys = (await redis.keys(`${prefix}:*`)).sort();
    expect(keys).toContain(`${prefix}:sender@v3:${tenantScopedKey('t', 'user-1')}`);
    expect(keys).toContain(`${prefix}:receiver@v3:${tenantScopedKey('t', 'shop-1')}`);
  });

  it("remembers the sender's IP countries: a new one is not known, a seen one is", async () => {
    const second = await store.observe(event('tx-2', Date.UTC(2026, 0, 1, 1), 'FR'));
    expect([second.snapshot[snapshotIndex.sender_distinct_countries_30d], second.snapshot[snapshotIndex.sender_knows_country]]).toEqual([2, 0]);
    const third = await store.observe(event('tx-3', Date.UTC(2026, 0, 1, 2), 'DE'));
    expect([third.snapshot[snapshotIndex.sender_distinct_countries_30d], third.snapshot[snapshotIndex.sender_knows_country]]).toEqual([2, 1]);
    const unlocated = await store.observe(event('tx-4', Date.UTC(2026, 0, 1, 3), undefined));
    expect(unlocated.snapshot[snapshotIndex.sender_distinct_countries_30d]).toBe(2);
    expect(unlocated.snapshot[snapshotIndex.sender_knows_country]).toBeNaN();
  });
});
