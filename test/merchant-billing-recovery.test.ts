import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type SentraApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { sql } from 'kysely';
import { adminToken } from './support/test-app.js';
import { createMerchant, sentryMinimalRequest } from './support/merchants.js';

const admin = { authorization: `Bearer ${adminToken}` };

/**
 * A fee taken for a call whose decision never committed is refunded on the next start. Since
 * migration 0077 a fee commits with its decision; versions before it took the fee in a commit of its
 * own (`sentra_charge_fees`), and one that stopped in between left such a fee, which an upgraded
 * installation may still hold.
 */
describe('merchant fees across a stop', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sentra-billing-'));
  const start = () => buildApp(loadConfig({ SENTRA_DATA_DIR: dataDir, SENTRA_BOOTSTRAP_TOKEN: adminToken, LOG_LEVEL: 'silent' }));
  let sentra: SentraApp | undefined;
  afterAll(async () => {
    await sentra?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refunds a fee without a stored decision on the next start, and keeps the fees of answered calls', async () => {
    sentra = await start();
    const merchant = await createMerchant(sentra.app, adminToken, {}, '1');
    expect((await sentra.app.inject({ method: 'POST', url: '/api/v1/sentry', headers: merchant.headers, payload: sentryMinimalRequest() })).statusCode).toBe(200);
    // What a process of the previous version left when it stopped after taking the fee and before committing the decision.
    const fee = { usage_id: `use_orphan_${Date.now()}`, tenant_id: 'default', merchant_id: merchant.merchantId, service: 'SENTRY', reference: `${merchant.merchantId}:never-answered`, actor: merchant.keyId, at: new Date().toISOString() };
    const orphan = await sql<{ charged: unknown }>`select sentra_charge_fees(${JSON.stringify([fee])}::jsonb) as charged`.execute(sentra.runtime.database.db);
    const charged = orphan.rows[0]?.charged;
    expect(Number(((typeof charged === 'string' ? JSON.parse(charged) : charged) as { balance_units: number | string }[])[0]?.balance_units)).toBe(9_000);
    await sentra.close();
    sentra = await start();
    const usage = (await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/usage`, headers: admin })).json();
    expect(usage.balance).toBe('0.9500');
    expect(usage.totals).toEqual([{ service: 'SENTRY', calls: 1, amount: '0.0500' }]);
    expect(usage.lines.map((line: { kind: string; reference: string | null }) => `${line.kind} ${line.reference ?? ''}`)).toEqual([
      'top_up ',
      `charge ${merchant.merchantId}:${usage.lines[1].reference.split(':')[1]}`,
      `charge ${merchant.merchantId}:never-answered`,
      `refund ${merchant.merchantId}:never-answered`,
    ]);
  }, 300_000);
});
