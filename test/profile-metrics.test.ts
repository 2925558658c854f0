import { afterEach, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { seriesValue } from './support/metrics-page.js';

describe.each(storeKinds)('the profile store on /metrics (%s)', (store) => {
  let sentra: TestApp | undefined;
  afterEach(async () => {
    await sentra?.close();
    sentra = undefined;
  });

  it('counts the in-memory store’s entities by role and the bytes they hold; with Redis the series are absent', async () => {
    sentra = await startTestApp(store);
    const scrape = async () => (await sentra!.app.inject({ method: 'GET', url: '/metrics' })).body;
    const inMemory = store === 'pglite' || process.env.REDIS_URL === undefined;
    if (!inMemory) {
      expect(await scrape()).not.toContain('sentra_profile_');
      return;
    }
    const before = await scrape();
    expect(seriesValue(before, 'sentra_profile_entities{role="sender"}')).toBe(0);
    const emptyBytes = seriesValue(before, 'sentra_profile_bytes')!;
    expect(emptyBytes).toBeGreaterThan(0);
    // Three senders, one receiver; one device and one IP address each; no session.
    for (const sender of ['metrics-a', 'metrics-b', 'metrics-c']) {
      const scored = await sentra.app.inject({
        method: 'POST',
        url: '/v1/risk/score',
        headers: { authorization: `Bearer ${adminToken}` },
        payload: scoreBody({ entities: { sender_entity_id: sender, receiver_entity_id: 'metrics-shop', device_id_hash: `device-${sender}`, ip_hash: `ip-${sender}` } }),
      });
      expect(scored.statusCode).toBe(200);
    }
    const after = await scrape();
    expect(['sender', 'receiver', 'device', 'ip', 'session'].map((role) => seriesValue(after, `sentra_profile_entities{role="${role}"}`))).toEqual([3, 1, 3, 3, 0]);
    // The arrays are reserved ahead: a few entities fit in them.
    expect(seriesValue(after, 'sentra_profile_bytes')).toBe(emptyBytes);
    // The receiver paid in 40 different hours: its 37-day ring outgrows the 32 buckets its record
    // holds, and the entries move to an array of 64 (a bucket index and 4 fields each).
    for (let hour = 0; hour < 40; hour++) {
      const createdAt = new Date(Date.UTC(2026, 10, 19) + hour * 3_600_000).toISOString();
      const scored = await sentra.app.inject({
        method: 'POST',
        url: '/v1/risk/score',
        headers: { authorization: `Bearer ${adminToken}` },
        payload: scoreBody({ transaction: { created_at: createdAt }, entities: { sender_entity_id: 'metrics-a', receiver_entity_id: 'metrics-shop', device_id_hash: 'device-metrics-a', ip_hash: 'ip-metrics-a' } }),
      });
      expect(scored.statusCode).toBe(200);
    }
    expect(seriesValue(await scrape(), 'sentra_profile_bytes')).toBe(emptyBytes + 64 * 5 * 8);
  });
});
