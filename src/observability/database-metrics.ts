import { Counter, type Registry } from 'prom-client';
import type { DatabaseHandle } from '../platform/database.js';
import type { VacuumMetrics } from '../platform/embedded-vacuum.js';

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

/**
 * The embedded database's maintenance passes (see platform/embedded-vacuum.ts): passes per table
 * (`sentra_db_vacuum_runs_total{table}`, VACUUM or ANALYZE) and the time the database spent in them
 * (`sentra_db_vacuum_seconds_total`), and its checkpoints (`sentra_db_checkpoints_total`,
 * `sentra_db_checkpoint_seconds_total`), during all of which it answered nothing else. Embedded only.
 */
export function registerVacuumMetrics(registry: Registry): VacuumMetrics {
  const runs = new Counter({
    name: 'sentra_db_vacuum_runs_total',
    help: 'Maintenance passes (VACUUM, VACUUM ANALYZE or ANALYZE) the embedded database ran, per table',
    labelNames: ['table'],
    registers: [registry],
  });
  const seconds = new Counter({
    name: 'sentra_db_vacuum_seconds_total',
    help: 'Time the embedded database spent in maintenance passes (other queries wait meanwhile)',
    registers: [registry],
  });
  const checkpoints = new Counter({
    name: 'sentra_db_checkpoints_total',
    help: 'Checkpoints the embedded database took (its maintenance pass takes them; a single-user PostgreSQL takes none by itself)',
    registers: [registry],
  });
  const checkpointSeconds = new Counter({
    name: 'sentra_db_checkpoint_seconds_total',
    help: 'Time the embedded database spent in checkpoints (other queries wait meanwhile)',
    registers: [registry],
  });
  return {
    recordPass(pass) {
      runs.inc({ table: pass.table });
      seconds.inc(pass.seconds);
    },
    recordCheckpoint(checkpoint) {
      checkpoints.inc();
      checkpointSeconds.inc(checkpoint.seconds);
    },
  };
}
