import { Counter, type Registry } from 'prom-client';
import type { DatabaseHandle } from '../platform/database.js';

/**
 * The embedded database's flushes to stable storage (`sentra_db_fsyncs_total` and their time), read
 * at scrape time from counters its worker thread keeps. Absent with PostgreSQL (its own statistics
 * show them) and when fsync is off. About one flush per group commit is expected under load.
 */
export function registerDatabaseMetrics(registry: Registry, database: Pick<DatabaseHandle, 'fsyncs'>): void {
  if (database.fsyncs() === undefined) return;
  new Counter({
    name: 'sentra_db_fsyncs_total',
    help: 'fsync calls the embedded database made (WAL at each commit, data files at checkpoints)',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(database.fsyncs()?.calls ?? 0);
    },
  });
  new Counter({
    name: 'sentra_db_fsync_seconds_total',
    help: 'Time the embedded database spent in fsync calls',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(database.fsyncs()?.seconds ?? 0);
    },
  });
}
