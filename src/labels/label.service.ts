import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { Clock } from '../platform/clock.js';
import type { LabelValue } from '../contract/enums.js';
import type { LabelRecord, TransactionRecord } from '../contract/transaction-record.js';
import { appendAudit } from '../audit/audit.repository.js';
import { SentraError, ValidationError, type ProblemDetail } from '../errors/errors.js';
import { recordOfRow } from '../scoring/transaction-history.repository.js';
import { writeLabels, type EffectiveChange } from './label-writes.js';
import type { OnResolved } from '../cases/case-actions.js';

/** Where a label changes live features: the feature engine's label fold (a FeatureEngine fits). */
export interface LabelSink {
  applyLabel(tenantId: string, label: LabelRecord, transaction: TransactionRecord, previous?: LabelValue): Promise<void>;
}

/** What a label request did. */
export interface LabelOutcome {
  received: number;
  /** New labels stored (the same label sent again is not stored twice). */
  written: number;
  /** Transactions whose effective label changed (their profiles moved). */
  effective_changes: number;
}

/**
 * Labels from every source: stored (all kept), audited, and folded into the live profiles at
 * their `labeled_at` when they change a transaction's effective label, so the next score of the
 * same receiver or sender sees the new fraud counts without a restart (through Redis in scaled
 * mode, every process at once; in embedded mode, this process's profiles).
 */
export class LabelService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sink: LabelSink,
    private readonly clock: Clock,
  ) {}

  /** Records labels of the tenant's transactions; all or nothing (an unknown tx_id is 404 with its path). */
  async record(tenantId: string, labels: readonly LabelRecord[], actor: string): Promise<LabelOutcome> {
    const at = new Date(this.clock.now());
    const { written, changes } = await this.db.transaction().execute(async (trx) => {
      const txIds = [...new Set(labels.map((label) => label.txId))];
      const known = await trx.selectFrom('transactions').select(['tx_id', 'created_at']).where('tenant_id', '=', tenantId).where('tx_id', 'in', txIds).execute();
      const createdAt = new Map(known.map((row) => [row.tx_id, row.created_at.getTime()]));
      const missing: ProblemDetail[] = [];
      const early: ProblemDetail[] = [];
      labels.forEach((label, index) => {
        const created = createdAt.get(label.txId);
        if (created === undefined) missing.push({ code: 'unknown_transaction', path: `/${index}/tx_id`, message: `no transaction ${label.txId} in this tenant` });
        else if (label.labeledAt < created) early.push({ code: 'before_transaction', path: `/${index}/labeled_at`, message: `labeled_at is before the transaction's created_at ${new Date(created).toISOString()}` });
      });
      if (missing.length > 0) throw new SentraError('SENTRA_ERR_NOT_FOUND', `${missing.length} label(s) name a transaction this tenant does not have; nothing was stored.`, { details: missing });
      if (early.length > 0) throw new ValidationError(early);
      const result = await writeLabels(trx, tenantId, labels, actor, at);
      await appendAudit(trx, [
        {
          tenantId,
          at,
          actor,
          action: 'labels.recorded',
          subject: `${labels.length} label(s)`,
          payload: { written: result.written, labels: labels.map((label) => ({ tx_id: label.txId, source: label.source, label: label.label, labeled_at: new Date(label.labeledAt).toISOString() })) },
        },
      ]);
      return result;
    });
    await this.applyToProfiles(tenantId, changes);
    return { received: labels.length, written, effective_changes: changes.length };
  }

  /**
   * A resolve hook that stores the analyst's verdict as the transaction's `analyst` label in the
   * resolve's own transaction, and the follow-up that moves the profiles once it has committed.
   */
  verdictRecorder(): { onResolved: OnResolved; afterCommit: (tenantId: string) => Promise<void> } {
    let changes: EffectiveChange[] = [];
    return {
      onResolved: async (trx, resolved, verdict, act) => {
        const label: LabelRecord = { txId: resolved.tx_id, label: verdict.label, labeledAt: act.at.getTime(), source: 'analyst', reason: verdict.reason };
        changes = (await writeLabels(trx, act.tenantId, [label], act.actor, act.at)).changes;
      },
      afterCommit: (tenantId) => this.applyToProfiles(tenantId, changes),
    };
  }

  /** Moves the live profiles for committed changes of effective labels. */
  async applyToProfiles(tenantId: string, changes: readonly EffectiveChange[]): Promise<void> {
    if (changes.length === 0) return;
    const rows = await this.db.selectFrom('transactions').selectAll().where('tenant_id', '=', tenantId).where('tx_id', 'in', changes.map((change) => change.txId)).execute();
    const records = new Map(rows.map((row) => [row.tx_id, recordOfRow(row)]));
    for (const change of changes) {
      const record = records.get(change.txId);
      if (record !== undefined) await this.sink.applyLabel(tenantId, change.current, record, change.previous);
    }
  }
}
