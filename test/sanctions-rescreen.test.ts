import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from './support/enrichment.js';
import { runCli, type CliResult } from './support/run-cli.js';
import { scoreBody } from './support/score-body.js';
import { serve, type ServeProcess } from './support/serve-process.js';
import { startTestApp, storeKinds, type TestApp } from './support/test-app.js';

type Answer = { status: number; json: Record<string, unknown> };

/** A running Sentra and how an operator imports a list into its store with the CLI. */
interface Harness {
  call(method: 'GET' | 'POST', path: string, body?: object): Promise<Answer>;
  importList(args: readonly string[]): Promise<CliResult>;
  close(): Promise<void>;
}

const token = 'rescreen-admin-token-0123456789abcdef';

/**
 * Embedded: a `sentra serve` process, stopped while the CLI imports (the data folder admits one
 * process). PostgreSQL: an app on a fresh schema, the CLI importing while it runs.
 */
async function startHarness(store: 'pglite' | 'postgres', env: Record<string, string>): Promise<Harness> {
  if (store === 'postgres') {
    const sentra: TestApp = await startTestApp('postgres', { SENTRA_BOOTSTRAP_TOKEN: token, ...env });
    return {
      async call(method, path, body) {
        const response = await sentra.app.inject({ method, url: path, headers: { authorization: `Bearer ${token}` }, ...(body === undefined ? {} : { payload: body }) });
        return { status: response.statusCode, json: response.json() };
      },
      importList: (args) => runCli(['lists', 'import-sanctions', ...args], { SENTRA_DATA_DIR: sentra.dataDir, DATABASE_URL: sentra.runtime.config.databaseUrl!, REDIS_URL: '' }),
      close: () => sentra.close(),
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'sentra-rescreen-'));
  const port = 19_000 + (process.pid % 1000);
  const serveEnv = { SENTRA_BOOTSTRAP_TOKEN: token, ...env };
  let server: ServeProcess = await serve(dataDir, port, serveEnv);
  return {
    async call(method, path, body) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    },
    async importList(args) {
      expect(await server.stop()).toBe(0);
      try {
        return await runCli(['lists', 'import-sanctions', ...args], { SENTRA_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' });
      } finally {
        server = await serve(dataDir, port, serveEnv);
      }
    },
    async close() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const header = 'id,schema,name,aliases,birth_date,countries,sanctions,dataset';
const listDir = mkdtempSync(join(tmpdir(), 'sentra-rescreen-lists-'));
afterAll(() => rmSync(listDir, { recursive: true, force: true }));
/** Writes a list file; returns its path. */
const listFile = (name: string, rows: readonly string[]) => {
  const path = join(listDir, name);
  writeFileSync(path, [header, ...rows].join('\n') + '\n');
  return path;
};
const unrelated = 'rs-0001,Person,Oskar Brandvold,,1959-01-02,no,Example programme,example_sanctions';
const newlyListed = 'rs-0002,Person,Marek Zelinsky,Marek Zelinski,1971-05-03,cz,Example programme,example_sanctions';
const before = listFile('before.csv', [unrelated]);
const after = listFile('after.csv', [unrelated, newlyListed]);
const delisted = listFile('delisted.csv', [unrelated]);
const broken = listFile('broken.csv', [unrelated, 'rs-0003,Person,Someone Else,,03/05/1971,cz,Example programme,example_sanctions', ',Person,,,,,,example_sanctions']);
const passport = ['REPUBLIC OF EXAMPLE - PASSPORT', 'Full name: Marek Zelinsky', 'Date of birth: 03.05.1971', 'Nationality: CZ', 'Date of expiry: 2031-01-04'].join('\n');

for (const store of storeKinds) {
  for (const retention of ['30', '0']) {
    describe(`re-screening stored KYC results when the sanctions lists change (${store}, text retention ${retention} days)`, () => {
      const textKept = retention !== '0';
      const prefix = `rs-${store}-${retention}`;
      /** The KYC reasons and sanctions evidence of a score of `sender`, with the request's documents. */
      const kycOfScore = async (harness: Harness, sender: string, kycRefs?: object[]) => {
        const scored = await harness.call('POST', '/v1/risk/score', scoreBody({ entities: { sender_entity_id: sender, sender_country: 'CZ' }, ...(kycRefs === undefined ? {} : { kyc_refs: kycRefs as never }) }));
        expect(scored.status, JSON.stringify(scored.json)).toBe(200);
        const reasons = (scored.json.reasons as string[]).filter((reason) => reason.startsWith('KYC_'));
        const evidence = (scored.json.evidence as { key: string; source: string; quote: string }[]).filter((item) => item.key === 'sanctions_match');
        return { reasons, evidence, llmStatus: scored.json.llm_status };
      };
      const enrichment = async (harness: Harness, entity: string) => (await harness.call('GET', `/v1/enrichment/${entity}`)).json as { status: string; documents: { status: string; matches: { entry_id: string }[]; evidence: { key: string; source: string; quote: string; span: string }[]; signals: Record<string, unknown> }[] };
      const rescreenAudit = async (harness: Harness) => ((await harness.call('GET', '/v1/audit/entries?action=enrichment.rescreened&limit=100')).json.items as { subject: string; payload: { after: { sanctions_match: boolean } } }[]);

      it('a newly listed person is matched on the next score of a document analysed before the import, and cleared once delisted; the same list again and a broken file change nothing', async () => {
        const harness = await startHarness(store, { SENTRA_WORKER_POLL_MS: '20', SENTRA_KYC_TEXT_RETENTION_DAYS: retention });
        try {
          const imported = await harness.importList([before]);
          expect(imported.code, imported.stderr).toBe(0);

          // Analysed against a list without the holder: no match.
          const first = await kycOfScore(harness, `${prefix}-a`, [{ entity_id: `${prefix}-a`, text_blob: passport }]);
          expect(first.llmStatus).toBe('pending');
          await eventually(async () => ((await enrichment(harness, `${prefix}-a`)).status === 'ready' ? true : undefined), 20_000, 'the enrichment');
          expect((await kycOfScore(harness, `${prefix}-a`)).reasons).not.toContain('KYC_SANCTIONS_MATCH');

          // The holder is listed: the stored result is re-screened from its facts, not analysed again.
          const listed = await harness.importList([after]);
          expect(listed.code, listed.stderr).toBe(0);
          const sameEntity = await kycOfScore(harness, `${prefix}-a`);
          expect(sameEntity.reasons).toContain('KYC_SANCTIONS_MATCH');
          expect(sameEntity.reasons).not.toContain('KYC_SCREENING_PENDING');
          const expectedSource = textKept ? 'kyc_document' : 'kyc_document_facts';
          expect(sameEntity.evidence).toContainEqual(expect.objectContaining({ source: expectedSource, quote: 'Marek Zelinsky' }));
          expect(listed.stdout).toMatch(/1 added, 0 updated, 0 removed, 1 unchanged/);
          // The CLI re-screens before it exits. Beside a running server (PostgreSQL), the server's worker
          // takes the job the import queued and may get there first: the CLI then reports 0, and the one
          // audit entry below is the server's. Embedded, the server is stopped and the CLI does it all.
          const changedByCli = Number(/Re-screened \d+ stored KYC result\(s\) against the new lists: (\d+) changed/.exec(listed.stdout)?.[1]);
          expect(store === 'pglite' ? [1] : [0, 1], listed.stdout).toContain(changedByCli);
          // A new entity sending the same passport text is answered from the cache, with the new outcome.
          const newEntity = await kycOfScore(harness, `${prefix}-b`, [{ entity_id: `${prefix}-b`, text_blob: passport }]);
          expect(newEntity.llmStatus).toBe('ready');
          expect(newEntity.reasons).toContain('KYC_SANCTIONS_MATCH');
          expect(newEntity.evidence).toContainEqual(expect.objectContaining({ source: expectedSource, quote: 'Marek Zelinsky' }));
          // What an analyst reads: the match, its verifiable evidence, the audit entry.
          const view = await enrichment(harness, `${prefix}-a`);
          const [document] = view.documents;
          expect(document?.status).toBe('ready');
          expect(document?.matches.map((match) => match.entry_id)).toEqual(['rs-0002']);
          const quoted = document!.evidence.find((item) => item.key === 'sanctions_match')!;
          expect(quoted.source).toBe(expectedSource);
          const [start, end] = quoted.span.split('-').map(Number);
          const quotedText = textKept ? ((await harness.call('GET', `/v1/enrichment/${prefix}-a`)).json.documents as { text: string }[])[0]!.text : 'Marek Zelinsky';
          expect(quotedText.slice(start, end)).toBe('Marek Zelinsky');
          const audited = await rescreenAudit(harness);
          expect(audited).toHaveLength(1);
          expect(audited[0]?.payload.after.sanctions_match).toBe(true);

          // The same list again: nothing written, nothing audited.
          const again = await harness.importList([after]);
          expect(again.code, again.stderr).toBe(0);
          expect(again.stdout).toMatch(/nothing written/);
          expect(await enrichment(harness, `${prefix}-a`)).toEqual(view);
          expect(await rescreenAudit(harness)).toHaveLength(1);

          // A broken file: every problem with its code and file:line, nothing written.
          const refused = await harness.importList([broken]);
          expect(refused.code).toBe(2);
          expect(refused.stderr).toMatch(/broken\.csv:3: format: birth_date/);
          expect(refused.stderr).toMatch(/broken\.csv:4: required: id is empty/);
          expect(await enrichment(harness, `${prefix}-a`)).toEqual(view);

          // Delisted (--replace: the file is the whole dataset): the match is cleared.
          const cleared = await harness.importList(['--replace', delisted]);
          expect(cleared.code, cleared.stderr).toBe(0);
          expect(cleared.stdout).toMatch(/0 added, 0 updated, 1 removed/);
          const afterDelisting = await kycOfScore(harness, `${prefix}-a`);
          expect(afterDelisting.reasons).not.toContain('KYC_SANCTIONS_MATCH');
          expect(afterDelisting.evidence).toEqual([]);
          expect((await enrichment(harness, `${prefix}-b`)).documents[0]?.matches).toEqual([]);
          const auditedAgain = await rescreenAudit(harness);
          expect(auditedAgain).toHaveLength(2);
          expect(auditedAgain[0]?.payload.after.sanctions_match).toBe(false);
          const chain = await harness.call('GET', '/v1/audit/verify');
          expect(chain.json).toMatchObject({ ok: true });
        } finally {
          await harness.close();
        }
      }, 180_000);
    });
  }
}
