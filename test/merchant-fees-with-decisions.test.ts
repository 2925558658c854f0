import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { createMerchant, expectSentryErrorShape, sentryMinimalRequest, type MerchantCredentials } from './support/merchants.js';
import { storedChain } from './support/stored-chain.js';
import { verifyChain } from '../src/audit/audit-chain.js';

const admin = { authorization: `Bearer ${adminToken}` };

/**
 * A merchant call's fee commits in its decision's statement (migration 0077): a decision is stored
 * exactly when its fee is taken, so a call whose decision is not stored, or a retry answered from the
 * store, leaves no usage line at all (no charge, no refund).
 */
describe.each(storeKinds)('merchant fees with their decisions on %s', (store) => {
  let sentra: TestApp;

  beforeAll(async () => {
    sentra = await startTestApp(store);
    await sentra.runtime.features.networkReady;
    const db = sentra.runtime.database.db;
    // A decision whose write the database refuses: its transaction, or its event row, cannot be stored.
    await sql`CREATE FUNCTION test_refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'write refused'; END $$`.execute(db);
    await sql`CREATE TRIGGER test_refuse_transaction BEFORE INSERT OR UPDATE ON transactions FOR EACH ROW WHEN (NEW.tx_id LIKE '%refused-%') EXECUTE FUNCTION test_refuse_write()`.execute(db);
    await sql`CREATE TRIGGER test_refuse_event BEFORE INSERT ON merchant_events FOR EACH ROW WHEN (NEW.user_id LIKE 'refused-%') EXECUTE FUNCTION test_refuse_write()`.execute(db);
  }, 120_000);
  afterAll(async () => {
    await sentra.close();
  });

  const sentry = (merchant: MerchantCredentials, body: object) => sentra.app.inject({ method: 'POST', url: '/api/v1/sentry', headers: merchant.headers, payload: body });
  const usage = async (merchant: MerchantCredentials) => {
    const response = await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/usage`, headers: admin });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { balance: string; lines: { kind: string; reference: string | null; amount: string }[] };
    return { balance: body.balance, lines: body.lines.map((line) => `${line.kind} ${line.amount}`) };
  };

  it('takes no fee for a confidence call whose decision cannot be stored: no usage line, the balance unchanged', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '1');
    const refused = await sentry(merchant, { ...sentryMinimalRequest(), event: { transactionId: 'refused-1' } });
    expect(refused.statusCode, refused.body).toBeGreaterThanOrEqual(500);
    expect(await usage(merchant)).toEqual({ balance: '1.0000', lines: ['top_up 1.0000'] });
    // The next call of the merchant is billed as usual.
    const paid = await sentry(merchant, { ...sentryMinimalRequest(), event: { transactionId: 'paid-1' } });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().billing.remainingBalance).toEqual({ currency: 'USD', amount: 0.95 });
    expect(await usage(merchant)).toEqual({ balance: '0.9500', lines: ['top_up 1.0000', 'charge -0.0500'] });
  });

  it('takes no fee for an event call whose event row cannot be stored', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '1');
    const body = { userId: 'refused-user', eventType: 'login_attempt', sessionId: 'session-refused', ipAddress: '46.114.1.1', userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:141.0) Gecko/20100101 Firefox/141.0', channel: 'Web' };
    const refused = await sentra.app.inject({ method: 'POST', url: '/api/v1/Events', headers: merchant.headers, payload: body });
    expect(refused.statusCode, refused.body).toBeGreaterThanOrEqual(500);
    expect(await usage(merchant)).toEqual({ balance: '1.0000', lines: ['top_up 1.0000'] });
    const stored = await sentra.runtime.database.db.selectFrom('merchant_events').select('event_id').where('merchant_id', '=', merchant.merchantId).execute();
    expect(stored).toEqual([]);
  });

  it('leaves exactly one charge line for a call and its retries, each retry reporting a fee of 0 and the current balance', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '1');
    const body = { ...sentryMinimalRequest(), event: { type: 'PURCHASE', transactionId: 'retried-1' }, order: { amount: 40, currency: 'USD' } };
    const first = await sentry(merchant, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().billing.items[0].fee.amount).toBe(0.05);
    // Another call moves the balance between the first answer and the retries.
    expect((await sentry(merchant, { ...sentryMinimalRequest(), event: { transactionId: 'other-1' } })).statusCode).toBe(200);
    for (const retry of await Promise.all([sentry(merchant, body), sentry(merchant, body)])) {
      expect(retry.statusCode, retry.body).toBe(200);
      expect(retry.headers['sentra-decision-id']).toBe(first.headers['sentra-decision-id']);
      expect(retry.json().billing).toEqual({
        items: [{ feeType: 'SENTRY', fee: { currency: 'USD', amount: 0 }, completed: true }],
        remainingBalance: { currency: 'USD', amount: 0.9 },
        amountAuthorized: { currency: 'USD', amount: 0 },
        amountClosed: { currency: 'USD', amount: 0 },
      });
    }
    expect(await usage(merchant)).toEqual({ balance: '0.9000', lines: ['top_up 1.0000', 'charge -0.0500', 'charge -0.0500'] });
  });

  it('answers the retry of an answered call from the store when the balance no longer covers a fee, without billing it', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '0.05');
    const body = { ...sentryMinimalRequest(), event: { type: 'PURCHASE', transactionId: 'last-fee-1' }, order: { amount: 40, currency: 'USD' } };
    const first = await sentry(merchant, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().billing.remainingBalance).toEqual({ currency: 'USD', amount: 0 });
    const retry = await sentry(merchant, body);
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.headers['sentra-decision-id']).toBe(first.headers['sentra-decision-id']);
    expect(retry.json().billing.items[0].fee).toEqual({ currency: 'USD', amount: 0 });
    // A new call still finds the balance empty.
    const other = await sentry(merchant, { ...body, event: { type: 'PURCHASE', transactionId: 'last-fee-2' } });
    expect(other.statusCode).toBe(402);
    expectSentryErrorShape(other, 'exhausted', ['SENTRA_ERR_PAYMENT_REQUIRED']);
    expect(await usage(merchant)).toEqual({ balance: '0.0000', lines: ['top_up 0.0500', 'charge -0.0500'] });
  });

  it('admits a merchant out of money as soon as money is added, by any process', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '0.05');
    expect((await sentry(merchant, sentryMinimalRequest())).statusCode).toBe(200);
    const refused = await sentry(merchant, sentryMinimalRequest());
    expect(refused.statusCode).toBe(402);
    expectSentryErrorShape(refused, 'exhausted', ['SENTRA_ERR_PAYMENT_REQUIRED']);
    // Money added behind this process's back (another process of a scaled installation): the
    // balance this process last saw is too low, and must not refuse the next call.
    await sentra.runtime.database.db.updateTable('merchants').set({ balance_units: 10_000 }).where('id', '=', merchant.merchantId).execute();
    const admitted = await sentry(merchant, sentryMinimalRequest());
    expect(admitted.statusCode, admitted.body).toBe(200);
    expect(admitted.json().billing.remainingBalance).toEqual({ currency: 'USD', amount: 0.95 });
  });

  it('writes the paid calls of a group commit whose other calls lost the race for the balance, and chains their audit', async () => {
    const poor = await createMerchant(sentra.app, adminToken, { rate_limit_per_second: 10_000 }, '0.50');
    const rich = await createMerchant(sentra.app, adminToken, { rate_limit_per_second: 10_000 }, '100');
    const calls = Array.from({ length: 60 }, (_, index) => (index % 3 === 0 ? { merchant: rich, id: `rich-${index}` } : { merchant: poor, id: `poor-${index}` }));
    const answers = await Promise.all(calls.map(({ merchant, id }) => sentry(merchant, { ...sentryMinimalRequest(), event: { transactionId: id } })));
    const statuses = (merchant: MerchantCredentials) => answers.filter((_, index) => calls[index]!.merchant === merchant).map((answer) => answer.statusCode);
    expect(statuses(rich).every((status) => status === 200)).toBe(true);
    expect(statuses(poor).filter((status) => status === 200)).toHaveLength(10);
    expect(statuses(poor).filter((status) => status === 402)).toHaveLength(30);
    for (const answer of answers.filter((response) => response.statusCode === 402)) expectSentryErrorShape(answer, 'lost the race', ['SENTRA_ERR_PAYMENT_REQUIRED']);
    expect((await usage(poor)).balance).toBe('0.0000');
    expect((await usage(poor)).lines.filter((line) => line.startsWith('charge'))).toHaveLength(10);
    const db = sentra.runtime.database.db;
    const storedOfPoor = await db.selectFrom('transactions').select('tx_id').where('merchant_id', '=', poor.merchantId).execute();
    expect(storedOfPoor).toHaveLength(10);
    const chain = await storedChain(db, 'default');
    expect(chain.filter((entry) => entry.action === 'decision.created').length).toBeGreaterThanOrEqual(30);
    expect(verifyChain(chain)).toBeUndefined();
  });
});
