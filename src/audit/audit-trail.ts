import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { AuditConfig } from '../platform/config.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import { appendAudit } from './audit.repository.js';
import { writeCheckpoints, type AuditCheckpoint, type CheckpointReason } from './audit-checkpoint.js';
import { listAuditEntries, type AuditEntryFilters } from './audit-entries.js';
import { exportLines } from './audit-export.js';
import { loadAuditSigner, type AuditSigner } from './audit-signing-key.js';
import { auditedTenants, verifyStoredChain, type ChainReport } from './audit-verify.js';

/**
 * The installation's audit trail beyond appending: verification, signed exports and checkpoints of
 * the chain heads (on a timer in the server, and at every export). The API and the CLI share it.
 */
export class AuditTrail {
  private signerLoaded: AuditSigner | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly config: AuditConfig,
    private readonly clock: Clock,
    private readonly logger?: Logger,
  ) {}

  /** The signing key, created in the data folder on first use. */
  get signer(): AuditSigner {
    this.signerLoaded ??= loadAuditSigner(this.config.keyFile);
    return this.signerLoaded;
  }

  /** Verifies one tenant's chain, or every audited tenant's. */
  async verify(tenantId?: string): Promise<ChainReport[]> {
    const tenants = tenantId === undefined ? await auditedTenants(this.db) : [tenantId];
    const reports: ChainReport[] = [];
    for (const tenant of tenants) reports.push(await verifyStoredChain(this.db, tenant, this.signer, this.config.checkpointFile));
    return reports;
  }

  /** A page of the tenant's entries, newest first, below the cursor's seq. */
  entries(tenantId: string, filters: AuditEntryFilters, limit: number) {
    return listAuditEntries(this.db, tenantId, filters, limit);
  }

  /** Signs and records the heads that moved (or, forced, the given tenants' heads as they are). */
  checkpoint(reason: CheckpointReason, tenantIds?: readonly string[], force = false): Promise<AuditCheckpoint[]> {
    const run = this.running.then(() => writeCheckpoints(this.db, this.signer, this.config.checkpointFile, { reason, at: new Date(this.clock.now()), tenantIds, force }));
    this.running = run.catch(() => undefined);
    return run;
  }

  /**
   * Records the export as an audit entry, checkpoints the head, and returns the export's lines:
   * entries with `from <= at < to`, then the signed summary.
   */
  async export(tenantId: string, actor: string, from: Date, to: Date): Promise<AsyncGenerator<string>> {
    const at = new Date(this.clock.now());
    await this.db.transaction().execute((trx) =>
      appendAudit(trx, [{ tenantId, at, actor, action: 'audit.exported', subject: tenantId, payload: { from: from.toISOString(), to: to.toISOString() } }]),
    );
    await this.checkpoint('export', [tenantId], true);
    return exportLines(this.db, this.signer, tenantId, from, to, at);
  }

  /** Checkpoints moved heads every `checkpointSeconds` (0: never) until stopped. */
  start(): void {
    if (this.config.checkpointSeconds === 0 || this.timer !== undefined) return;
    this.timer = setInterval(() => {
      this.checkpoint('periodic').catch((error: unknown) => this.logger?.warn({ err: error }, 'audit checkpoint failed; the next tick retries'));
    }, this.config.checkpointSeconds * 1000);
    this.timer.unref();
  }

  /** Stops the timer and waits for a checkpoint in progress. */
  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
