import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { ChainChecker, type ChainedAuditEntry } from './audit-chain.js';
import { checkpointSigned, readCheckpoints } from './audit-checkpoint.js';
import type { AuditVerifier } from './audit-signing-key.js';
import { anchorSigned, newestAnchor } from './audit-retention.js';

/** What can be wrong with a stored chain, in the order the verifier looks. */
export type ChainProblem = 'sequence' | 'previous_hash' | 'hash' | 'head_mismatch' | 'checkpoint_signature' | 'checkpoint_unreadable' | 'checkpoint_mismatch' | 'missing_tail';

/** The verdict on one tenant's stored chain. */
export interface ChainReport {
  tenant_id: string;
  ok: boolean;
  /** Entries read, up to the first problem. */
  entries: number;
  head: { seq: number; hash: string } | null;
  /** Checkpoints checked (table and file). */
  checkpoints: number;
  /** The first problem found, with the entry where it is. */
  problem: { kind: ChainProblem; seq: number; message: string } | null;
}

const pageSize = 5_000;

/** Reads a tenant's entries in seq order, a page at a time, so a long chain never sits in memory. */
async function* storedEntries(db: Kysely<Database>, tenantId: string, after = 0): AsyncGenerator<ChainedAuditEntry> {
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('tenant_id', '=', tenantId).where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    for (const row of rows) {
      yield { tenantId: row.tenant_id, seq: Number(row.seq), at: row.at, actor: row.actor, action: row.action, subject: row.subject, payload: row.payload as Record<string, unknown>, prevHash: row.prev_hash, hash: row.hash };
    }
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1]!.seq);
  }
}

const describe: Record<ChainProblem, string> = {
  sequence: 'an entry is missing or out of order',
  previous_hash: "the entry does not link to its predecessor's hash",
  hash: 'the entry was changed after it was written (its hash does not match its content)',
  head_mismatch: 'the recorded chain head does not match the last entry',
  checkpoint_signature: "a checkpoint is not signed by this installation's key",
  checkpoint_unreadable: 'a line of the checkpoint file cannot be read',
  checkpoint_mismatch: 'a signed checkpoint names a different hash for this entry',
  missing_tail: 'entries a signed checkpoint saw are gone',
};

/**
 * Verifies one tenant's stored chain: every link and hash, the recorded head, and every signed
 * checkpoint (from the table and the checkpoint file), which catches a removed tail. When retention
 * dropped months of entries, the chain is checked from the newest signed anchor (its seq and hash)
 * instead of the genesis; entries kept below it are not part of the chain checked. A dropped
 * month without its anchor is a break ('sequence'), and an anchor not signed by this installation's
 * key is reported like such a checkpoint.
 */
export async function verifyStoredChain(db: Kysely<Database>, tenantId: string, verifier: AuditVerifier, checkpointFile: string | undefined): Promise<ChainReport> {
  const { checkpoints, unreadableLines } = await readCheckpoints(db, tenantId, checkpointFile);
  const report = (entries: number, head: ChainReport['head'], kind?: ChainProblem, seq = 0): ChainReport => ({
    tenant_id: tenantId,
    ok: kind === undefined,
    entries,
    head,
    checkpoints: checkpoints.length,
    problem: kind === undefined ? null : { kind, seq, message: describe[kind] },
  });
  if (unreadableLines.length > 0) return report(0, null, 'checkpoint_unreadable', unreadableLines[0]);
  const unsigned = checkpoints.find((checkpoint) => !checkpointSigned(checkpoint, verifier));
  if (unsigned !== undefined) return report(0, null, 'checkpoint_signature', unsigned.seq);
  const anchor = await newestAnchor(db, tenantId);
  if (anchor !== undefined && !anchorSigned(anchor, verifier)) return report(0, null, 'checkpoint_signature', anchor.seq);
  const expected = new Map<number, string>();
  for (const checkpoint of checkpoints) expected.set(checkpoint.seq, checkpoint.hash);
  const checker = new ChainChecker();
  /** The seq the chain checked starts after: 0, or the newest anchor's. */
  const start = anchor?.seq ?? 0;
  if (anchor !== undefined) checker.startAfter(anchor.seq, anchor.hash);
  let count = 0;
  let last: ChainedAuditEntry | undefined;
  /** Checks the entries after `after` (up to `upTo`); a problem found is returned as the report. */
  const check = async (after: number, upTo: number): Promise<ChainReport | undefined> => {
    for await (const entry of storedEntries(db, tenantId, after)) {
      if (entry.seq > upTo) return undefined;
      const broken = checker.next(entry);
      if (broken !== undefined) return report(count, last === undefined ? null : { seq: last.seq, hash: last.hash }, broken.problem, broken.seq);
      const promised = expected.get(entry.seq);
      if (promised !== undefined && promised !== entry.hash) return report(count, { seq: entry.seq, hash: entry.hash }, 'checkpoint_mismatch', entry.seq);
      count += 1;
      last = entry;
    }
    return undefined;
  };
  const problem = await check(start, Number.POSITIVE_INFINITY);
  if (problem !== undefined) return problem;
  const furthest = Math.max(0, ...checkpoints.map((checkpoint) => checkpoint.seq));
  if (furthest > start + count) return report(count, last === undefined ? null : { seq: last.seq, hash: last.hash }, 'missing_tail', start + count + 1);
  // The head is read after the chain. A decision commits its entries and the head together, so a
  // head past the last entry read means the chain grew meanwhile: the entries up to that head are
  // read and checked too (if they are not there, the tail was removed). A head behind the entries
  // read can only come from tampering.
  const recorded = await db.selectFrom('audit_heads').select(['seq', 'hash']).where('tenant_id', '=', tenantId).executeTakeFirst();
  const recordedSeq = recorded === undefined ? 0 : Number(recorded.seq);
  if (recordedSeq > start + count) {
    const grown = await check(last?.seq ?? start, recordedSeq);
    if (grown !== undefined) return grown;
  }
  const head = last === undefined ? (anchor === undefined ? null : { seq: anchor.seq, hash: anchor.hash }) : { seq: last.seq, hash: last.hash };
  if (recordedSeq !== start + count || recorded?.hash !== (head?.hash ?? recorded?.hash)) return report(count, head, 'head_mismatch', Math.min(recordedSeq, start + count) + 1);
  return report(count, head);
}

/** Tenants with an audit chain or a checkpoint, for verifying an installation. */
export async function auditedTenants(db: Kysely<Database>): Promise<string[]> {
  const [heads, checkpoints] = await Promise.all([
    db.selectFrom('audit_heads').select('tenant_id').execute(),
    db.selectFrom('audit_checkpoints').select('tenant_id').distinct().execute(),
  ]);
  return [...new Set([...heads, ...checkpoints].map((row) => row.tenant_id))].sort();
}
