import { sql } from 'kysely';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, storeKinds, type TestApp } from './support/test-app.js';

/**
 * `sentra_charge_fees` (migrations 0052, 0079, 0081) against the rule it implements, item by item in
 * document order: a merchant of the item's tenant pays the price of the item's service when its
 * balance minus that price stays at or above minus its overdraft; otherwise the item is not charged
 * (null) and the next one is tried. Every group is run inside a transaction that is rolled back.
 */
interface MerchantSpec {
  id: string;
  balance: number;
  overdraft: number;
  fees: Record<string, number>;
}
interface Item {
  request_id: string;
  usage_id: string;
  tenant_id: string;
  merchant_id: string;
  service: string;
  reference: string;
  actor: string;
  at: string;
}
type Charged = { currency: string; balance_units: number; fee_units: number } | null;

/** The rule, one item after the other. */
function reference(merchants: MerchantSpec[], items: Item[]): { results: Charged[]; balances: Record<string, number> } {
  const balances = Object.fromEntries(merchants.map((merchant) => [merchant.id, merchant.balance]));
  const results = items.map((item): Charged => {
    const merchant = merchants.find((candidate) => candidate.id === item.merchant_id);
    const fee = merchant?.fees[item.service];
    if (merchant === undefined || item.tenant_id !== 'default' || fee === undefined) return null;
    if (balances[merchant.id]! - fee < -merchant.overdraft) return null;
    balances[merchant.id]! -= fee;
    return { currency: 'EUR', balance_units: balances[merchant.id]!, fee_units: fee };
  });
  return { results, balances };
}

class RolledBack extends Error {}

describe.each(storeKinds)('merchant fees taken with their decisions on %s', (store) => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp(store);
  });
  afterAll(async () => {
    await sentra.close();
  });

  async function charge(merchants: MerchantSpec[], items: Item[]) {
    let observed: { results: Charged[]; balances: Record<string, number>; lines: { id: string; amount_units: number; balance_after_units: number }[] } | undefined;
    await sentra.runtime.database.db
      .transaction()
      .execute(async (trx) => {
        for (const merchant of merchants) {
          await trx
            .insertInto('merchants')
            .values({
              id: merchant.id,
              tenant_id: 'default',
              name: merchant.id,
              mode: 'live',
              currency: 'EUR',
              balance_units: merchant.balance,
              overdraft_units: merchant.overdraft,
              fees: JSON.stringify(merchant.fees),
              thresholds: JSON.stringify(null),
              rate_limit_per_second: null,
              country: null,
              created_at: new Date(),
              updated_at: new Date(),
            })
            .execute();
        }
        const answer = await sql<{ results: unknown }>`select sentra_charge_fees(${JSON.stringify(items)}::jsonb) as results`.execute(trx);
        const raw = answer.rows[0]!.results;
        const results = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Charged[];
        const rows = await trx.selectFrom('merchants').select(['id', 'balance_units']).where('id', 'in', merchants.map((merchant) => merchant.id)).execute();
        const lines = await trx
          .selectFrom('merchant_usage')
          .select(['id', 'amount_units', 'balance_after_units'])
          .where('id', 'in', items.map((item) => item.usage_id))
          .execute();
        observed = {
          results: results.map((result) => (result === null ? null : { ...result, balance_units: Number(result.balance_units), fee_units: Number(result.fee_units) })),
          balances: Object.fromEntries(rows.map((row) => [row.id, Number(row.balance_units)])),
          lines: lines.map((line) => ({ id: line.id, amount_units: Number(line.amount_units), balance_after_units: Number(line.balance_after_units) })),
        };
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    return observed!;
  }

  const item = (index: number, merchantId: string, service: string, tenantId = 'default'): Item => ({
    request_id: `req-${index}`,
    usage_id: `use-${index}`,
    tenant_id: tenantId,
    merchant_id: merchantId,
    service,
    reference: `tx-${index}`,
    actor: 'key-1',
    at: '2026-12-06T10:00:00Z',
  });

  it('charges a covered group in one pass: the balance after each fee in order, one usage line per call, each balance written once', async () => {
    const merchants = [
      { id: 'mer_a', balance: 100, overdraft: 0, fees: { SENTRY: 7, EVENTS: 3 } },
      { id: 'mer_b', balance: 10, overdraft: 5, fees: { SENTRY: 5, EVENTS: 5 } },
    ];
    const items = [item(1, 'mer_a', 'SENTRY'), item(2, 'mer_a', 'EVENTS'), item(3, 'mer_a', 'SENTRY'), item(4, 'mer_b', 'EVENTS'), item(5, 'mer_b', 'SENTRY'), item(6, 'mer_b', 'EVENTS')];
    const observed = await charge(merchants, items);
    expect(observed.results).toEqual([
      { currency: 'EUR', balance_units: 93, fee_units: 7 },
      { currency: 'EUR', balance_units: 90, fee_units: 3 },
      { currency: 'EUR', balance_units: 83, fee_units: 7 },
      { currency: 'EUR', balance_units: 5, fee_units: 5 },
      { currency: 'EUR', balance_units: 0, fee_units: 5 },
      { currency: 'EUR', balance_units: -5, fee_units: 5 },
    ]);
    expect(observed.balances).toEqual({ mer_a: 83, mer_b: -5 });
    expect(observed.lines.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'use-1', amount_units: -7, balance_after_units: 93 },
      { id: 'use-2', amount_units: -3, balance_after_units: 90 },
      { id: 'use-3', amount_units: -7, balance_after_units: 83 },
      { id: 'use-4', amount_units: -5, balance_after_units: 5 },
      { id: 'use-5', amount_units: -5, balance_after_units: 0 },
      { id: 'use-6', amount_units: -5, balance_after_units: -5 },
    ]);
  });

  it('charges a call that takes the balance exactly to minus the overdraft, and not one that would take it a unit further', async () => {
    const exact = await charge([{ id: 'mer_exact', balance: 10, overdraft: 2, fees: { SENTRY: 4 } }], [item(1, 'mer_exact', 'SENTRY'), item(2, 'mer_exact', 'SENTRY'), item(3, 'mer_exact', 'SENTRY')]);
    expect(exact.results.map((result) => result?.balance_units ?? null)).toEqual([6, 2, -2]);
    expect(exact.balances).toEqual({ mer_exact: -2 });
    const short = await charge([{ id: 'mer_short', balance: 9, overdraft: 2, fees: { SENTRY: 4, EVENTS: 1 } }], [item(1, 'mer_short', 'SENTRY'), item(2, 'mer_short', 'SENTRY'), item(3, 'mer_short', 'SENTRY'), item(4, 'mer_short', 'EVENTS')]);
    expect(short.results.map((result) => result?.balance_units ?? null)).toEqual([5, 1, null, 0]);
    expect(short.balances).toEqual({ mer_short: 0 });
    expect(short.lines.map((line) => line.id).sort()).toEqual(['use-1', 'use-2', 'use-4']);
  });

  it('decides each call of any group as the item-by-item rule does: who pays, the balances after, and the usage lines', async () => {
    let group = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ balance: fc.integer({ min: 0, max: 12 }), overdraft: fc.integer({ min: 0, max: 3 }), sentry: fc.integer({ min: 0, max: 4 }), events: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.record({ merchant: fc.integer({ min: 0, max: 3 }), service: fc.constantFrom('SENTRY', 'EVENTS', 'PIPELINE'), otherTenant: fc.integer({ min: 0, max: 9 }).map((value) => value === 0) }), { minLength: 1, maxLength: 12 }),
        async (specs, picks) => {
          group++;
          const merchants = specs.map((spec, index) => ({ id: `mer_p${group}_${index}`, balance: spec.balance, overdraft: spec.overdraft, fees: { SENTRY: spec.sentry, EVENTS: spec.events } }));
          // Merchant index 3 may name no merchant at all; PIPELINE has no price; a few items name another tenant.
          const items = picks
            .map((pick, index) => item(index, merchants[pick.merchant]?.id ?? `mer_p${group}_missing`, pick.service, pick.otherTenant ? 'other' : 'default'))
            .sort((a, b) => a.merchant_id.localeCompare(b.merchant_id));
          const expected = reference(merchants, items);
          const observed = await charge(merchants, items);
          expect(observed.results).toEqual(expected.results);
          expect(observed.balances).toEqual(expected.balances);
          const expectedLines = items.flatMap((entry, index) => {
            const result = expected.results[index];
            return result === null || result === undefined ? [] : [{ id: entry.usage_id, amount_units: 0 - result.fee_units, balance_after_units: result.balance_units }];
          });
          expect(observed.lines.sort((a, b) => a.id.localeCompare(b.id))).toEqual(expectedLines.sort((a, b) => a.id.localeCompare(b.id)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
