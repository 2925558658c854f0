import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database-schema.js';
import { listGeneration, loadSanctionEntries } from './sanctions.repository.js';
import { ScreeningIndex } from './screening-index.js';

/**
 * The imported lists as an in-memory index, loaded again when a caller asks for a later generation
 * than the one in memory. Callers read the generation from the store first (with the rows they
 * screen), so what they screen is never older than the lists they were given, and
 * `sentra lists import-sanctions` takes effect in running workers with their next job.
 */
export class ScreeningLists {
  private index: ScreeningIndex | undefined;
  private loading: Promise<ScreeningIndex> | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  /** The lists at `generation` or a later one. */
  async atLeast(generation: number): Promise<ScreeningIndex> {
    // Twice at most: a load already running may have read the generation before the import committed.
    for (let attempt = 0; attempt < 2; attempt++) {
      if (this.index !== undefined && this.index.generation >= generation) return this.index;
      this.loading ??= this.load().finally(() => {
        this.loading = undefined;
      });
      await this.loading;
    }
    return this.index!;
  }

  private async load(): Promise<ScreeningIndex> {
    // The generation is read before the entries: a concurrent import can only make the entries
    // newer than their label, so a result is at worst re-screened once more, never taken as current.
    const generation = await listGeneration(this.db);
    this.index = new ScreeningIndex(await loadSanctionEntries(this.db), generation);
    return this.index;
  }
}
