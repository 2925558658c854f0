import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { labelPrecedence } from '../contract/label-precedence.js';

/** How far back related payments are looked for. */
export const relatedWindowDays = 30;
/** At most this many related payments per relation, newest first. */
export const relatedLimit = 50;

/** A payment related to the case's payment, with its latest decision and effective label. */
export interface RelatedTransaction {
  tx_id: string;
  created_at: string;
  amount: string;
  currency: string;
  sender_entity_id: string;
  receiver_entity_id: string;
  status: string;
  decision: string | null;
  risk_score: number | null;
  request_id: string | null;
  label: string | null;
  label_source: string | null;
}

/** A row as the raw query returns it; created_at is normalised to ISO text before it leaves. */
type RelatedRow = Omit<RelatedTransaction, 'created_at'> & { created_at: Date | string };

/** The label precedence as SQL CASE arms (constants only). */
const precedenceCases = sql.raw(labelPrecedence.map((source, index) => `when '${source}' then ${index}`).join(' '));

const columns = { sender: 'sender_entity_id', receiver: 'receiver_entity_id', device: 'device_id_hash' } as const;

/** Which side the payments share with the case's payment. */
export type Relation = keyof typeof columns;

/**
 * Payments of the same sender, receiver or device in the 30 days up to the case's payment (the
 * payment itself excluded), each with its latest decision and its effective label (precedence:
 * chargeback, analyst, partner, early_fraud_warning; then the latest).
 */
export async function relatedTransactions(
  db: Kysely<Database>,
  tenantId: string,
  transaction: { tx_id: string; created_at: Date; sender_entity_id: string; receiver_entity_id: string; device_id_hash: string | null },
  relation: Relation,
): Promise<RelatedTransaction[]> {
  const value = relation === 'sender' ? transaction.sender_entity_id : relation === 'receiver' ? transaction.receiver_entity_id : transaction.device_id_hash;
  if (value === null) return [];
  const from = new Date(transaction.created_at.getTime() - relatedWindowDays * 86_400_000);
  const result = await sql<RelatedRow>`
    select t.tx_id, t.created_at, t.amount::text as amount, t.currency, t.sender_entity_id, t.receiver_entity_id, t.status,
           s.decision, s.risk_score, s.id as request_id, l.label, l.source as label_source
      from transactions t
      left join lateral (
        select id, decision, risk_score from risk_scores r
         where r.tenant_id = t.tenant_id and r.tx_id = t.tx_id order by r.scored_at desc limit 1) s on true
      left join lateral (
        select label, source from labels b
         where b.tenant_id = t.tenant_id and b.tx_id = t.tx_id
         order by case b.source ${precedenceCases} else ${labelPrecedence.length} end, b.labeled_at desc limit 1) l on true
     where t.tenant_id = ${tenantId} and ${sql.ref(`t.${columns[relation]}`)} = ${value}
       and t.created_at >= ${from} and t.created_at <= ${transaction.created_at} and t.tx_id <> ${transaction.tx_id}
     order by t.created_at desc limit ${relatedLimit}`.execute(db);
  return result.rows.map((row) => ({ ...row, created_at: new Date(row.created_at).toISOString() }));
}
