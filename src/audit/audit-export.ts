import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { canonicalJson, ChainChecker, genesisHash, type ChainedAuditEntry } from './audit-chain.js';
import type { AuditSigner, AuditVerifier } from './audit-signing-key.js';

/** One exported entry: a line of the JSONL export. */
export interface ExportedEntry {
  tenant_id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  payload: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** The last line of an export: what it holds, signed with the installation's key. */
export interface ExportSummary {
  type: 'sentra.audit.export';
  tenant_id: string;
  from: string;
  to: string;
  count: number;
  first_seq: number | null;
  last_seq: number | null;
  /** The hash the first exported entry links to (the genesis hash when the export starts the chain). */
  prev_hash: string | null;
  first_hash: string | null;
  last_hash: string | null;
  exported_at: string;
  key_id: string;
  signature: string;
}

const pageSize = 2_000;

/** The exact text an export summary's signature covers. */
export function summaryText(summary: Omit<ExportSummary, 'signature'>): string {
  const { signature: _ignored, ...unsigned } = summary as ExportSummary;
  return canonicalJson(unsigned);
}

/**
 * The JSONL lines of a tenant's entries with `from <= at < to`, in seq order, read a page at a time,
 * then one signed summary line. An auditor checks it offline with `sentra audit verify --file`.
 */
export async function* exportLines(db: Kysely<Database>, signer: AuditSigner, tenantId: string, from: Date, to: Date, exportedAt: Date): AsyncGenerator<string> {
  let after = 0;
  let count = 0;
  let first: ExportedEntry | undefined;
  let last: ExportedEntry | undefined;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('at', '>=', from)
      .where('at', '<', to)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const entry: ExportedEntry = { tenant_id: row.tenant_id, seq: Number(row.seq), at: row.at.toISOString(), actor: row.actor, action: row.action, subject: row.subject, payload: row.payload as Record<string, unknown>, prev_hash: row.prev_hash, hash: row.hash };
      first ??= entry;
      last = entry;
      count += 1;
      yield `${JSON.stringify(entry)}\n`;
    }
    if (rows.length < pageSize) break;
    after = Number(rows[rows.length - 1]!.seq);
  }
  const unsigned = {
    type: 'sentra.audit.export' as const,
    tenant_id: tenantId,
    from: from.toISOString(),
    to: to.toISOString(),
    count,
    first_seq: first?.seq ?? null,
    last_seq: last?.seq ?? null,
    prev_hash: first?.prev_hash ?? null,
    first_hash: first?.hash ?? null,
    last_hash: last?.hash ?? null,
    exported_at: exportedAt.toISOString(),
    key_id: signer.keyId,
  };
  yield `${JSON.stringify({ ...unsigned, signature: signer.sign(summaryText(unsigned)) })}\n`;
}

/** The verdict on an export file. */
export interface ExportReport {
  ok: boolean;
  entries: number;
  summary: Omit<ExportSummary, 'signature'> | null;
  /** The first problem, with its line number (1-based). */
  problem: { line: number; message: string } | null;
}

/**
 * Checks an export offline: every line parses, seqs are consecutive, each entry links to the one
 * before and hashes to its stored hash, and the signed summary matches what the file holds. An
 * edited, removed, added or reordered line therefore fails.
 */
export function verifyExport(text: string, verifier: AuditVerifier): ExportReport {
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const fail = (line: number, message: string, entries = 0, summary: ExportReport['summary'] = null): ExportReport => ({ ok: false, entries, summary, problem: { line, message } });
  if (lines.length === 0) return fail(1, 'the file is empty: an export ends with a signed summary line');
  let summary: ExportSummary;
  try {
    summary = JSON.parse(lines[lines.length - 1]!) as ExportSummary;
  } catch {
    return fail(lines.length, 'the last line is not JSON: an export ends with a signed summary line');
  }
  if (summary.type !== 'sentra.audit.export') return fail(lines.length, 'the last line is not an export summary (the file was cut short)');
  const { signature, ...unsigned } = summary;
  if (summary.key_id !== verifier.keyId) return fail(lines.length, `the summary is signed by key ${summary.key_id}, not ${verifier.keyId}`, 0, unsigned);
  if (typeof signature !== 'string' || !verifier.verify(summaryText(unsigned), signature)) return fail(lines.length, 'the summary signature does not verify: the summary was changed', 0, unsigned);
  const checker = new ChainChecker();
  let previous: ExportedEntry | undefined;
  for (let index = 0; index < lines.length - 1; index++) {
    let entry: ExportedEntry;
    try {
      entry = JSON.parse(lines[index]!) as ExportedEntry;
    } catch {
      return fail(index + 1, 'the line is not JSON', index, unsigned);
    }
    if (entry.tenant_id !== summary.tenant_id) return fail(index + 1, `an entry of tenant ${entry.tenant_id} in an export of ${summary.tenant_id}`, index, unsigned);
    if (previous === undefined) checker.startAfter(entry.seq - 1, entry.seq === 1 ? genesisHash : entry.prev_hash);
    const chained: ChainedAuditEntry = { tenantId: entry.tenant_id, seq: entry.seq, at: new Date(entry.at), actor: entry.actor, action: entry.action, subject: entry.subject, payload: entry.payload, prevHash: entry.prev_hash, hash: entry.hash };
    const broken = checker.next(chained);
    if (broken !== undefined) {
      const why = { sequence: 'a line is missing or out of order', previous_hash: 'the entry does not link to the line before', hash: 'the entry was changed (its hash does not match its content)' }[broken.problem];
      return fail(index + 1, why, index, unsigned);
    }
    previous = entry;
  }
  const entries = lines.length - 1;
  const first = entries === 0 ? undefined : (JSON.parse(lines[0]!) as ExportedEntry);
  const matches =
    summary.count === entries &&
    summary.first_seq === (first?.seq ?? null) &&
    summary.last_seq === (previous?.seq ?? null) &&
    summary.prev_hash === (first?.prev_hash ?? null) &&
    summary.first_hash === (first?.hash ?? null) &&
    summary.last_hash === (previous?.hash ?? null);
  if (!matches) return fail(lines.length, `the signed summary covers ${summary.count} entries (seq ${summary.first_seq}–${summary.last_seq}); the file holds ${entries} that differ`, entries, unsigned);
  return { ok: true, entries, summary: unsigned, problem: null };
}
