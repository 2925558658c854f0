import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { rowCounts } from './support/row-counts.js';

/** Replaces, deletes or adds one value somewhere in a JSON document. */
function mutate(document: unknown, path: readonly (string | number)[], action: 'delete' | 'replace' | 'add', value: unknown): unknown {
  const copy = structuredClone(document) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key as string];
    if (typeof next !== 'object' || next === null) return copy;
    node = next as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (action === 'delete') delete node[last as string];
  else if (action === 'replace') node[last as string] = value;
  else node[`extra_${String(last)}`] = value;
  return copy;
}

const fieldPaths: (string | number)[][] = [
  ...['tx_id', 'created_at', 'amount', 'currency', 'direction', 'channel', 'psp', 'route_id', 'status', 'status_reason', 'fee_total', 'fx_rate'].map(
    (field) => ['transaction', field],
  ),
  ...['user_id', 'merchant_id', 'sender_entity_id', 'receiver_entity_id', 'sender_country', 'receiver_country', 'ip_hash', 'device_id_hash'].map(
    (field) => ['entities', field],
  ),
  ['transaction'],
  ['entities'],
  ['kyc_refs'],
  ['feature_overrides'],
];

const nastyValue = fc.oneof(
  fc.anything(),
  fc.constantFrom('', ' ', '-1', '1e400', 'NaN', '0x10', '12.', '.5', '2026-02-30T10:00:00Z', '127.0.0.1', '::1', 'null', '\u0000', 'é'.repeat(300)),
  fc.constantFrom(-1, 0, 1e308, -0, Number.MAX_SAFE_INTEGER, 1e16),
  fc.string({ maxLength: 300 }),
);

describe('scoring body fuzzing', () => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp('pglite');
  });
  afterAll(async () => {
    await sentra.close();
  });

  it('answers 200 or 400 to 10,000 random and mutated bodies, and rejected ones write nothing', async () => {
    const before = await rowCounts(sentra.runtime.database.db);
    let accepted = 0;
    const acceptedTxIds = new Set<string>();
    // A body sent twice is a retry: it answers its first decision and writes nothing more.
    const decisions = new Set<string>();
    const statuses = new Map<number, number>();
    const send = async (payload: string) => {
      const response = await sentra.app.inject({
        method: 'POST',
        url: '/v1/risk/score',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        payload,
      });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      expect([200, 400]).toContain(response.statusCode);
      if (response.statusCode === 200) {
        accepted += 1;
        decisions.add(response.json().request_id);
        acceptedTxIds.add((JSON.parse(payload) as { transaction: { tx_id: string } }).transaction.tx_id);
      } else {
        const { error } = response.json();
        expect(['SENTRA_ERR_VALIDATION', 'SENTRA_ERR_MALFORMED_JSON']).toContain(error.code);
        expect(error.details.length).toBeGreaterThan(0);
        for (const detail of error.details) expect(typeof detail.path).toBe('string');
      }
    };
    const mutated = fc.record({
      path: fc.constantFrom(...fieldPaths),
      action: fc.constantFrom('delete' as const, 'replace' as const, 'replace' as const, 'add' as const),
      value: nastyValue,
    });
    await fc.assert(
      fc.asyncProperty(mutated, async ({ path, action, value }) => {
        const body = mutate(scoreBody(), path, action, value);
        const text = JSON.stringify(body);
        if (text !== undefined) await send(text);
      }),
      { numRuns: 7_000, seed: 20261121 },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((value) => JSON.stringify(value))), async (text) => {
        await send(text);
      }),
      { numRuns: 3_000, seed: 11 },
    );
    const after = await rowCounts(sentra.runtime.database.db);
    expect(after.risk_scores! - before.risk_scores!).toBe(decisions.size);
    expect(after.audit_log! - before.audit_log!).toBe(decisions.size);
    expect(after.transactions! - before.transactions!).toBe(acceptedTxIds.size);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(2_000);
    expect(accepted).toBeGreaterThan(500);
  }, 600_000);
});
