import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { canonicalJson } from './audit-chain.js';
import type { AuditSigner, AuditVerifier } from './audit-signing-key.js';

/** Why a checkpoint was written. */
export type CheckpointReason = 'periodic' | 'export' | 'manual';

/**
 * A signed statement "tenant T's chain had `seq` entries ending in `hash` at `at`". Kept in the
 * audit_checkpoints table and appended to a file outside the database: removing the tail of the
 * chain (and rewriting audit_heads) leaves a checkpoint the chain no longer reaches.
 */
export interface AuditCheckpoint {
  tenant_id: string;
  seq: number;
  hash: string;
  at: string;
  reason: CheckpointReason;
  key_id: string;
  signature: string;
}

/** The exact text a checkpoint's signature covers. */
export function checkpointText(checkpoint: Omit<AuditCheckpoint, 'signature'>): string {
  return canonicalJson({ type: 'sentra.audit.checkpoint', tenant_id: checkpoint.tenant_id, seq: checkpoint.seq, hash: checkpoint.hash, at: checkpoint.at, reason: checkpoint.reason, key_id: checkpoint.key_id });
}

/** Whether a checkpoint carries a valid signature of this installation's key. */
export function checkpointSigned(checkpoint: AuditCheckpoint, verifier: AuditVerifier): boolean {
  return checkpoint.key_id === verifier.keyId && verifier.verify(checkpointText(checkpoint), checkpoint.signature);
}

/**
 * Checkpoints the current head of each tenant (all tenants, or the ones given) that moved since its
 * last checkpoint; `force` writes one even when it did not (an export records the head it covers).
 */
export async function writeCheckpoints(
  db: Kysely<Database>,
  signer: AuditSigner,
  file: string | undefined,
  options: { reason: CheckpointReason; at: Date; tenantIds?: readonly string[]; force?: boolean },
): Promise<AuditCheckpoint[]> {
  let heads = db.selectFrom('audit_heads').select(['tenant_id', 'seq', 'hash']).where('seq', '>', 0);
  if (options.tenantIds !== undefined) heads = heads.where('tenant_id', 'in', options.tenantIds.length === 0 ? [''] : [...options.tenantIds]);
  const latest = db.selectFrom('audit_checkpoints').select(['tenant_id', (eb) => eb.fn.max('seq').as('seq')]).groupBy('tenant_id');
  const [headRows, latestRows] = await Promise.all([heads.execute(), latest.execute()]);
  const checkpointed = new Map(latestRows.map((row) => [row.tenant_id, Number(row.seq)]));
  const written: AuditCheckpoint[] = [];
  for (const head of headRows) {
    const seq = Number(head.seq);
    if (!options.force && (checkpointed.get(head.tenant_id) ?? 0) >= seq) continue;
    const unsigned = { tenant_id: head.tenant_id, seq, hash: head.hash, at: options.at.toISOString(), reason: options.reason, key_id: signer.keyId };
    const checkpoint = { ...unsigned, signature: signer.sign(checkpointText(unsigned)) };
    const inserted = await db
      .insertInto('audit_checkpoints')
      .values({ ...checkpoint, at: options.at })
      .onConflict((conflict) => conflict.columns(['tenant_id', 'seq']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0 && !options.force) continue;
    if (file !== undefined) {
      mkdirSync(dirname(file), { recursive: true });
      appendFileSync(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
    }
    written.push(checkpoint);
  }
  return written;
}

/** Every checkpoint of a tenant: the table's rows and the file's lines (unparsable lines are reported, not skipped silently). */
export async function readCheckpoints(db: Kysely<Database>, tenantId: string, file: string | undefined): Promise<{ checkpoints: AuditCheckpoint[]; unreadableLines: number[] }> {
  const rows = await db.selectFrom('audit_checkpoints').selectAll().where('tenant_id', '=', tenantId).orderBy('seq').execute();
  const checkpoints: AuditCheckpoint[] = rows.map((row) => ({ ...row, seq: Number(row.seq), at: row.at.toISOString(), reason: row.reason as CheckpointReason }));
  const unreadableLines: number[] = [];
  if (file !== undefined && existsSync(file)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '') return;
        try {
          const parsed = JSON.parse(line) as AuditCheckpoint;
          if (parsed.tenant_id === tenantId) checkpoints.push(parsed);
        } catch {
          unreadableLines.push(index + 1);
        }
      });
  }
  return { checkpoints, unreadableLines };
}
