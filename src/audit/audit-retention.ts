import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { briefly, createMonthPartition, monthPartitions, monthsAhead, monthStart, partitionOf } from '../platform/month-partitions.js';
import { canonicalJson } from './audit-chain.js';
import type { AuditSigner, AuditVerifier } from './audit-signing-key.js';

/**
 * A signed statement "tenant T's entries up to `seq`, ending in `hash`, were dropped by retention
 * (the month partitions before `dropped_before`)" (migration 0071). Verification starts after the
 * newest one.
 */
export interface AuditAnchor {
  tenant_id: string;
  seq: number;
  hash: string;
  dropped_before: string;
  at: string;
  key_id: string;
  signature: string;
}

/** The exact text an anchor's signature covers. */
export function anchorText(anchor: Omit<AuditAnchor, 'signature'>): string {
  return canonicalJson({ type: 'sentra.audit.anchor', tenant_id: anchor.tenant_id, seq: anchor.seq, hash: anchor.hash, dropped_before: anchor.dropped_before, at: anchor.at, key_id: anchor.key_id });
}

/** Whether an anchor carries a valid signature of this installation's key. */
export function anchorSigned(anchor: AuditAnchor, verifier: AuditVerifier): boolean {
  return anchor.key_id === verifier.keyId && verifier.verify(anchorText(anchor), anchor.signature);
}

/** A tenant's newest anchor, if retention dropped any of its entries. */
export async function newestAnchor(db: Kysely<Database>, tenantId: string): Promise<AuditAnchor | undefined> {
  const row = await db.selectFrom('audit_anchors').selectAll().where('tenant_id', '=', tenantId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row === undefined ? undefined : { ...row, seq: Number(row.seq), dropped_before: row.dropped_before.toISOString(), at: row.at.toISOString() };
}

/** What one partition sweep of the audit log did. */
export interface AuditPartitionSweep {
  created: string[];
  dropped: string[];
  /** Anchors written, one per tenant with entries in a dropped month. */
  anchors: number;
}

/**
 * The partition maintenance of the audit log (migration 0071), run by the worker's sweep: creates
 * this month's partition and the next {@link monthsAhead} (a month whose entries already went to the
 * default partition stays there: entries are never moved) and, with a retention of
 * `retentionMonths` (> 0), drops the monthly partitions before the month `retentionMonths` ago,
 * oldest first. Each drop locks its partition, signs one anchor per tenant at the last entry it
 * holds, and drops it, in one transaction: a month is gone only with its anchors. Entries in the
 * default partition are never deleted (they are kept longer than the policy, never shorter).
 */
export async function maintainAuditPartitions(db: Kysely<Database>, signer: () => AuditSigner, now: Date, retentionMonths: number): Promise<AuditPartitionSweep> {
  const sweep: AuditPartitionSweep = { created: [], dropped: [], anchors: 0 };
  for (let offset = 0; offset <= monthsAhead; offset++) {
    const month = monthStart(now, offset);
    const inDefault = await sql`select 1 from audit_log_default where at >= ${month} and at < ${monthStart(now, offset + 1)} limit 1`.execute(db);
    if (inDefault.rows.length > 0) continue;
    if (await createMonthPartition(db, 'audit_log', month)) sweep.created.push(partitionOf('audit_log', month));
  }
  if (retentionMonths <= 0) return sweep;
  const cutoff = monthStart(now, -retentionMonths);
  for (const { name, month } of await monthPartitions(db, 'audit_log')) {
    if (month >= cutoff) continue;
    const droppedBefore = monthStart(month, 1);
    const anchors = await briefly(db, async (trx) => {
      // Another process's sweep may have dropped it meanwhile: then there is nothing to do.
      if ((await sql<{ present: string | null }>`select to_regclass(${name}) as present`.execute(trx)).rows[0]?.present == null) return undefined;
      await sql`lock table ${sql.id(name)} in access exclusive mode`.execute(trx);
      const lasts = await sql<{ tenant_id: string; seq: string | number; hash: string }>`
        select distinct on (tenant_id) tenant_id, seq, hash from ${sql.id(name)} order by tenant_id, seq desc`.execute(trx);
      let written = 0;
      for (const last of lasts.rows) {
        const newer = await trx.selectFrom('audit_anchors').select('seq').where('tenant_id', '=', last.tenant_id).where('seq', '>=', Number(last.seq)).executeTakeFirst();
        if (newer !== undefined) continue;
        const key = signer();
        const unsigned = { tenant_id: last.tenant_id, seq: Number(last.seq), hash: last.hash, dropped_before: droppedBefore.toISOString(), at: now.toISOString(), key_id: key.keyId };
        await trx
          .insertInto('audit_anchors')
          .values({ ...unsigned, dropped_before: droppedBefore, at: now, signature: key.sign(anchorText(unsigned)) })
          .execute();
        written += 1;
      }
      await sql`drop table ${sql.id(name)}`.execute(trx);
      return written;
    }).catch((error: unknown) => {
      // Dropped by another process between the check and the lock.
      if ((error as { code?: unknown }).code === '42P01') return undefined;
      throw error;
    });
    if (anchors === undefined) continue;
    sweep.anchors += anchors;
    sweep.dropped.push(name);
  }
  return sweep;
}
