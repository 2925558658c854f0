import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database-schema.js';
import type { SanctionEntry } from './sanctions-csv.js';

/** Rows written or deleted per statement. */
const chunk = 500;

/** Inserts or replaces list entries by id, in chunks. */
export async function upsertSanctionEntries(db: Kysely<Database>, entries: readonly SanctionEntry[], at: Date): Promise<void> {
  for (let start = 0; start < entries.length; start += chunk) {
    const rows = entries.slice(start, start + chunk).map((entry) => ({
      id: entry.id,
      schema: entry.schema,
      name: entry.name,
      aliases: JSON.stringify(entry.aliases),
      birth_date: entry.birthDate ?? null,
      countries: JSON.stringify(entry.countries),
      sanctions: entry.sanctions,
      dataset: entry.dataset,
      imported_at: at,
    }));
    await db
      .insertInto('sanction_entries')
      .values(rows)
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({
          schema: eb.ref('excluded.schema'),
          name: eb.ref('excluded.name'),
          aliases: eb.ref('excluded.aliases'),
          birth_date: eb.ref('excluded.birth_date'),
          countries: eb.ref('excluded.countries'),
          sanctions: eb.ref('excluded.sanctions'),
          dataset: eb.ref('excluded.dataset'),
          imported_at: eb.ref('excluded.imported_at'),
        })),
      )
      .execute();
  }
}

/** Deletes list entries by id, in chunks. */
export async function deleteSanctionEntries(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  for (let start = 0; start < ids.length; start += chunk) {
    await db.deleteFrom('sanction_entries').where('id', 'in', ids.slice(start, start + chunk)).execute();
  }
}

/** The lists' generation: bumped by every import that changed an entry (0 before the first). */
export async function listGeneration(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('screening_lists').select('generation').where('id', '=', 1).executeTakeFirst();
  return row?.generation ?? 0;
}

/** Sets the lists' generation (inside the import's transaction, which holds the row's lock). */
export async function setListGeneration(db: Kysely<Database>, generation: number, at: Date): Promise<void> {
  await db.updateTable('screening_lists').set({ generation, changed_at: at }).where('id', '=', 1).execute();
}

/** Every stored list entry. */
export async function loadSanctionEntries(db: Kysely<Database>): Promise<SanctionEntry[]> {
  const rows = await db.selectFrom('sanction_entries').selectAll().orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    schema: row.schema,
    name: row.name,
    aliases: row.aliases,
    birthDate: row.birth_date ?? undefined,
    countries: row.countries,
    sanctions: row.sanctions,
    dataset: row.dataset,
  }));
}
