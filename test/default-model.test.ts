import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The model a fresh install ships with must judge a fresh install's traffic sensibly: there, every
 * customer, device and merchant is new. An ordinary domestic card payment of a new customer (the
 * README's tour payment and smaller ones) must pass, not open a case.
 */
describe('the default model on a fresh install', () => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp('pglite');
  });
  afterAll(async () => {
    await sentra.close();
  });

  const tourPayment = (txId: string, amount: string, senderId: string) => ({
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
      fee_total: 1.55,
    },
    entities: {
      sender_entity_id: senderId,
      receiver_entity_id: 'merchant-7',
      sender_country: 'US',
      receiver_country: 'US',
      device_id_hash: `device-of-${senderId}`,
    },
  });

  it.each([
    ['49.90', 'cust-42'],
    ['19.90', 'cust-43'],
    ['35.00', 'cust-44'],
  ])('passes an ordinary %s USD card payment of a new customer', async (amount, senderId) => {
    const response = await sentra.app.inject({
      method: 'POST',
      url: '/v1/risk/score',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: tourPayment(`tour-${senderId}`, amount, senderId),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ decision: 'PASS' });
  });
});
