import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type SentraApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { chargeFee } from '../src/merchants/billing.repository.js';
import { adminToken } from './support/test-app.js';
import { createMerchant, sentryMinimalRequest } from './support/merchants.js';

const admin = { authorization: `Bearer ${adminToken}` };

/** A fee taken for a call whose decision never committed (the process stopped in between) is refunded on the next start. */
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
    // What a process that stops after taking the fee and before committing the decision leaves behind.
    const orphan = await chargeFee(sentra.runtime.database.db, { tenantId: 'default', merchantId: merchant.merchantId, service: 'SENTRY', reference: `${merchant.merchantId}:never-answered`, actor: merchant.keyId, at: new Date() });
    expect(orphan?.balanceAfterUnits).toBe(9_000);
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
