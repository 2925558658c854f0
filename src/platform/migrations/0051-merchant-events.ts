import { sql, type Kysely } from 'kysely';

/**
 * Events of the event API (seed 004): what the merchant sent (user, event type, device fingerprint,
 * session; never the raw IP), what it was answered (riskScore 0–100, decision, confidence, the
 * breakdown and the factors per component, recommended actions), and the engine decision behind it
 * (`decision_id`, a risk_scores id). A merchant reads only its own events.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE merchant_events (
      event_id text PRIMARY KEY,
      tenant_id text NOT NULL REFERENCES tenants (id),
      merchant_id text NOT NULL REFERENCES merchants (id),
      decision_id text NOT NULL,
      user_id text NOT NULL,
      event_type text NOT NULL,
      device_id text,
      session_id text,
      risk_score integer NOT NULL,
      decision text NOT NULL,
      confidence double precision NOT NULL,
      components jsonb NOT NULL,
      triggered_factors jsonb NOT NULL,
      recommended_actions jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      processed_at timestamptz NOT NULL)`,
    `CREATE INDEX merchant_events_by_device ON merchant_events (merchant_id, user_id, device_id, created_at)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
