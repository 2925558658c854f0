import { sql, type Kysely } from 'kysely';

/**
 * PSP feeds (seed 000): the webhook secrets of each merchant and PSP (encrypted with the
 * installation's feed key, several valid at once during a rotation) and the durable inbox every
 * verified webhook event is written to before it is acknowledged. The inbox is unique per merchant,
 * PSP and the PSP's own event id, so a retried delivery changes nothing; the processor takes its
 * pending events in event-time order and scores transactions or records labels behind it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE feed_secrets (
      merchant_id text NOT NULL REFERENCES merchants (id),
      psp text NOT NULL,
      tenant_id text NOT NULL REFERENCES tenants (id),
      secrets_sealed text NOT NULL,
      secret_count integer NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (merchant_id, psp))`,
    `CREATE TABLE feed_inbox (
      id text PRIMARY KEY,
      tenant_id text NOT NULL REFERENCES tenants (id),
      merchant_id text NOT NULL REFERENCES merchants (id),
      psp text NOT NULL,
      event_id text NOT NULL,
      event_type text NOT NULL,
      event_time timestamptz NOT NULL,
      kind text NOT NULL,
      tx_id text,
      item jsonb NOT NULL,
      psp_verdict jsonb,
      status text NOT NULL,
      received_at timestamptz NOT NULL,
      processed_at timestamptz,
      decision_id text,
      error text,
      claimed_by text,
      claimed_until timestamptz,
      UNIQUE (merchant_id, psp, event_id))`,
    `CREATE INDEX feed_inbox_pending ON feed_inbox (event_time, id) WHERE status = 'pending'`,
    `CREATE INDEX feed_inbox_by_transaction ON feed_inbox (merchant_id, tx_id)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
