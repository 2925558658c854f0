import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabelRecord, TransactionRecord } from '../contract/transaction-record.js';
import { FeatureEngine } from '../features/engine/feature-engine.js';
import { interleaveByTime, newReplayState, replayHistory, type ReplayStep } from '../features/engine/replay.js';
import { MemoryProfileStore } from '../features/profile/memory/memory-profile-store.js';
import { buildProfilePlan } from '../features/profile/profile-plan.js';
import { baseTime, day, hour, transaction } from '../features/testing/transactions.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { rowOfRecord, tenantHistoryPages } from './transaction-history.repository.js';

const tenantId = 'default';

function label(record: TransactionRecord, value: 'fraud' | 'legit', labeledAt: number, source: LabelRecord['source'] = 'analyst'): LabelRecord {
  return { txId: record.txId, label: value, labeledAt, source, reason: 'fixture' };
}

const engine = () => new FeatureEngine({ store: new MemoryProfileStore(buildProfilePlan()), ipHashSecret: 'secret' });
const shape = (step: ReplayStep) => (step.kind === 'transaction' ? `t:${step.transaction.record.txId}` : `l:${step.label.txId}:${step.label.source}:${step.label.label}`);

describe('tenantHistoryPages', () => {
  let sentra: TestApp;
  const records: TransactionRecord[] = [];
  const labels: LabelRecord[] = [];
  beforeAll(async () => {
    sentra = await startTestApp('pglite');
    for (let index = 0; index < 23; index++) {
      // Pairs at the same millisecond, ordered by tx_id within it.
      records.push(transaction({ txId: `h-${String(index).padStart(2, '0')}`, createdAt: baseTime + Math.floor(index / 2) * hour, senderEntityId: `s-${index % 4}`, receiverEntityId: `r-${index % 3}` }));
    }
    labels.push(label(records[0]!, 'fraud', baseTime + 2 * hour));
    labels.push(label(records[0]!, 'legit', baseTime + 2 * hour, 'chargeback'));
    labels.push(label(records[4]!, 'fraud', records[6]!.createdAt)); // at the same instant as a later payment: before it
    labels.push(label(records[9]!, 'fraud', baseTime + 20 * hour));
    labels.push(label(records[22]!, 'fraud', records[22]!.createdAt)); // at its own payment's instant: not yet visible
    labels.push(label(records[3]!, 'legit', baseTime + day));
    const db = sentra.runtime.database.db;
    await db.insertInto('transactions').values(records.map((record) => rowOfRecord(record, { tenantId, network: undefined, source: 'import', ingestRunId: null, updatedAt: new Date(baseTime) }))).execute();
    await db
      .insertInto('labels')
      .values(labels.map((item) => ({ tenant_id: tenantId, tx_id: item.txId, source: item.source, label: item.label, labeled_at: new Date(item.labeledAt), reason: item.reason, ingest_run_id: null, created_by: 'test', created_at: new Date(item.labeledAt) })))
      .execute();
  });
  afterAll(async () => {
    await sentra.close();
  });

  it('streams in pages of the asked size the same time order interleaveByTime gives, and replays to the same counts', async () => {
    const pages: ReplayStep[][] = [];
    for await (const page of tenantHistoryPages(sentra.runtime.database.db, tenantId, baseTime, baseTime + 2 * day, 4)) pages.push(page);
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(4);
    const sortedLabels = [...labels].sort((a, b) => a.labeledAt - b.labeledAt || a.txId.localeCompare(b.txId) || a.source.localeCompare(b.source));
    const expected = [...interleaveByTime(records, sortedLabels)];
    expect(pages.flat().map(shape)).toEqual(expected.map(shape));

    const state = newReplayState(true);
    const streamed = { transactions: 0, labels: 0, skippedLabels: 0 };
    const streamedEngine = engine();
    for (const page of pages) {
      const summary = await replayHistory(streamedEngine, tenantId, page, undefined, state);
      streamed.transactions += summary.transactions;
      streamed.labels += summary.labels;
      streamed.skippedLabels += summary.skippedLabels;
    }
    const whole = await replayHistory(engine(), tenantId, interleaveByTime(records, sortedLabels));
    expect(streamed).toEqual(whole);
    expect(whole).toEqual({ transactions: 23, labels: 5, skippedLabels: 1 });
  });

  it('reads only the window asked for', async () => {
    const steps: ReplayStep[] = [];
    for await (const page of tenantHistoryPages(sentra.runtime.database.db, tenantId, baseTime + 5 * hour, baseTime + 8 * hour, 3)) steps.push(...page);
    expect(steps.filter((step) => step.kind === 'transaction').map(shape)).toEqual(['t:h-10', 't:h-11', 't:h-12', 't:h-13', 't:h-14', 't:h-15', 't:h-16', 't:h-17']);
  });
});
