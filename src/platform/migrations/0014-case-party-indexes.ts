import { sql, type Kysely } from 'kysely';

/**
 * The queue filtered by a party (receiver, sender, merchant) read every case of the tenant: with
 * 100,000 cases such a view took about 100 ms at p50 (bench/case-list.ts). One index per party,
 * ordered like the default view, makes it an index range read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE INDEX cases_by_receiver ON cases (tenant_id, receiver_entity_id, priority DESC, id DESC)`,
    `CREATE INDEX cases_by_sender ON cases (tenant_id, sender_entity_id, priority DESC, id DESC)`,
    `CREATE INDEX cases_by_merchant ON cases (tenant_id, merchant_id, priority DESC, id DESC)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
