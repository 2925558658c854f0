import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainHeadCache } from '../src/audit/chain-head-cache.js';
import type { DecisionWrite } from '../src/scoring/decision-record.js';
import { persistDecisions } from '../src/scoring/decision.repository.js';
import { FeatureLists } from '../src/features/feature-lists.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { decisionWrite } from './support/decision-write.js';

const admin = { authorization: `Bearer ${adminToken}` };

/** A decision as the scoring service hands it to the writer, with these features. */
const decision = (requestId: string, features: Record<string, number | null>): DecisionWrite => ({
  ...decisionWrite(requestId, `tx-${requestId}`),
  features: { names: Object.keys(features), values: Object.values(features) },
});

/**
 * A decision's features are stored packed into one string with the id of its list of names
 * (migrations 0080 and 0084), and read back, by every reader, as the object they were: values,
 * nulls and names exactly, whether a row holds the packed string or (written before) an array or an
 * object.
 */
describe.each(storeKinds)('stored features on %s', (store) => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp(store);
  });
  afterAll(async () => {
    await sentra.close();
  });

  const features = {
    amount_usd: 125.5,
    sender_tx_count_1h: 0,
    sender_amount_usd_mean_7d: null,
    ip_is_hosting: 1,
    receiver_fraud_rate_30d: 0.012345678901234,
    // Doubles whose shortest forms are long or in exponent notation come back as the same doubles.
    long_digits: 1.1099999999999999,
    exponent_large: 1e21,
    exponent_tiny: 5e-324,
    negative: -12.75,
  };
  const stored = async (requestId: string) =>
    (
      await sql<{ form: string; feature_list: string | null }>`select jsonb_typeof(features) as form, feature_list from risk_scores where id = ${requestId}`.execute(sentra.runtime.database.db)
    ).rows[0];

  it('scores store their values packed with their list, and GET /v1/decisions answers the object by name', async () => {
    const scored = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: admin, payload: scoreBody({ transaction: { tx_id: 'tx-api-1' } }) });
    expect(scored.statusCode, scored.body).toBe(200);
    const requestId = scored.json().request_id as string;
    const row = await stored(requestId);
    expect(row).toEqual({ form: 'string', feature_list: expect.stringMatching(/^fl_[0-9a-f]{24}$/) });
    const read = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${requestId}`, headers: admin });
    expect(read.statusCode, read.body).toBe(200);
    const byName = read.json().features as Record<string, number | null>;
    const list = await sentra.runtime.database.db.selectFrom('feature_lists').select(['names', 'positions']).where('id', '=', row!.feature_list!).executeTakeFirstOrThrow();
    expect(Object.keys(byName).sort()).toEqual([...list.names].sort());
    expect(Object.keys(byName).length).toBeGreaterThan(100);
    expect(list.positions[list.names[7]!]).toBe(7);
  });

  it('reads a packed row, an array row and an object row of the same features as the same object, nulls included', async () => {
    const db = sentra.runtime.database.db;
    const heads = new ChainHeadCache(db);
    const lists = new FeatureLists();
    await persistDecisions(db, heads, [decision('dec_as_packed', features), decision('dec_as_array', features)], undefined, lists);
    await persistDecisions(db, heads, [decision('dec_as_object', features)]);
    expect(await stored('dec_as_packed')).toMatchObject({ form: 'string' });
    // A row as a writer of migration 0080 stored it: the same values as a JSON array.
    await sql`update risk_scores set features = ${JSON.stringify(Object.values(features))}::jsonb where id = 'dec_as_array'`.execute(db);
    expect(await stored('dec_as_array')).toMatchObject({ form: 'array' });
    expect(await stored('dec_as_object')).toEqual({ form: 'object', feature_list: null });
    for (const requestId of ['dec_as_packed', 'dec_as_array', 'dec_as_object']) {
      const read = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${requestId}`, headers: admin });
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json().features, requestId).toEqual(features);
      // The documented SQL accessor for one feature (docs/features.md).
      const values = await sql<{ amount: string | null; mean: string | null; unknown: string | null }>`
        select sentra_feature_value(features, feature_list, 'amount_usd') as amount, sentra_feature_value(features, feature_list, 'sender_amount_usd_mean_7d') as mean,
               sentra_feature_value(features, feature_list, 'no_such_feature') as unknown
          from risk_scores where id = ${requestId}`.execute(sentra.runtime.database.db);
      expect(values.rows, requestId).toEqual([{ amount: '125.5', mean: null, unknown: null }]);
    }
  });

  it('writes a list once, from any number of writers, and sends its names only until a commit holding it succeeded', async () => {
    const db = sentra.runtime.database.db;
    const heads = new ChainHeadCache(db);
    const others = { ...features, extra_feature: 2 };
    const first = new FeatureLists();
    const second = new FeatureLists();
    const id = first.encode(decision('dec_list_probe', others).features).list.id;
    expect(first.isStored(id)).toBe(false);
    await persistDecisions(db, heads, [decision('dec_list_1', others), decision('dec_list_2', others)], undefined, first);
    expect(first.isStored(id)).toBe(true);
    // Another process (its own cache) sends the names again; the list stays one row.
    await persistDecisions(db, heads, [decision('dec_list_3', others)], undefined, second);
    const rows = await db.selectFrom('feature_lists').select('names').where('id', '=', id).execute();
    expect(rows).toEqual([{ names: Object.keys(others) }]);
    for (const requestId of ['dec_list_1', 'dec_list_3']) {
      expect((await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${requestId}`, headers: admin })).json().features).toEqual(others);
    }
  });

  it('backtests read features by name, and whole, from both forms', async () => {
    const backtest = async (expression: string) => {
      const response = await sentra.app.inject({ method: 'POST', url: '/v1/rules/backtest', headers: admin, payload: { expression, action: 'HOLD', from: '2026-11-20T14:00:00Z', to: '2026-11-20T14:10:00Z' } });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { evaluated: number; errors: number; hits: { transactions: number } };
    };
    // dec_as_packed, dec_as_array, dec_as_object and the three list decisions all hold these values.
    for (const expression of ['features.amount_usd > 100.0 && features.ip_is_hosting == 1.0', 'features["amount_usd"] > 100.0 && features["ip_is_hosting"] == 1.0']) {
      expect(await backtest(expression), expression).toMatchObject({ evaluated: 6, errors: 0, hits: { transactions: 6 } });
    }
    expect(await backtest('features.amount_usd > 200.0')).toMatchObject({ evaluated: 6, errors: 0, hits: { transactions: 0 } });
    // A missing value is missing whatever the form, and a zero is a zero.
    for (const expression of ['!has(features.sender_amount_usd_mean_7d)', '!has(features.sender_amount_usd_mean_7d) && features.sender_tx_count_1h == 0.0']) {
      expect(await backtest(expression), expression).toMatchObject({ evaluated: 6, errors: 0, hits: { transactions: 6 } });
    }
  });
});
