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
});
