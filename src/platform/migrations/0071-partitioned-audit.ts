import { sql, type Kysely } from 'kysely';

/**
 * The audit log is partitioned by month of its entries' `at`, like decisions (migration 0070), on
 * PostgreSQL and PGlite alike:
 *
 * - the primary key becomes (tenant_id, seq, at): a tenant's sequence stays linear through its
 *   chain head (`audit_heads`, moved by compare-and-set), as it already is across processes; the
 *   decision writer's `ON CONFLICT (tenant_id, seq)` becomes `ON CONFLICT (tenant_id, seq, at)`;
 * - the append-only triggers are defined on the partitioned table (its row trigger is cloned to every
 *   partition); entries are never moved between partitions, so months are created ahead only while
 *   the default partition holds none of their entries;
 * - `audit_anchors`: when retention drops a month of entries, a signed anchor per tenant records the
 *   last dropped link (seq and hash). Verification starts after the newest anchor instead of the
 *   genesis, so the chain kept still verifies, and a dropped month without its anchor is a break.
 *   Anchors are append-only too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `DO $$
     DECLARE
       definition text := pg_get_functiondef('sentra_write_decision_rows(jsonb)'::regprocedure);
     BEGIN
       IF position('ON CONFLICT (tenant_id, seq) DO NOTHING' in definition) = 0 THEN
         RAISE EXCEPTION 'sentra_write_decision_rows: the audit insert to change was not found';
       END IF;
       EXECUTE replace(definition, 'ON CONFLICT (tenant_id, seq) DO NOTHING', 'ON CONFLICT (tenant_id, seq, at) DO NOTHING');
     END $$`,
    `ALTER TABLE audit_log RENAME TO audit_log_unpartitioned`,
    `ALTER TABLE audit_log_unpartitioned RENAME CONSTRAINT audit_log_pkey TO audit_log_unpartitioned_pkey`,
    `CREATE TABLE audit_log (
       LIKE audit_log_unpartitioned INCLUDING DEFAULTS,
       PRIMARY KEY (tenant_id, seq, at)) PARTITION BY RANGE (at)`,
    `CREATE TABLE audit_log_default (LIKE audit_log INCLUDING DEFAULTS)`,
    `ALTER TABLE audit_log ATTACH PARTITION audit_log_default DEFAULT`,
    // The months that hold entries, and this month and the next two, before the entries are copied.
    `SELECT sentra_month_partition('audit_log', month::date) FROM (
       SELECT DISTINCT date_trunc('month', at AT TIME ZONE 'UTC') AS month FROM audit_log_unpartitioned
       UNION SELECT date_trunc('month', now() AT TIME ZONE 'UTC') + step * interval '1 month' FROM generate_series(0, 2) AS step) AS months
     ORDER BY month`,
    `INSERT INTO audit_log SELECT * FROM audit_log_unpartitioned`,
    `DROP TABLE audit_log_unpartitioned`,
    `CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION sentra_audit_append_only()`,
    `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
       FOR EACH STATEMENT EXECUTE FUNCTION sentra_audit_append_only()`,
    `CREATE TABLE audit_anchors (
       tenant_id text NOT NULL,
       seq bigint NOT NULL,
       hash text NOT NULL,
       dropped_before timestamptz NOT NULL,
       at timestamptz NOT NULL,
       key_id text NOT NULL,
       signature text NOT NULL,
       PRIMARY KEY (tenant_id, seq))`,
    `CREATE TRIGGER audit_anchors_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_anchors
       FOR EACH ROW EXECUTE FUNCTION sentra_audit_append_only()`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
