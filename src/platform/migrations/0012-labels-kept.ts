import { sql, type Kysely } from 'kysely';

/**
 * Every label is kept: a source may label a transaction again (an analyst reopens and changes a
 * verdict, a chargeback is reversed), so the key becomes (tenant, tx, source, labeled_at). The
 * effective label is chosen when read (src/contract/label-precedence.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE labels DROP CONSTRAINT labels_pkey`,
    `ALTER TABLE labels ADD PRIMARY KEY (tenant_id, tx_id, source, labeled_at)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
