import { sql, type Kysely } from 'kysely';

/**
 * Cases become work items: priority, SLA due time, assignee, optimistic version, manual flag, the
 * verdict, and the columns the queue filters on (copied from the transaction when the case opens,
 * so the queue reads one table). `case_events` holds what people did (assigned, note, status,
 * resolved, reopened, label); created and re-scored are read from the decisions themselves.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE cases
      ADD COLUMN priority integer NOT NULL DEFAULT 0,
      ADD COLUMN sla_due_at timestamptz,
      ADD COLUMN assignee text,
      ADD COLUMN version integer NOT NULL DEFAULT 1,
      ADD COLUMN manual boolean NOT NULL DEFAULT false,
      ADD COLUMN amount_usd double precision,
      ADD COLUMN sender_entity_id text,
      ADD COLUMN receiver_entity_id text,
      ADD COLUMN merchant_id text,
      ADD COLUMN has_kyc boolean NOT NULL DEFAULT false,
      ADD COLUMN resolution text,
      ADD COLUMN resolved_at timestamptz,
      ADD COLUMN resolved_by text`,
    `UPDATE cases AS c SET sender_entity_id = t.sender_entity_id, receiver_entity_id = t.receiver_entity_id, merchant_id = t.merchant_id,
       sla_due_at = c.created_at + interval '1 day', priority = c.risk_score / 10
       FROM transactions AS t WHERE t.tenant_id = c.tenant_id AND t.tx_id = c.tx_id`,
    `UPDATE cases SET sla_due_at = created_at + interval '1 day' WHERE sla_due_at IS NULL`,
    `ALTER TABLE cases ALTER COLUMN sla_due_at SET NOT NULL`,
    `DROP INDEX cases_queue`,
    `CREATE INDEX cases_by_priority ON cases (tenant_id, status, priority DESC, id DESC)`,
    `CREATE INDEX cases_by_created ON cases (tenant_id, created_at DESC, id DESC)`,
    `CREATE INDEX cases_by_sla ON cases (tenant_id, status, sla_due_at, id)`,
    `CREATE INDEX cases_by_assignee ON cases (tenant_id, assignee, status)`,
    `CREATE TABLE case_events (
      id text PRIMARY KEY,
      tenant_id text NOT NULL,
      case_id text NOT NULL,
      at timestamptz NOT NULL,
      actor text NOT NULL,
      kind text NOT NULL,
      payload jsonb NOT NULL)`,
    `CREATE INDEX case_events_by_case ON case_events (tenant_id, case_id, at)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
