import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { runCli } from './support/run-cli.js';
import { serve } from './support/serve-process.js';
import { openDatabase } from '../src/platform/database.js';
import { verifyExport } from '../src/audit/audit-export.js';
import { auditVerifierFromPem } from '../src/audit/audit-signing-key.js';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe.each(storeKinds)('the audit trail on %s', (store) => {
  let sentra: TestApp;
  let tenantCount = 0;

  /** A fresh tenant with its admin token and `decisions` scored decisions, so each scenario owns its chain. */
  const tenantWithEntries = async (decisions: number) => {
    const tenantId = `audit${tenantCount++}`;
    const created = await sentra.app.inject({ method: 'POST', url: '/v1/admin/tenants', headers: auth(adminToken), payload: { tenant_id: tenantId, name: tenantId } });
    expect(created.statusCode).toBe(201);
    const token = created.json().admin_token.token as string;
    for (let index = 0; index < decisions; index++) {
      const scored = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: auth(token), payload: scoreBody() });
      expect(scored.statusCode).toBe(200);
    }
    await sentra.runtime.writer.drain();
    return { tenantId, token };
  };
  const verify = async (token: string) => {
    const answer = await sentra.app.inject({ method: 'GET', url: '/v1/audit/verify', headers: auth(token) });
    expect(answer.statusCode).toBe(200);
    return answer.json();
  };
  const db = () => sentra.runtime.database.db;
  /** What someone with the rights to switch the database's triggers off could do. */
  const tamper = async (statement: string) => {
    await db().transaction().execute(async (trx) => {
      await sql.raw('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete').execute(trx);
      await sql.raw('ALTER TABLE audit_checkpoints DISABLE TRIGGER audit_checkpoints_no_update_or_delete').execute(trx);
      await sql.raw(statement).execute(trx);
      await sql.raw('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete').execute(trx);
      await sql.raw('ALTER TABLE audit_checkpoints ENABLE TRIGGER audit_checkpoints_no_update_or_delete').execute(trx);
    });
  };

  beforeAll(async () => {
    sentra = await startTestApp(store);
  });
  afterAll(async () => {
    await sentra.close();
  });

  it('verifies an intact chain: every decision and admin change is an entry', async () => {
    const { tenantId, token } = await tenantWithEntries(3);
    const report = await verify(token);
    // tenant.created and the admin token, then three decisions.
    expect(report).toMatchObject({ tenant_id: tenantId, ok: true, problem: null });
    expect(report.entries).toBeGreaterThanOrEqual(4);
    expect(report.head.seq).toBe(report.entries);
  });

  it('reports an intact chain while entries are being written: entries appended meanwhile are checked up to the head read after them', async () => {
    const { token } = await tenantWithEntries(2);
    const problems: unknown[] = [];
    for (let round = 0; round < 20; round++) {
      // Scores append decision entries while the verification reads the chain and its recorded head.
      const [report] = await Promise.all([
        verify(token),
        ...Array.from({ length: 4 }, () => sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: auth(token), payload: scoreBody() })),
      ]);
      if (report.ok !== true) problems.push(report.problem);
    }
    expect(problems).toEqual([]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the audit log in the database itself', async () => {
    const { tenantId, token } = await tenantWithEntries(1);
    const before = (await verify(token)).entries;
    for (const statement of [
      `UPDATE audit_log SET actor = 'someone else' WHERE tenant_id = '${tenantId}'`,
      `DELETE FROM audit_log WHERE tenant_id = '${tenantId}'`,
      'TRUNCATE audit_log',
    ]) {
      await expect(sql.raw(statement).execute(db())).rejects.toThrow(/append-only/);
    }
    expect(await verify(token)).toMatchObject({ ok: true, entries: before });
  });

  it('finds an entry edited behind the triggers, and names it', async () => {
    const { token, tenantId } = await tenantWithEntries(3);
    await tamper(`UPDATE audit_log SET payload = jsonb_set(payload, '{risk_score}', '1') WHERE tenant_id = '${tenantId}' AND seq = 3`);
    expect(await verify(token)).toMatchObject({ ok: false, entries: 2, problem: { kind: 'hash', seq: 3 } });
  });

  it('finds a deleted middle entry', async () => {
    const { token, tenantId } = await tenantWithEntries(3);
    await tamper(`DELETE FROM audit_log WHERE tenant_id = '${tenantId}' AND seq = 2`);
    expect(await verify(token)).toMatchObject({ ok: false, problem: { kind: 'sequence', seq: 3 } });
  });

  it('finds a removed tail even when the recorded head and the checkpoint rows were rewritten too, from the checkpoint file', async () => {
    const { token, tenantId } = await tenantWithEntries(2);
    const [checkpoint] = await sentra.runtime.audit.checkpoint('manual', [tenantId]);
    expect(checkpoint).toMatchObject({ tenant_id: tenantId });
    // A removed tail with a consistent head: the chain alone still links.
    const keep = checkpoint!.seq - 2;
    const kept = await db().selectFrom('audit_log').select('hash').where('tenant_id', '=', tenantId).where('seq', '=', keep).executeTakeFirstOrThrow();
    await tamper(`DELETE FROM audit_log WHERE tenant_id = '${tenantId}' AND seq > ${keep}`);
    await sql`UPDATE audit_heads SET seq = ${keep}, hash = ${kept.hash} WHERE tenant_id = ${tenantId}`.execute(db());
    expect(await verify(token)).toMatchObject({ ok: false, entries: keep, problem: { kind: 'missing_tail', seq: keep + 1 } });
    await tamper(`DELETE FROM audit_checkpoints WHERE tenant_id = '${tenantId}'`);
    // The file outside the database still has the signed checkpoint.
    expect(await verify(token)).toMatchObject({ ok: false, problem: { kind: 'missing_tail' } });
  });

  it('refuses a forged checkpoint that is not signed with the installation key', async () => {
    const { token, tenantId } = await tenantWithEntries(1);
    await db().insertInto('audit_checkpoints').values({ tenant_id: tenantId, seq: 1, hash: 'f'.repeat(64), at: new Date(), reason: 'manual', key_id: sentra.runtime.audit.signer.keyId, signature: 'AAAA' }).execute();
    expect(await verify(token)).toMatchObject({ ok: false, problem: { kind: 'checkpoint_signature' } });
  });

  it('exports a window as JSONL with a signed summary that an auditor verifies offline; an edited, removed or reordered line fails', async () => {
    const { token, tenantId } = await tenantWithEntries(4);
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const exported = await sentra.app.inject({ method: 'GET', url: `/v1/audit/export?from=${encodeURIComponent(from)}`, headers: auth(token) });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('application/x-ndjson');
    const key = (await sentra.app.inject({ method: 'GET', url: '/v1/audit/public-key', headers: auth(token) })).json();
    const verifier = auditVerifierFromPem(key.public_key_pem);
    expect(verifier.keyId).toBe(key.key_id);
    const text = exported.body;
    const report = verifyExport(text, verifier);
    expect(report).toMatchObject({ ok: true, problem: null, summary: { tenant_id: tenantId, first_seq: 1, key_id: key.key_id } });
    expect(report.entries).toBeGreaterThanOrEqual(6);
    const lines = text.trimEnd().split('\n');
    const edited = [...lines];
    edited[2] = JSON.stringify({ ...JSON.parse(edited[2]!), subject: 'someone else' });
    expect(edited[2]).not.toBe(lines[2]);
    expect(verifyExport(edited.join('\n'), verifier)).toMatchObject({ ok: false, problem: { line: 3 } });
    expect(verifyExport([...lines.slice(0, 2), ...lines.slice(3)].join('\n'), verifier).ok).toBe(false);
    expect(verifyExport([lines[1], lines[0], ...lines.slice(2)].join('\n'), verifier).ok).toBe(false);
    expect(verifyExport(lines.slice(0, -1).join('\n'), verifier)).toMatchObject({ ok: false, problem: { message: expect.stringContaining('cut short') } });
    // The export itself is on the record.
    const actions = await db().selectFrom('audit_log').select('action').where('tenant_id', '=', tenantId).where('action', '=', 'audit.exported').execute();
    expect(actions).toHaveLength(1);
  });

  it('answers bad export windows and other roles plainly, writing nothing', async () => {
    const { token, tenantId } = await tenantWithEntries(0);
    const analyst = await sentra.addToken(tenantId, 'analyst');
    const count = async () => (await db().selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n;
    const before = await count();
    const backwards = await sentra.app.inject({ method: 'GET', url: '/v1/audit/export?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', headers: auth(token) });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error).toMatchObject({ code: 'SENTRA_ERR_VALIDATION', details: [{ path: '/to' }] });
    const missing = await sentra.app.inject({ method: 'GET', url: '/v1/audit/export', headers: auth(token) });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().error.details)).toContain('from');
    for (const url of ['/v1/audit/verify', '/v1/audit/export?from=2026-01-01T00:00:00Z', '/v1/audit/public-key']) {
      expect((await sentra.app.inject({ method: 'GET', url, headers: auth(analyst) })).statusCode).toBe(403);
    }
    expect(await count()).toBe(before);
  });
});

describe('sentra audit (CLI)', () => {
  it('verifies the embedded store and an export offline, and exits 1 naming the first broken entry', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sentra-audit-cli-'));
    try {
      const server = await serve(dataDir, 18_330);
      const token = readFileSync(join(dataDir, 'bootstrap-admin-token'), 'utf8').trim();
      for (let index = 0; index < 3; index++) {
        const scored = await fetch('http://127.0.0.1:18330/v1/risk/score', { method: 'POST', headers: { ...auth(token), 'content-type': 'application/json' }, body: JSON.stringify(scoreBody()) });
        expect(scored.status).toBe(200);
      }
      const exported = await fetch('http://127.0.0.1:18330/v1/audit/export?from=2000-01-01T00:00:00Z', { headers: auth(token) });
      expect(exported.status).toBe(200);
      const exportFile = join(dataDir, 'export.jsonl');
      writeFileSync(exportFile, await exported.text());
      const publicKey = join(dataDir, 'audit-public.pem');
      const key = (await (await fetch('http://127.0.0.1:18330/v1/audit/public-key', { headers: auth(token) })).json()) as { public_key_pem: string };
      writeFileSync(publicKey, key.public_key_pem);
      expect(await server.stop()).toBe(0);
      const env = { SENTRA_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' };

      const intact = await runCli(['audit', 'verify', '--tenant', 'default'], env);
      expect(intact.stdout).toMatch(/^ok: tenant default: \d+ entries/);
      expect(intact.code).toBe(0);
      const offline = await runCli(['audit', 'verify', '--file', exportFile, '--public-key', publicKey], env);
      expect(offline.stdout).toMatch(/^ok: .* holds \d+ entries of tenant default/);
      expect(offline.code).toBe(0);
      const lines = readFileSync(exportFile, 'utf8').trimEnd().split('\n');
      writeFileSync(exportFile, [...lines.slice(0, 1), ...lines.slice(2)].join('\n'));
      const removed = await runCli(['audit', 'verify', '--file', exportFile, '--public-key', publicKey], env);
      expect(removed.stdout).toContain('BROKEN');
      expect(removed.code).toBe(1);

      const database = await openDatabase({ databaseUrl: undefined, dataDir, timeoutMs: 10_000 });
      try {
        await database.db.transaction().execute(async (trx) => {
          await sql.raw('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete').execute(trx);
          await sql.raw("UPDATE audit_log SET actor = 'nobody' WHERE tenant_id = 'default' AND seq = 2").execute(trx);
          await sql.raw('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete').execute(trx);
        });
      } finally {
        await database.close();
      }
      const broken = await runCli(['audit', 'verify'], env);
      expect(broken.stdout).toContain('BROKEN: tenant default at entry 2');
      expect(broken.code).toBe(1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
