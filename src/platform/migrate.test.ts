import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from './database.js';
import { migrateToLatest, migrationNames } from './migrate.js';

describe('migrateToLatest', () => {
  let database: DatabaseHandle | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await database?.close();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies a migration that is missing below the newest applied one (domains land out of order)', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sentra-migrate-'));
    database = await openDatabase({ databaseUrl: undefined, dataDir, timeoutMs: 5_000, inMemory: true });
    await migrateToLatest(database.db as never);
    // Forget the decision writer as if it had landed after every other migration was applied.
    await sql`delete from sentra_migrations where name = '0002-decision-writer'`.execute(database.db);
    await sql`drop function sentra_write_decisions(jsonb)`.execute(database.db);
    const results = await migrateToLatest(database.db as never);
    expect(results.map((result) => [result.migrationName, result.status])).toEqual([['0002-decision-writer', 'Success']]);
    const applied = await sql<{ name: string }>`select name from sentra_migrations order by name`.execute(database.db);
    expect(applied.rows.map((row) => row.name)).toEqual(migrationNames());
    expect(await migrateToLatest(database.db as never)).toEqual([]);
  });
});
