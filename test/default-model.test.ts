import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The model a fresh install ships with must judge a fresh install's traffic sensibly: there, every
 * customer, device and merchant is new. An ordinary domestic card payment of a new customer (the
 * README's tour payment, and amounts a big spender pays) must pass, not open a case.
 */
describe('the default model on a fresh install', () => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp('pglite');
  });
  afterAll(async () => {
    await sentra.close();
  });

  const tourPayment = (txId: string, amount: string, senderId: string, feeTotal = 1.55) => ({
    transaction: {
      tx_id: txId,
      created_at: '2026-11-21T10:15:00Z',
      amount,
      currency: 'USD',
      direction: 'pay_in',
      channel: 'card',
      psp: 'stripe',
      route_id: 'us-card',
      status: 'approved',
      status_reason: 'approved',
      fee_total: feeTotal,
    },
    entities: {
      sender_entity_id: senderId,
      receiver_entity_id: 'merchant-7',
      sender_country: 'US',
      receiver_country: 'US',
      device_id_hash: `device-of-${senderId}`,
    },
  });

  const score = (amount: string, senderId: string, feeTotal?: number) =>
    sentra.app.inject({
      method: 'POST',
      url: '/v1/risk/score',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: tourPayment(`tour-${senderId}`, amount, senderId, feeTotal),
    });

  it.each([
    ['249.90', 'cust-42', 7.55],
    ['49.90', 'cust-43', 1.55],
    ['19.90', 'cust-44', 0.88],
    ['600.00', 'cust-45', 17.7],
  ])('passes an ordinary %s USD card payment of a new customer', async (amount, senderId, feeTotal) => {
    const response = await score(amount, senderId, feeTotal);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ decision: 'PASS' });
  });

  // Every model is trained on rows that say "no hosting IP, no IP abroad" (0) when there is no IP,
  // as the data contract's card-present rows do; a payment sent without any IP must read the same,
  // not "unknown", which no model ever saw for such a payment (it sent the tour payment to HOLD).
  it('reads a payment without any IP as the training rows without one: ip_is_hosting and ip_country_mismatch 0', async () => {
    const featuresOf = async (body: object) => {
      const scored = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: `Bearer ${adminToken}` }, payload: body });
      expect(scored.statusCode, scored.body).toBe(200);
      const decision = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${scored.json().request_id}`, headers: { authorization: `Bearer ${adminToken}` } });
      return decision.json().features as Record<string, number | null>;
    };
    const withoutIp = await featuresOf(tourPayment('no-ip-1', '49.90', 'cust-46'));
    expect([withoutIp.ip_is_hosting, withoutIp.ip_country_mismatch]).toEqual([0, 0]);
    // An override still says what the caller knows; an IP that cannot be located stays unknown.
    const overridden = await featuresOf({ ...tourPayment('no-ip-2', '49.90', 'cust-47'), feature_overrides: { ip_is_hosting: 1 } });
    expect(overridden.ip_is_hosting).toBe(1);
    const unlocated = tourPayment('no-ip-3', '49.90', 'cust-48');
    const hashedOnly = await featuresOf({ ...unlocated, entities: { ...unlocated.entities, ip_hash: 'a'.repeat(64) } });
    expect([hashedOnly.ip_is_hosting, hashedOnly.ip_country_mismatch]).toEqual([null, null]);
  });
});
