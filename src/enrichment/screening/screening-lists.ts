import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database-schema.js';
import { loadSanctionEntries, sanctionListVersion } from './sanctions.repository.js';
import { ScreeningIndex } from './screening-index.js';

/**
 * The imported lists as an in-memory index, rebuilt when an import changed them (checked with one
 * cheap query at most every `checkIntervalMs`), so `sentra lists import-sanctions` takes effect in
 * running workers without a restart.
 */
export class ScreeningLists {
  private index: ScreeningIndex | undefined;
  private version = '';
  private checkedAt = -Infinity;
  private loading: Promise<ScreeningIndex> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly checkIntervalMs = 10_000,
  ) {}

  /** The current index. */
  current(): Promise<ScreeningIndex> {
    if (this.index !== undefined && performance.now() - this.checkedAt < this.checkIntervalMs) return Promise.resolve(this.index);
    this.loading ??= this.refresh().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async refresh(): Promise<ScreeningIndex> {
    const version = await sanctionListVersion(this.db);
    if (this.index === undefined || version !== this.version) {
      this.index = new ScreeningIndex(await loadSanctionEntries(this.db));
      this.version = version;
    }
    this.checkedAt = performance.now();
    return this.index;
  }
}
