import { sql, type Kysely } from 'kysely';

/**
 * Outbound webhooks of live merchants: the endpoints a merchant registers (URL, event types, the
 * signing secret sealed with the feed key) and the delivery log. Each delivery is written with a
 * `webhook.deliver` job in the same transaction (the durable outbox); the job runner sends it,
 * retrying with backoff, and the delivery row keeps its attempts, last status and error.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE webhook_endpoints (
      id text PRIMARY KEY,
      tenant_id text NOT NULL REFERENCES tenants (id),
      merchant_id text NOT NULL REFERENCES merchants (id),
      url text NOT NULL,
      events jsonb NOT NULL,
      secret_sealed text NOT NULL,
      created_at timestamptz NOT NULL,
      disabled_at timestamptz)`,
    `CREATE INDEX webhook_endpoints_by_merchant ON webhook_endpoints (merchant_id)`,
    `CREATE TABLE webhook_deliveries (
      id text PRIMARY KEY,
      tenant_id text NOT NULL REFERENCES tenants (id),
      merchant_id text NOT NULL REFERENCES merchants (id),
      endpoint_id text NOT NULL REFERENCES webhook_endpoints (id),
      event_type text NOT NULL,
      payload jsonb NOT NULL,
      status text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      last_status_code integer,
      last_error text,
      created_at timestamptz NOT NULL,
      delivered_at timestamptz)`,
    `CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, created_at)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
