import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database-schema.js';
import type { SanctionEntry } from './sanctions-csv.js';

/** Inserts or replaces list entries by id, in chunks; returns how many were written. */
export async function upsertSanctionEntries(db: Kysely<Database>, entries: readonly SanctionEntry[], at: Date): Promise<number> {
  const chunk = 500;
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
  return entries.length;
}

/** A fingerprint of the stored lists (count and last import), to know when a loaded copy is stale. */
export async function sanctionListVersion(db: Kysely<Database>): Promise<string> {
  const result = await sql<{ count: string | number; latest: Date | null }>`select count(*) as count, max(imported_at) as latest from sanction_entries`.execute(db);
  const row = result.rows[0];
  return `${Number(row?.count ?? 0)}:${row?.latest === null || row?.latest === undefined ? '' : new Date(row.latest).toISOString()}`;
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
