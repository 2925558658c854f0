import { sql, type Kysely } from 'kysely';

/**
 * Shadow mode (seed 000): decisions and cases of a shadow merchant are marked `shadow`, so the
 * evaluation store keeps them while the analysts' live queue does not show them; every change of a
 * merchant's mode (promotion to live, demotion back) is recorded with its time for the evaluation
 * report. Existing rows are live.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE risk_scores ADD COLUMN shadow boolean NOT NULL DEFAULT false`,
    `ALTER TABLE cases ADD COLUMN shadow boolean NOT NULL DEFAULT false`,
    `CREATE TABLE merchant_mode_changes (
      id text PRIMARY KEY,
      tenant_id text NOT NULL REFERENCES tenants (id),
      merchant_id text NOT NULL REFERENCES merchants (id),
      mode text NOT NULL,
      changed_at timestamptz NOT NULL,
      actor text NOT NULL)`,
    `CREATE INDEX merchant_mode_changes_by_merchant ON merchant_mode_changes (merchant_id, changed_at)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
