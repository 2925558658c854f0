import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { queueRescreenJobs } from './rescreen.js';
import type { SanctionEntry } from './screening/sanctions-csv.js';
import { deleteSanctionEntries, loadSanctionEntries, setListGeneration, upsertSanctionEntries } from './screening/sanctions.repository.js';

/** How an import treats stored entries the file does not list. */
export interface ListImportOptions {
  /** True: the file is the whole of each dataset it names, and their entries it no longer lists are removed (delisted). */
  readonly replace: boolean;
  readonly at: Date;
}

/** What an import changed. */
export interface ListImportOutcome {
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  readonly unchanged: number;
  /** The lists' generation after the import (bumped only when something changed). */
  readonly generation: number;
  /** Tenants whose stored results a re-screen job was queued for. */
  readonly tenantsQueued: number;
}

const sameEntry = (left: SanctionEntry, right: SanctionEntry) =>
  JSON.stringify([left.schema, left.name, left.aliases, left.birthDate ?? null, left.countries, left.sanctions, left.dataset]) ===
  JSON.stringify([right.schema, right.name, right.aliases, right.birthDate ?? null, right.countries, right.sanctions, right.dataset]);

/**
 * Imports a parsed sanctions/PEP list in one transaction: entries new or different from the stored
 * ones are written, and with `replace` the stored entries of the file's datasets that it no longer
 * lists are deleted. When anything changed, the lists' generation is bumped and a re-screen job is
 * queued for every tenant with stored results, in the same transaction: the new lists and the duty
 * to re-screen commit together. The same file imported again writes nothing.
 */
export async function importSanctionList(db: Kysely<Database>, entries: readonly SanctionEntry[], options: ListImportOptions): Promise<ListImportOutcome> {
  return db.transaction().execute(async (trx) => {
    // The state row's lock makes concurrent imports take turns: each diffs against the other's result.
    const state = await trx.selectFrom('screening_lists').select('generation').where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
    const stored = new Map((await loadSanctionEntries(trx)).map((entry) => [entry.id, entry]));
    const written = entries.filter((entry) => {
      const previous = stored.get(entry.id);
      return previous === undefined || !sameEntry(previous, entry);
    });
    const added = written.filter((entry) => !stored.has(entry.id)).length;
    const datasets = new Set(entries.map((entry) => entry.dataset));
    const listed = new Set(entries.map((entry) => entry.id));
    const removed = options.replace ? [...stored.values()].filter((entry) => datasets.has(entry.dataset) && !listed.has(entry.id)).map((entry) => entry.id) : [];
    const outcome = { added, updated: written.length - added, removed: removed.length, unchanged: entries.length - written.length };
    if (written.length === 0 && removed.length === 0) return { ...outcome, generation: state.generation, tenantsQueued: 0 };
    await upsertSanctionEntries(trx, written, options.at);
    await deleteSanctionEntries(trx, removed);
    const generation = state.generation + 1;
    await setListGeneration(trx, generation, options.at);
    return { ...outcome, generation, tenantsQueued: await queueRescreenJobs(trx, generation, options.at) };
  });
}
