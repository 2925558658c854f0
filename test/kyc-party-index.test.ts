import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, importSampleList, sampleListPath } from './support/enrichment.js';
import { runCli } from './support/run-cli.js';
import { scoreBody } from './support/score-body.js';
import { serve, type ServeProcess } from './support/serve-process.js';
import { adminToken, startTestApp } from './support/test-app.js';

/**
 * Embedded, the server keeps in memory which entities have KYC documents, and a score whose parties
 * have none skips the enrichment query. What that must never do is hide a party's findings: from a
 * document that arrived after the index was read, or from documents stored before a restart.
 */
describe('KYC findings of later scores, embedded, across the in-memory index and a restart', () => {
  const token = 'kyc-index-admin-token-0123456789abcdef';
  const port = 18_000 + (process.pid % 1000);
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'sentra-kyc-index-'));
  const env = { SENTRA_BOOTSTRAP_TOKEN: token, SENTRA_WORKER_POLL_MS: '20' };
  let server: ServeProcess | undefined;

  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = async (method: string, path: string, body?: object) => {
    const response = await fetch(base + path, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const passport = ['REPUBLIC OF EXAMPLE - PASSPORT', 'Full name: Viktor A. Kolesnikov', 'Date of birth: 12.04.1968', 'Nationality: RU', 'Date of expiry: 2020-01-04'].join('\n');
  /** The KYC feature values the stored decision of a plain score (no documents) of `sender` saw. */
  const kycFeaturesOfPlainScore = async (sender: string) => {
    const scored = await call('POST', '/v1/risk/score', scoreBody({ entities: { sender_entity_id: sender, sender_country: 'US' } }));
    expect(scored.status, JSON.stringify(scored.json)).toBe(200);
    const stored = await call('GET', `/v1/decisions/${String(scored.json.request_id)}`);
    const features = stored.json.features as Record<string, number | null>;
    return Object.fromEntries(Object.entries(features).filter(([name, value]) => name.startsWith('sender_kyc_') && value !== null));
  };

  it('sees a document that arrived after the first score, and still sees it after a restart', async () => {
    const imported = await runCli(['lists', 'import-sanctions', sampleListPath], { SENTRA_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' });
    expect(imported.code, imported.stderr).toBe(0);
    server = await serve(dataDir, port, env);

    // The first score reads the (empty) index; the document comes later.
    expect(await kycFeaturesOfPlainScore('kyc-index-plain')).toEqual({});
    const withDocument = await call('POST', '/v1/risk/score', scoreBody({ entities: { sender_entity_id: 'kyc-index-doc', sender_country: 'US' }, kyc_refs: [{ entity_id: 'kyc-index-doc', text_blob: passport }] }));
    expect(withDocument.json).toMatchObject({ llm_status: 'pending' });
    await eventually(async () => ((await call('GET', '/v1/enrichment/kyc-index-doc')).json.status === 'ready' ? true : undefined), 20_000, 'the enrichment');
    expect(await kycFeaturesOfPlainScore('kyc-index-doc')).toMatchObject({ sender_kyc_ready: 1, sender_kyc_sanctions_match: 1 });

    // A new process reads the index from the store.
    expect(await server.stop()).toBe(0);
    server = await serve(dataDir, port, env);
    expect(await kycFeaturesOfPlainScore('kyc-index-doc')).toMatchObject({ sender_kyc_ready: 1, sender_kyc_sanctions_match: 1 });
    expect(await kycFeaturesOfPlainScore('kyc-index-plain')).toEqual({});
  }, 120_000);
});

describe('KYC findings after a dataset import over HTTP, embedded', () => {
  it("links an imported entity to an analysed document, and the entity's next score sees the findings", async () => {
    const sentra = await startTestApp('pglite', { SENTRA_WORKER_POLL_MS: '20' });
    try {
      await importSampleList(sentra);
      const call = (method: 'GET' | 'POST', url: string, payload?: object) => sentra.app.inject({ method, url, headers: { authorization: `Bearer ${adminToken}` }, ...(payload === undefined ? {} : { payload }) });
      const senderKyc = async (sender: string) => {
        const scored = await call('POST', '/v1/risk/score', scoreBody({ entities: { sender_entity_id: sender, sender_country: 'US' } }));
        expect(scored.statusCode, scored.body).toBe(200);
        const features = (await call('GET', `/v1/decisions/${String(scored.json().request_id)}`)).json().features as Record<string, number>;
        return Object.fromEntries(Object.entries(features).filter(([name, value]) => name.startsWith('sender_kyc_') && value !== null));
      };
      const docHash = 'a'.repeat(64);
      const passport = ['REPUBLIC OF EXAMPLE - PASSPORT', 'Full name: Viktor A. Kolesnikov', 'Date of birth: 12.04.1968', 'Nationality: RU'].join('\n');
      const first = await call('POST', '/v1/risk/score', scoreBody({ entities: { sender_entity_id: 'kyc-import-a', sender_country: 'US' }, kyc_refs: [{ entity_id: 'kyc-import-a', doc_hash: docHash, text_blob: passport }] }));
      expect(first.json()).toMatchObject({ llm_status: 'pending' });
      await eventually(async () => ((await call('GET', '/v1/enrichment/kyc-import-a')).json().status === 'ready' ? true : undefined), 20_000, 'the enrichment');
      // Read by the index before the import: no documents.
      expect(await senderKyc('kyc-import-z')).toEqual({});

      const templates = Object.fromEntries(await Promise.all(['manifest.json', 'transactions.csv', 'kyc_refs.csv'].map(async (name) => [name, (await call('GET', `/v1/admin/datasets/templates/${name}`)).body] as const)));
      const kycHeader = templates['kyc_refs.csv']!.split('\n')[0]!;
      const row = kycHeader.split(',').map((column) => ({ entity_id: 'kyc-import-z', doc_hash: docHash })[column] ?? '').join(',');
      const imported = await call('POST', '/v1/admin/datasets/import', { files: [{ name: 'manifest.json', content: templates['manifest.json']! }, { name: 'transactions.csv', content: templates['transactions.csv']! }, { name: 'kyc_refs.csv', content: `${kycHeader}\n${row}\n` }] });
      expect(imported.statusCode, imported.body).toBe(201);
      expect(await senderKyc('kyc-import-z')).toMatchObject({ sender_kyc_ready: 1, sender_kyc_sanctions_match: 1 });
    } finally {
      await sentra.close();
    }
  }, 60_000);
});
