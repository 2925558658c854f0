import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type SentraApp } from '../src/app.js';
import { ManualClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { adminToken, startTestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { eventually } from './support/enrichment.js';

const auth = { authorization: `Bearer ${adminToken}` };
const day = 86_400_000;
const passport = (holder: string) => `Full name: ${holder}\nDate of birth: 1980-02-03\nNationality: US\nPassport number: P4455667788\nDate of expiry: 2035-01-01\n`;

const score = (sentra: SentraApp, entityId: string, text: string) =>
  sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: auth, payload: scoreBody({ entities: { sender_entity_id: entityId, sender_country: 'US' }, kyc_refs: [{ entity_id: entityId, text_blob: text }] }) });
const ready = (sentra: SentraApp, entityId: string) =>
  eventually(async () => ((await sentra.app.inject({ method: 'GET', url: `/v1/enrichment/${entityId}`, headers: auth })).json().status === 'ready' ? true : undefined), 15_000, `${entityId} to be analysed`);
const storedText = async (sentra: SentraApp, entityId: string) =>
  (await sentra.runtime.database.db.selectFrom('kyc_refs').select('text_blob').where('entity_id', '=', entityId).executeTakeFirstOrThrow()).text_blob;

describe('KYC text retention', () => {
  const dataDirs: string[] = [];
  afterAll(() => {
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('with SENTRA_KYC_TEXT_RETENTION_DAYS=0 keeps a text only until it is analysed, and never stores it again for a document analysed already', async () => {
    const sentra = await startTestApp('pglite', { SENTRA_KYC_TEXT_RETENTION_DAYS: '0', SENTRA_WORKER_POLL_MS: '20' });
    try {
      const text = passport('Ana Example');
      expect((await score(sentra, 'cust-ret-0', text)).json().llm_status).toBe('pending');
      await ready(sentra, 'cust-ret-0');
      await eventually(async () => ((await storedText(sentra, 'cust-ret-0')) === null ? true : undefined), 5_000, 'the text to be deleted');

      const again = await score(sentra, 'cust-ret-0', text);
      expect(again.json().llm_status).toBe('ready');
      expect(await storedText(sentra, 'cust-ret-0')).toBeNull();
      // The same document for another entity: answered from the cache, its text not stored either.
      expect((await score(sentra, 'cust-ret-0b', text)).json().llm_status).toBe('ready');
      expect(await storedText(sentra, 'cust-ret-0b')).toBeNull();
    } finally {
      await sentra.close();
    }
  });

  it('deletes stored texts older than the retention when a runner starts, and keeps younger ones (embedded data folder restarted)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sentra-retention-'));
    dataDirs.push(dataDir);
    const clock = new ManualClock(Date.now());
    const start = () =>
      buildApp(loadConfig({ SENTRA_DATA_DIR: dataDir, SENTRA_BOOTSTRAP_TOKEN: adminToken, LOG_LEVEL: 'silent', SENTRA_KYC_TEXT_RETENTION_DAYS: '30', SENTRA_WORKER_POLL_MS: '20' }), { clock });

    let sentra = await start();
    await score(sentra, 'cust-ret-old', passport('Old Example'));
    await ready(sentra, 'cust-ret-old');
    await sentra.close();

    clock.advance(20 * day);
    sentra = await start();
    await score(sentra, 'cust-ret-young', passport('Young Example'));
    await ready(sentra, 'cust-ret-young');
    expect(await storedText(sentra, 'cust-ret-old')).toContain('Old Example');
    await sentra.close();

    clock.advance(11 * day);
    sentra = await start();
    try {
      await eventually(async () => ((await storedText(sentra, 'cust-ret-old')) === null ? true : undefined), 10_000, 'the 31-day-old text to be deleted');
      expect(await storedText(sentra, 'cust-ret-young')).toContain('Young Example');
      // The analysis outlives the text: the signals are still there.
      expect((await sentra.app.inject({ method: 'GET', url: '/v1/enrichment/cust-ret-old', headers: auth })).json()).toMatchObject({ status: 'ready' });
    } finally {
      await sentra.close();
    }
  });
});
