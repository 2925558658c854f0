import { sql, type Kysely } from 'kysely';

/**
 * Merchants of a tenant (the callers of the event and confidence APIs), their API keys (stored as
 * SHA-256 hashes only) and their prepaid billing: the balance and every movement of it as a usage
 * line. Money is held in integer units of 1/10,000 of the merchant's currency (a fee of 0.0500 USD
 * is 500), so no amount is ever a binary float.
 *
 * The balance never goes below minus the overdraft: a charge is one conditional UPDATE … WHERE
 * balance - fee >= -overdraft, so concurrent calls can never spend more than was there.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE merchants (
      id text PRIMARY KEY,
      tenant_id text NOT NULL REFERENCES tenants (id),
      name text NOT NULL,
      mode text NOT NULL CHECK (mode IN ('live', 'shadow')),
      currency text NOT NULL,
      balance_units bigint NOT NULL,
      overdraft_units bigint NOT NULL CHECK (overdraft_units >= 0),
      fees jsonb NOT NULL,
      thresholds jsonb,
      rate_limit_per_second integer,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (balance_units >= -overdraft_units))`,
    `CREATE INDEX merchants_by_tenant ON merchants (tenant_id, created_at)`,
    `CREATE TABLE merchant_keys (
      id text PRIMARY KEY,
      tenant_id text NOT NULL REFERENCES tenants (id),
      merchant_id text NOT NULL REFERENCES merchants (id),
      name text NOT NULL,
      key_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      last_used_at timestamptz,
      revoked_at timestamptz)`,
    `CREATE INDEX merchant_keys_by_merchant ON merchant_keys (merchant_id, created_at)`,
    `CREATE TABLE merchant_usage (
      id text PRIMARY KEY,
      tenant_id text NOT NULL REFERENCES tenants (id),
      merchant_id text NOT NULL REFERENCES merchants (id),
      kind text NOT NULL CHECK (kind IN ('charge', 'refund', 'top_up')),
      service text CHECK (service IN ('SENTRY', 'EVENTS', 'PIPELINE')),
      reference text,
      amount_units bigint NOT NULL,
      balance_after_units bigint NOT NULL,
      actor text NOT NULL,
      created_at timestamptz NOT NULL)`,
    `CREATE INDEX merchant_usage_by_merchant ON merchant_usage (merchant_id, created_at)`,
    `CREATE INDEX merchant_usage_by_reference ON merchant_usage (merchant_id, reference)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
