import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { OnlineSignals, TransactionRecord } from '../../contract/transaction-record.js';
import { featureIndexByName } from '../catalogue/feature-catalogue.js';
import { hashIp } from '../network/ip-hash.js';
import { tableNetworkSignals } from '../network/network-signals.js';
import { storeFactories } from '../testing/store-factories.js';
import { eventTypeOverrides } from '../../contract/event-types.js';
import { baseTime, day, hour, minute, transaction } from '../testing/transactions.js';
import { FeatureEngine, type FeatureVector } from './feature-engine.js';

function feature(vector: FeatureVector, name: string): number {
  const index = featureIndexByName.get(name);
  if (index === undefined) throw new Error(`no feature ${name}`);
  return vector.values[index]!;
}

const paris = { country: 'FR', latitude: 48.8566, longitude: 2.3522, asn: 3215, asnOrganization: 'Orange S.A.', hosting: false };
const newYork = { country: 'US', latitude: 40.7128, longitude: -74.006, asn: 16509, asnOrganization: 'Amazon.com, Inc.', hosting: true };
const networkSignals = tableNetworkSignals({ '192.0.2.10': paris, '198.51.100.20': newYork });
const secret = 'test-install-secret';

describe.each(storeFactories())('device, network and habit signals on the $name store', (factory) => {
  let engine: FeatureEngine;
  let clock = baseTime;
  const observe = (fields: Partial<TransactionRecord>, online?: OnlineSignals): Promise<FeatureVector> => {
    clock += minute;
    return engine.observe('tenant-a', transaction({ createdAt: clock, ...fields }), online);
  };
  beforeEach(() => {
    clock = baseTime;
    engine = new FeatureEngine({ store: factory.create(), networkSignals, ipHashSecret: secret });
  });
  afterAll(() => factory.cleanup());

  it('flags first-seen devices, IPs and receivers per sender', async () => {
    const first = await observe({ deviceIdHash: 'device-1', ipHash: 'ip-1' });
    expect([feature(first, 'is_new_device_for_sender'), feature(first, 'is_new_ip_for_sender'), feature(first, 'is_new_receiver_for_sender')]).toEqual([1, 1, 1]);
    const repeat = await observe({ deviceIdHash: 'device-1', ipHash: 'ip-1' });
    expect([feature(repeat, 'is_new_device_for_sender'), feature(repeat, 'is_new_ip_for_sender'), feature(repeat, 'is_new_receiver_for_sender')]).toEqual([0, 0, 0]);
    const newDevice = await observe({ deviceIdHash: 'device-2', ipHash: 'ip-1', receiverEntityId: 'receiver-2' });
    expect([feature(newDevice, 'is_new_device_for_sender'), feature(newDevice, 'is_new_receiver_for_sender')]).toEqual([1, 1]);
    expect(feature(newDevice, 'sender_distinct_devices_24h')).toBe(2);
    expect(feature(newDevice, 'sender_distinct_receivers_30d')).toBe(2);
    const otherSender = await observe({ senderEntityId: 'sender-2', deviceIdHash: 'device-1' });
    expect(feature(otherSender, 'is_new_device_for_sender')).toBe(1);
    const noDevice = await observe({});
    expect(feature(noDevice, 'is_new_device_for_sender')).toBeNaN();
    expect(feature(noDevice, 'device_tx_count_24h')).toBeNaN();
    expect(feature(noDevice, 'sender_distinct_devices_24h')).toBe(2);
  });

  it('counts senders sharing a device or an IP, the current one included', async () => {
    await observe({ senderEntityId: 'sender-1', deviceIdHash: 'shared', ipHash: 'ip-shared' });
    await observe({ senderEntityId: 'sender-2', deviceIdHash: 'shared', ipHash: 'ip-shared' });
    await observe({ senderEntityId: 'sender-1', deviceIdHash: 'shared' });
    const third = await observe({ senderEntityId: 'sender-3', deviceIdHash: 'shared', ipHash: 'ip-shared' });
    expect(feature(third, 'device_distinct_senders_30d')).toBe(3);
    expect(feature(third, 'device_distinct_senders_24h')).toBe(3);
    expect(feature(third, 'device_tx_count_1h')).toBe(3);
    expect(feature(third, 'ip_distinct_senders_30d')).toBe(3);
    expect(feature(third, 'ip_tx_count_1h')).toBe(2);
    const again = await observe({ senderEntityId: 'sender-1', deviceIdHash: 'shared' });
    expect(feature(again, 'device_distinct_senders_30d')).toBe(3);
  });

  it('counts IP and device switching within a session', async () => {
    await observe({ sessionId: 'session-1', ipHash: 'ip-1', deviceIdHash: 'device-1' });
    await observe({ sessionId: 'session-1', ipHash: 'ip-2', deviceIdHash: 'device-1' });
    const switched = await observe({ sessionId: 'session-1', ipHash: 'ip-3', deviceIdHash: 'device-2', amount: 30 });
    expect(feature(switched, 'session_distinct_ips_24h')).toBe(3);
    expect(feature(switched, 'session_distinct_devices_24h')).toBe(2);
    expect(feature(switched, 'session_tx_count_1h')).toBe(2);
    expect(feature(switched, 'session_amount_usd_sum_1h')).toBe(200);
    const noSession = await observe({ ipHash: 'ip-1' });
    expect(feature(noSession, 'session_distinct_ips_24h')).toBeNaN();
  });

  it("compares the amount with the sender's history", async () => {
    await observe({ amount: 10 });
    const second = await observe({ amount: 20 });
    expect(feature(second, 'sender_amount_zscore_30d')).toBeNaN();
    expect(feature(second, 'sender_amount_ratio_to_mean_30d')).toBe(2);
    const third = await observe({ amount: 25 });
    expect(feature(third, 'sender_amount_usd_mean_30d')).toBe(15);
    expect(feature(third, 'sender_amount_ratio_to_mean_30d')).toBeCloseTo(25 / 15, 12);
    expect(feature(third, 'sender_amount_zscore_30d')).toBeCloseTo(2, 12);
    expect(feature(third, 'sender_seconds_since_previous_tx')).toBe(60);
  });

  it("averages the sender's amounts with the current payment included, per window", async () => {
    // A first payment: no history, so each mean is the payment's own amount.
    const first = await engine.observe('tenant-a', transaction({ createdAt: baseTime, amount: 40 }));
    for (const window of ['24h', '7d', '30d']) {
      expect(feature(first, `sender_amount_usd_mean_incl_${window}`), window).toBe(40);
      expect(feature(first, `sender_amount_usd_mean_${window}`), window).toBeNaN();
    }
    await engine.observe('tenant-a', transaction({ createdAt: baseTime + 4 * day, amount: 20 }));
    await engine.observe('tenant-a', transaction({ createdAt: baseTime + 10 * day - 2 * hour, amount: 90 }));
    // On day 10, 2 hours after the one before: the 24-hour window holds 90, the 7-day one 20 and
    // 90 (day 0 has left it), the 30-day one 40, 20 and 90; the payment itself is 30 EUR = 60 USD.
    const now = await engine.observe('tenant-a', transaction({ createdAt: baseTime + 10 * day, amount: 30, currency: 'EUR', fxRate: 2 }));
    expect(feature(now, 'amount_usd')).toBe(60);
    expect(feature(now, 'sender_amount_usd_mean_incl_24h')).toBe((90 + 60) / 2);
    expect(feature(now, 'sender_amount_usd_mean_incl_7d')).toBe((20 + 90 + 60) / 3);
    expect(feature(now, 'sender_amount_usd_mean_incl_30d')).toBe((40 + 20 + 90 + 60) / 4);
    // The means of the earlier payments only, beside them.
    expect(feature(now, 'sender_amount_usd_mean_24h')).toBe(90);
    expect(feature(now, 'sender_amount_usd_mean_30d')).toBe(50);
  });

  it('leaves the means including the payment missing when its amount has no USD value, and counts it as 0 USD afterwards', async () => {
    await engine.observe('tenant-a', transaction({ createdAt: baseTime, amount: 30 }));
    const unconvertible = await engine.observe('tenant-a', transaction({ createdAt: baseTime + minute, currency: 'XAF', amount: 5000 }));
    expect(feature(unconvertible, 'amount_usd')).toBeNaN();
    for (const window of ['24h', '7d', '30d']) expect(feature(unconvertible, `sender_amount_usd_mean_incl_${window}`), window).toBeNaN();
    // Like the sums and the means of earlier payments, the next payment counts it as 0 USD.
    const next = await engine.observe('tenant-a', transaction({ createdAt: baseTime + 2 * minute, amount: 60 }));
    expect(feature(next, 'sender_amount_usd_mean_24h')).toBe(15);
    expect(feature(next, 'sender_amount_usd_mean_incl_24h')).toBe((30 + 0 + 60) / 3);
  });

  it("measures the hour against the sender's usual local hours", async () => {
    for (const day of [0, 1, 2]) await engine.observe('tenant-a', transaction({ createdAt: baseTime + day * 24 * hour + 10 * hour, senderCountry: 'MX' }));
    const usual = await engine.observe('tenant-a', transaction({ createdAt: baseTime + 3 * 24 * hour + 10 * hour, senderCountry: 'MX' }));
    expect(feature(usual, 'local_hour_of_day')).toBe(4);
    expect(feature(usual, 'is_night_local')).toBe(1);
    expect(feature(usual, 'hour_of_day_utc')).toBe(10);
    expect(feature(usual, 'sender_hour_deviation_30d')).toBeCloseTo(0, 5);
    expect(feature(usual, 'sender_hour_regularity_30d')).toBeCloseTo(1, 6);
    const odd = await engine.observe('tenant-a', transaction({ createdAt: baseTime + 4 * 24 * hour + 21 * hour, senderCountry: 'MX' }));
    expect(feature(odd, 'sender_hour_deviation_30d')).toBeCloseTo(11, 5);
  });

  it('derives country, ASN, hosting, distance and speed from the raw IP and hashes it', async () => {
    const inParis = await observe({ senderCountry: 'FR' }, { ipAddress: '192.0.2.10' });
    expect(inParis.ipHash).toBe(hashIp(secret, '192.0.2.10'));
    expect(inParis.network).toEqual(paris);
    expect(feature(inParis, 'ip_country_mismatch')).toBe(0);
    expect(feature(inParis, 'ip_is_hosting')).toBe(0);
    expect(feature(inParis, 'distance_from_previous_location_km')).toBeNaN();
    clock += hour - minute;
    const inNewYork = await observe({ senderCountry: 'FR' }, { ipAddress: '198.51.100.20', sessionAgeSeconds: 12 });
    expect(feature(inNewYork, 'ip_country_mismatch')).toBe(1);
    expect(feature(inNewYork, 'ip_is_hosting')).toBe(1);
    expect(feature(inNewYork, 'ip_asn')).toBe(16509);
    expect(feature(inNewYork, 'ip_country_code')).toBe(21 * 32 + 19);
    expect(feature(inNewYork, 'distance_from_previous_location_km')).toBeCloseTo(5837, -1);
    expect(feature(inNewYork, 'implied_speed_kmh')).toBeCloseTo(5837, -1);
    expect(feature(inNewYork, 'session_age_seconds')).toBe(12);
    const sameIpAgain = await observe({}, { ipAddress: '192.0.2.10' });
    expect(feature(sameIpAgain, 'ip_tx_count_1h')).toBe(0);
    expect(feature(sameIpAgain, 'ip_tx_count_24h')).toBe(1);
    expect(feature(sameIpAgain, 'is_new_ip_for_sender')).toBe(0);
  });

  it('reads bot and headless user agents from the record or the online signals', async () => {
    const headless = await observe({
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.71 Safari/537.36',
    });
    expect([feature(headless, 'ua_is_bot'), feature(headless, 'ua_is_headless'), feature(headless, 'ua_browser_family_code')]).toEqual([1, 1, 3]);
    const curl = await observe({}, { userAgent: 'curl/8.4.0' });
    expect([feature(curl, 'ua_is_bot'), feature(curl, 'ua_is_headless'), feature(curl, 'ua_browser_family_code')]).toEqual([1, 0, 0]);
    const none = await observe({});
    expect(feature(none, 'ua_is_bot')).toBeNaN();
  });
  it("carries the sender's last password reset or account update into their later events, and nothing else moves it", async () => {
    const since = (vector: FeatureVector) => feature(vector, 'sender_seconds_since_account_change');
    expect(since(await observe({}))).toBeNaN();
    expect(since(await observe({ overrides: eventTypeOverrides('login_attempt') }))).toBeNaN();
    const reset = await observe({ overrides: eventTypeOverrides('password_reset') });
    expect(since(reset)).toBeNaN();
    // The next events come a minute apart: one minute, then two, after the reset.
    expect(since(await observe({ amount: 480 }))).toBe(60);
    expect(since(await observe({ overrides: eventTypeOverrides('signup') }))).toBe(120);
    expect(since(await observe({ senderEntityId: 'sender-2' }))).toBeNaN();
    expect(since(await observe({ overrides: eventTypeOverrides('account_update') }))).toBe(240);
    expect(since(await observe({}))).toBe(60);
    // An event earlier than the change (delivered late) sees no change before it, and does not move it back.
    expect(since(await observe({ createdAt: clock - 10 * minute }))).toBeNaN();
    expect(since(await observe({}))).toBe(180);
    // Past 30 days the change no longer counts.
    clock += 31 * day;
    expect(since(await observe({}))).toBeNaN();
  });
});
