import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { RuleListsTable } from '../platform/tables/rule-store.table.js';

/** A stored list row. */
export type ListRow = Selectable<RuleListsTable>;

/** An entry ready to store (value normalized for its list's kind). */
export interface ListEntryRow {
  value: string;
  note: string | null;
  /** ISO-8601, or null for none. */
  expires_at: string | null;
}

/** Rows per statement when entries are written or deleted (one JSON document each). */
const chunkSize = 20_000;

/** The names of a tenant's lists. */
export async function listNames(db: Kysely<Database>, tenantId: string): Promise<string[]> {
  return (await db.selectFrom('rule_lists').select('name').where('tenant_id', '=', tenantId).execute()).map((row) => row.name);
}

/** A list, or undefined. */
export async function findList(db: Kysely<Database> | Transaction<Database>, tenantId: string, name: string): Promise<ListRow | undefined> {
  return db.selectFrom('rule_lists').selectAll().where('tenant_id', '=', tenantId).where('name', '=', name).executeTakeFirst();
}

/** Entries of a list not expired at `at`. */
export async function liveEntryCount(db: Kysely<Database>, tenantId: string, name: string, at: Date): Promise<number> {
  const row = await db
    .selectFrom('rule_list_entries')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('list_name', '=', name)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A page of live entries after a value, by value. */
export async function entryPage(db: Kysely<Database>, tenantId: string, name: string, at: Date, after: string | undefined, limit: number) {
  let query = db
    .selectFrom('rule_list_entries')
    .select(['value', 'note', 'expires_at', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('list_name', '=', name)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]));
  if (after !== undefined) query = query.where('value', '>', after);
  return query.orderBy('value').limit(limit).execute();
}

/** Every live entry of a list with its expiry (ms, Infinity for none): what a process holds in memory. */
export async function liveEntries(db: Kysely<Database>, tenantId: string, name: string, at: Date): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('rule_list_entries')
    .select(['value', 'expires_at'])
    .where('tenant_id', '=', tenantId)
    .where('list_name', '=', name)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
    // Earliest expiry first (entries that never expire last): the in-memory sweep reads them in this order.
    .orderBy('expires_at')
    .execute();
  const entries = new Map<string, number>();
  for (const row of rows) entries.set(row.value, row.expires_at === null ? Number.POSITIVE_INFINITY : new Date(row.expires_at).getTime());
  return entries;
}

/** Upserts entries (a value sent again takes the new note and expiry); answers how many were written. */
export async function upsertEntries(trx: Transaction<Database>, tenantId: string, name: string, entries: readonly ListEntryRow[], actor: string, at: Date): Promise<number> {
  let written = 0;
  for (let start = 0; start < entries.length; start += chunkSize) {
    const document = JSON.stringify(entries.slice(start, start + chunkSize));
    const result = await sql`
      insert into rule_list_entries (tenant_id, list_name, value, note, expires_at, created_by, created_at)
      select ${tenantId}, ${name}, e.value, e.note, e.expires_at, ${actor}, ${at}
        from jsonb_to_recordset(${document}::jsonb) as e(value text, note text, expires_at timestamptz)
      on conflict (tenant_id, list_name, value) do update set note = excluded.note, expires_at = excluded.expires_at`.execute(trx);
    written += Number(result.numAffectedRows ?? 0);
  }
  return written;
}

/** Deletes entries by value; answers how many existed. */
export async function deleteEntries(trx: Transaction<Database>, tenantId: string, name: string, values: readonly string[]): Promise<number> {
  let deleted = 0;
  for (let start = 0; start < values.length; start += chunkSize) {
    const result = await trx
      .deleteFrom('rule_list_entries')
      .where('tenant_id', '=', tenantId)
      .where('list_name', '=', name)
      .where('value', 'in', values.slice(start, start + chunkSize))
      .executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}

/** Moves a list's version by one (processes reload a list whose version moved). */
export async function bumpList(trx: Transaction<Database>, tenantId: string, name: string, at: Date): Promise<number> {
  const row = await trx
    .updateTable('rule_lists')
    .set({ version: sql<number>`version + 1`, updated_at: at })
    .where('tenant_id', '=', tenantId)
    .where('name', '=', name)
    .returning('version')
    .executeTakeFirstOrThrow();
  return Number(row.version);
}
