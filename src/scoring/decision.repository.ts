import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { auditRow, chainAfterHeads, lockChainHeads, type ChainHead } from '../audit/audit.repository.js';
import type { ChainHeadCache } from '../audit/chain-head-cache.js';
import type { DecisionWrite, DecisionWriteResult, FeeCharged, StoredAnswer } from './decision-record.js';
import type { FeatureLists } from '../features/feature-lists.js';
import { buildDecisionBatch, type DecisionBatch } from './decision-batch.js';
import type { CasePolicy } from '../cases/case-policy.js';

export { kycRefRow } from './decision-batch.js';

/** Optimistic attempts before a batch locks the chain heads instead (other writers keep appending). */
const optimisticAttempts = 2;

function chainMoved(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '40001';
}

/** The batch's JSON document, its audit entries chained after `previous`, and the heads it moves to. */
function batchDocument(batch: DecisionBatch, previous: ReadonlyMap<string, ChainHead>): { document: string; newHeads: Map<string, ChainHead> } {
  const { chained, newHeads } = chainAfterHeads(batch.audit, previous);
  const document = JSON.stringify({
    ...batch,
    audit: chained.map(auditRow),
    heads: [...newHeads].map(([tenantId, head]) => ({
      tenant_id: tenantId,
      seq: head.seq,
      hash: head.hash,
      previous_seq: previous.get(tenantId)!.seq,
      previous_hash: previous.get(tenantId)!.hash,
    })),
  });
  return { document, newHeads };
}

/** The fees a statement took, by request id (migration 0077's answer). */
type ChargedFees = Map<string, FeeCharged>;

interface ChargedRow {
  request_id: string;
  usage_id: string;
  currency: string;
  fee_units: number | string;
  balance_units: number | string;
}

async function writeDocument(db: Kysely<Database>, document: string, expected: number): Promise<ChargedFees> {
  const result = await sql<{ answer: unknown }>`select sentra_write_billed_decisions(${document}::jsonb) as answer`.execute(db);
  const raw = result.rows[0]?.answer;
  const answer = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { written: number | string; charged: ChargedRow[] };
  const written = Number(answer.written);
  if (written !== expected) throw new Error(`decision batch wrote ${written} of ${expected} scores`);
  return new Map(
    answer.charged.map((row) => [row.request_id, { usageId: row.usage_id, currency: row.currency, feeUnits: Number(row.fee_units), balanceAfterUnits: Number(row.balance_units) }]),
  );
}

/**
 * The merchants whose fees the batch takes, locked in the order the statement charges them (by id)
 * before the chain heads: the optimistic statement locks merchant rows before it moves the heads,
 * and a writer taking them the other way round could deadlock with it.
 */
async function lockFeePayers(trx: Transaction<Database>, items: readonly DecisionWrite[]): Promise<void> {
  const merchantIds = [...new Set(items.flatMap((item) => (item.fee === undefined ? [] : [item.fee.merchantId])))].sort();
  if (merchantIds.length === 0) return;
  await sql`select id from merchants where id in (${sql.join(merchantIds)}) order by id for update`.execute(trx);
}

/**
 * Writes a batch of decisions in one statement (one round trip, one atomic commit): the fees of
 * merchant calls first, then entities, transactions, KYC refs, cases, risk_scores rows, enrichment
 * jobs, one hash-chained audit entry per decision, the `decision.created` webhook deliveries of live
 * merchants' feed payments and the event API's event rows, through `sentra_write_billed_decisions`
 * (migration 0077 over `sentra_write_decisions`, migrations 0002, 0064 and 0075). The audit chain
 * continues from the cached heads, without reading or locking them; when another writer appended
 * first, the statement fails with 40001 and writes nothing, and the batch is chained again. After
 * {@link optimisticAttempts} such failures (several processes writing the same tenants at a high
 * rate), the batch locks the heads in a transaction and chains after them, so it always completes.
 * Answers the fees taken, by request id.
 */
async function writeDecisions(db: Kysely<Database>, heads: ChainHeadCache, items: readonly DecisionWrite[], casePolicy?: CasePolicy, featureLists?: FeatureLists): Promise<ChargedFees> {
  const batch = buildDecisionBatch(items, casePolicy, featureLists);
  const listsWritten = () => featureLists?.markStored(batch.featureLists.map((list) => list.id));
  const tenantIds = items.map((item) => item.tenantId);
  for (let attempt = 1; attempt <= optimisticAttempts; attempt++) {
    const { document, newHeads } = batchDocument(batch, await heads.get(tenantIds));
    try {
      const charged = await writeDocument(db, document, items.length);
      heads.advance(newHeads);
      listsWritten();
      return charged;
    } catch (error) {
      // Fees are taken before the chain is touched: a refused one leaves the cached heads right.
      if (unpaidRequests(error) !== undefined) throw error;
      heads.forget();
      if (!chainMoved(error)) throw error;
    }
  }
  const { charged, newHeads } = await db.transaction().execute(async (trx) => {
    await lockFeePayers(trx, items);
    const locked = await lockChainHeads(trx, tenantIds);
    const prepared = batchDocument(batch, locked);
    return { charged: await writeDocument(trx, prepared.document, items.length), newHeads: prepared.newHeads };
  });
  heads.advance(newHeads);
  listsWritten();
  return charged;
}

/**
 * The request ids whose fees the statement could not take (SQLSTATE SN402 of migration 0077, the ids
 * in its DETAIL); undefined for any other error.
 */
function unpaidRequests(error: unknown): Set<string> | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, detail } = error as { code?: unknown; detail?: unknown };
  if (code !== 'SN402' || typeof detail !== 'string') return undefined;
  return new Set(JSON.parse(detail) as string[]);
}

/** Rounds of "write, find the requests decided meanwhile, write the rest" before the error stands. */
const duplicateRounds = 3;

const paymentRequired: DecisionWriteResult = { kind: 'payment_required' };

const requestKey = (item: DecisionWrite) => `${item.tenantId}\u0000${item.record.txId}\u0000${item.requestDigest}`;

/** The request index of a decisions partition (`risk_scores_request`, `risk_scores_p2026_01_request`, `risk_scores_default_request`). */
const requestIndex = /^risk_scores(_\w+)?_request$/;

/**
 * The unique index of migrations 0020 and 0070: this request (tenant, tx_id, digest) was decided already.
 * On the partitioned table the violated index is the one of the payment month's partition.
 */
function isDuplicateRequest(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, constraint } = error as { code?: unknown; message?: unknown; constraint?: unknown };
  if (code !== '23505') return false;
  if (typeof constraint === 'string') return requestIndex.test(constraint);
  return typeof message === 'string' && /"risk_scores(_\w+)?_request"/.test(message);
}

function answerOf(item: DecisionWrite): StoredAnswer {
  return {
    requestId: item.requestId,
    riskScore: item.riskScore,
    probability: item.probability,
    decision: item.decision,
    reasons: item.reasons,
    evidence: item.evidence,
    modelVersion: item.modelVersion,
    llmStatus: item.llmStatus,
  };
}

/** Whether this request (tenant, transaction, request digest) has a stored decision: a retry would be answered from it. */
export async function isDecided(db: Kysely<Database>, tenantId: string, txId: string, digest: string): Promise<boolean> {
  const row = await db
    .selectFrom('risk_scores')
    .select('id')
    .where('first_of_request', '=', true)
    .where('tenant_id', '=', tenantId)
    .where('tx_id', '=', txId)
    .where('request_digest', '=', digest)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The stored decisions that answer these requests, by request key. */
async function findStoredAnswers(db: Kysely<Database>, items: readonly DecisionWrite[]): Promise<Map<string, StoredAnswer>> {
  const rows = await db
    .selectFrom('risk_scores')
    .select(['id', 'tenant_id', 'tx_id', 'request_digest', 'risk_score', 'probability', 'decision', 'reasons', 'evidence', 'model_version', 'llm_status'])
    .where('first_of_request', '=', true)
    .where((eb) =>
      eb.or(items.map((item) => eb.and([eb('tenant_id', '=', item.tenantId), eb('tx_id', '=', item.record.txId), eb('request_digest', '=', item.requestDigest)]))),
    )
    .execute();
  const answers = new Map<string, StoredAnswer>();
  for (const row of rows) {
    answers.set(`${row.tenant_id}\u0000${row.tx_id}\u0000${row.request_digest}`, {
      requestId: row.id,
      riskScore: row.risk_score,
      probability: row.probability,
      decision: row.decision as StoredAnswer['decision'],
      reasons: row.reasons as string[],
      evidence: row.evidence as StoredAnswer['evidence'],
      modelVersion: row.model_version,
      llmStatus: row.llm_status as StoredAnswer['llmStatus'],
    });
  }
  return answers;
}

/**
 * Writes a group commit of decisions (see writeDecisions) and makes retries idempotent: a request
 * (tenant, tx_id, request digest) is decided once. Identical requests within the batch answer with
 * the first of them; a request already stored (a retry, or another process that wrote it first)
 * hits the unique index of migration 0020, fails the statement, and answers with the stored
 * decision while the rest of the batch is written. Nothing of a replayed request is written or
 * charged: no score, case, job, audit entry or fee. Likewise a merchant call whose fee the balance
 * cannot cover fails the statement, answers `payment_required` (or, when it was decided before, the
 * stored decision: a retry is not billed again), and the rest is written without it (its audit
 * entries chained again); each such round removes at least one request, so it ends. With
 * `featureLists` (one per database), features are stored as arrays with their list (migration 0080).
 */
export async function persistDecisions(
  db: Kysely<Database>,
  heads: ChainHeadCache,
  items: readonly DecisionWrite[],
  casePolicy?: CasePolicy,
  featureLists?: FeatureLists,
): Promise<DecisionWriteResult[]> {
  const firsts = new Map<string, DecisionWrite>();
  for (const item of items) if (!firsts.has(requestKey(item))) firsts.set(requestKey(item), item);
  const stored = new Map<string, StoredAnswer>();
  const refused = new Set<string>();
  let charged: ChargedFees = new Map();
  let pending = [...firsts.values()];
  for (let round = 1; pending.length > 0; ) {
    try {
      charged = await writeDecisions(db, heads, pending, casePolicy, featureLists);
      break;
    } catch (error) {
      const unpaid = unpaidRequests(error);
      if (unpaid !== undefined) {
        // A retry of a call answered before is not billed again: it answers with the stored decision
        // even when the balance no longer covers a fee. Only the others are refused.
        const unpaidItems = pending.filter((item) => unpaid.has(item.requestId));
        for (const [key, answer] of await findStoredAnswers(db, unpaidItems)) stored.set(key, answer);
        for (const item of unpaidItems) if (!stored.has(requestKey(item))) refused.add(item.requestId);
        pending = pending.filter((item) => !unpaid.has(item.requestId));
        continue;
      }
      if (!isDuplicateRequest(error) || round >= duplicateRounds) throw error;
      round++;
      for (const [key, answer] of await findStoredAnswers(db, pending)) stored.set(key, answer);
      pending = pending.filter((item) => !stored.has(requestKey(item)));
    }
  }
  return items.map((item): DecisionWriteResult => {
    const answer = stored.get(requestKey(item));
    if (answer !== undefined) return { kind: 'replayed', stored: answer };
    const first = firsts.get(requestKey(item))!;
    if (refused.has(first.requestId)) return paymentRequired;
    if (first !== item) return { kind: 'replayed', stored: answerOf(first) };
    const fee = charged.get(item.requestId);
    return fee === undefined ? { kind: 'written' } : { kind: 'written', charged: fee };
  });
}
