import { sql, type Kysely } from 'kysely';

/**
 * The audit log becomes append-only in the database itself: a row trigger refuses UPDATE and DELETE
 * and a statement trigger refuses TRUNCATE, on PGlite and PostgreSQL alike. Someone with the rights
 * to disable the triggers can still edit rows; `sentra audit verify` then finds the break in the hash
 * chain, and the signed checkpoints (audit_checkpoints, and a file outside the database) catch a
 * removed tail, which a chain alone cannot.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE FUNCTION sentra_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
     END $$`,
    `CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION sentra_audit_append_only()`,
    `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
       FOR EACH STATEMENT EXECUTE FUNCTION sentra_audit_append_only()`,
    `CREATE TABLE audit_checkpoints (
      tenant_id text NOT NULL,
      seq bigint NOT NULL,
      hash text NOT NULL,
      at timestamptz NOT NULL,
      reason text NOT NULL,
      key_id text NOT NULL,
      signature text NOT NULL,
      PRIMARY KEY (tenant_id, seq))`,
    `CREATE TRIGGER audit_checkpoints_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_checkpoints
       FOR EACH ROW EXECUTE FUNCTION sentra_audit_append_only()`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
