import { sql, type Kysely } from 'kysely';
import type { Database } from './database-schema.js';
import type { Logger } from './logger.js';
import { checkpointIfDue, type CheckpointPass, type CheckpointRule } from './embedded-checkpoint.js';

/**
 * PostgreSQL's autovacuum defaults, which decide when a table is vacuumed or analyzed: dead tuples
 * past `50 + 0.2 × rows`, tuples inserted since the last vacuum past `1000 + 0.2 × rows` (so
 * append-only tables get their visibility map set and their rows frozen), tuples changed since the
 * last analyze past `50 + 0.1 × rows`, and a transaction-id age past 200 million (a vacuum that
 * freezes old rows, before the cluster nears wraparound).
 */
export const autovacuumRule = Object.freeze({
  vacuumThreshold: 50,
  vacuumScaleFactor: 0.2,
  insertThreshold: 1000,
  insertScaleFactor: 0.2,
  analyzeThreshold: 50,
  analyzeScaleFactor: 0.1,
  freezeMaxAge: 200_000_000,
});

/** What a table needs now, from the statistics PostgreSQL keeps about it. */
export interface TableNeed {
  readonly table: string;
  /** Rows as the planner knows them (`pg_class.reltuples`, 0 before the first vacuum or analyze). */
  readonly rows: number;
  readonly deadTuples: number;
  readonly insertedSinceVacuum: number;
  readonly modifiedSinceAnalyze: number;
  readonly xidAge: number;
  readonly vacuum: boolean;
  readonly analyze: boolean;
  /** How far past its threshold the table is; the most urgent table goes first. */
  readonly urgency: number;
  /**
   * The vacuum is asked only by the insert rule (no dead tuples or transaction age past theirs):
   * such a vacuum only marks appended rows all-visible and frozen, and can wait for a quiet moment
   * (see {@link deferredWhileBusy}).
   */
  readonly insertOnly: boolean;
}

/** One maintenance pass on one table. */
export interface VacuumPass {
  readonly table: string;
  readonly operation: 'vacuum' | 'vacuum+analyze' | 'analyze';
  /** Time in VACUUM and ANALYZE together. */
  readonly seconds: number;
  /** The longest single statement: how long other queries waited at most. */
  readonly pauseSeconds: number;
  readonly deadTuples: number;
}

/**
 * What a pass reports to (`sentra_db_vacuum_runs_total{table}`, `sentra_db_vacuum_seconds_total`,
 * `sentra_db_checkpoints_total`, `sentra_db_checkpoint_seconds_total`).
 */
export interface VacuumMetrics {
  recordPass(pass: VacuumPass): void;
  recordCheckpoint(checkpoint: CheckpointPass): void;
}

/** Longest an insert-only vacuum of a table waits for a quiet moment while the API keeps the database busy. */
export const insertOnlyDeferralMs = 10 * 60_000;

/**
 * What a need comes to while the API keeps the database busy and its insert-only vacuum has waited
 * `waitedMs`: it waits (its analyze, if any, still runs) until {@link insertOnlyDeferralMs}; every
 * other need is kept as it is. Undefined when nothing is left to do now.
 */
export function deferredWhileBusy(need: TableNeed, waitedMs: number): TableNeed | undefined {
  if (!need.insertOnly || waitedMs >= insertOnlyDeferralMs) return need;
  return need.analyze ? { ...need, vacuum: false, insertOnly: false } : undefined;
}

/**
 * The tables of the current schema that need a vacuum or an analyze by autovacuum's rule, the most
 * urgent first. Only tables with storage: a partitioned table's months are tables of their own, and
 * VACUUM or ANALYZE of the parent would walk every month at once (as autovacuum, the sweep leaves
 * parents alone). The statistics are flushed first: a single-user PostgreSQL (PGlite) otherwise
 * reports its counters up to a whole burst of statements late.
 */
export async function tablesNeedingMaintenance(db: Kysely<Database>): Promise<TableNeed[]> {
  await sql`SELECT pg_stat_force_next_flush()`.execute(db);
  const result = await sql<{
    table: string;
    rows: number | string;
    dead: number | string;
    inserted: number | string;
    modified: number | string;
    xid_age: number | string;
  }>`
    SELECT s.relname AS table, greatest(c.reltuples, 0) AS rows, s.n_dead_tup AS dead, s.n_ins_since_vacuum AS inserted,
           s.n_mod_since_analyze AS modified, age(c.relfrozenxid) AS xid_age
      FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
     WHERE s.schemaname = current_schema() AND c.relkind = 'r'`.execute(db);
  const rule = autovacuumRule;
  const needs: TableNeed[] = [];
  for (const row of result.rows) {
    const rows = Number(row.rows);
    const deadTuples = Number(row.dead);
    const insertedSinceVacuum = Number(row.inserted);
    const modifiedSinceAnalyze = Number(row.modified);
    const xidAge = Number(row.xid_age);
    const ratios = {
      dead: deadTuples / (rule.vacuumThreshold + rule.vacuumScaleFactor * rows),
      inserted: insertedSinceVacuum / (rule.insertThreshold + rule.insertScaleFactor * rows),
      modified: modifiedSinceAnalyze / (rule.analyzeThreshold + rule.analyzeScaleFactor * rows),
      // Wraparound protection goes before anything else.
      age: (xidAge / rule.freezeMaxAge) * 1000,
    };
    const vacuum = ratios.dead > 1 || ratios.inserted > 1 || ratios.age > 1000;
    const analyze = ratios.modified > 1;
    if (!vacuum && !analyze) continue;
    needs.push({
      table: row.table,
      rows,
      deadTuples,
      insertedSinceVacuum,
      modifiedSinceAnalyze,
      xidAge,
      vacuum,
      analyze,
      urgency: Math.max(ratios.dead, ratios.inserted, ratios.modified, ratios.age > 1000 ? ratios.age : 0),
      insertOnly: vacuum && !(ratios.dead > 1) && !(ratios.age > 1000),
    });
  }
  return needs.sort((a, b) => b.urgency - a.urgency || a.table.localeCompare(b.table));
}

/**
 * Vacuums and/or analyzes one table as its need says; returns the pass. A table that needs both
 * gets VACUUM, then ANALYZE as a statement of its own rather than `VACUUM (ANALYZE)`: the queries
 * that queued behind the VACUUM run in between, so they wait for the longer of the two, not both.
 */
export async function maintainTable(db: Kysely<Database>, need: TableNeed): Promise<VacuumPass> {
  const table = sql.id(need.table);
  const operation = need.vacuum ? (need.analyze ? 'vacuum+analyze' : 'vacuum') : 'analyze';
  let seconds = 0;
  let pauseSeconds = 0;
  const timed = async (statement: ReturnType<typeof sql>) => {
    const started = performance.now();
    await statement.execute(db);
    const took = (performance.now() - started) / 1000;
    seconds += took;
    pauseSeconds = Math.max(pauseSeconds, took);
  };
  if (need.vacuum) await timed(sql`VACUUM ${table}`);
  if (need.analyze) await timed(sql`ANALYZE ${table}`);
  return { table: need.table, operation, seconds, pauseSeconds, deadTuples: need.deadTuples };
}

/** Pause before the next table when more than one needs maintenance (decisions run in between). */
const catchUpMs = 1000;

/** Between two reads of the WAL written since the last checkpoint (the checkpoint rule), at most. */
const checkpointPollMs = 5000;

/**
 * The embedded database's maintenance sweep. PGlite is PostgreSQL in single-user mode: no
 * autovacuum launcher, so without this nothing ever reclaims dead tuples (job rows done and
 * pruned, upserted entities, the audit heads and merchant balances updated on every commit) or
 * refreshes the planner's statistics. Every interval it picks the one table that needs it most by
 * autovacuum's rule and runs VACUUM and/or ANALYZE on it; while more tables wait, the next one
 * follows a second later. A table is maintained at most once an interval, as autovacuum visits a
 * table once a naptime. The database's single thread runs nothing else during a statement, so every
 * other query (decisions included) waits for it: one table per pass, and VACUUM and ANALYZE
 * as separate statements, keep that wait to one statement on one table. While the API keeps the
 * database busy, vacuums asked only by the insert rule (a VACUUM of a large appended table, hundreds
 * of ms in which every decision waits) wait for a quiet moment, at most {@link insertOnlyDeferralMs}.
 * Each pass, and a tick every {@link checkpointPollMs} between passes, takes a checkpoint when one
 * is due (embedded-checkpoint.ts: a single-user PostgreSQL takes none by itself). PostgreSQL servers
 * run their own autovacuum and checkpointer: not used there.
 */
export class EmbeddedVacuum {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  /** Since when each table's insert-only vacuum has been waiting. */
  private readonly waitingSince = new Map<string, number>();
  /** When the next table pass is due (performance.now() ms); between, ticks only read the checkpoint rule. */
  private sweepAt = 0;
  /** When each table was last vacuumed or analyzed: at most once an interval, as autovacuum's naptime. */
  private readonly maintainedAt = new Map<string, number>();
  private stopped = false;

  constructor(
    private readonly options: {
      db: Kysely<Database>;
      logger: Logger;
      /** Between passes; 0 turns the sweep off. */
      intervalMs: number;
      metrics: VacuumMetrics;
      /** True while the API keeps the database busy: insert-only vacuums then wait (see deferredWhileBusy). */
      foregroundActive?: () => boolean;
      /** Clock of the deferral, in ms (default Date.now). */
      now?: () => number;
      /** When a pass takes a checkpoint first (none when absent). */
      checkpoint?: CheckpointRule;
    },
  ) {}

  /** Schedules the first pass one interval from now. */
  start(): void {
    if (this.options.intervalMs <= 0 || this.timer !== undefined || this.stopped) return;
    this.sweepAt = performance.now() + this.options.intervalMs;
    this.schedule(this.options.intervalMs);
  }

  /**
   * Takes a checkpoint if one is due, then maintains the most urgent table, if any; resolves to the
   * checkpoint and the pass (each undefined when none was needed) and whether more tables are waiting.
   */
  async runOnce(): Promise<{ pass: VacuumPass | undefined; more: boolean; checkpoint: CheckpointPass | undefined }> {
    const checkpoint = await this.checkpointWhenDue();
    const all = await tablesNeedingMaintenance(this.options.db);
    const busy = this.options.foregroundActive?.() === true;
    const now = (this.options.now ?? Date.now)();
    // A wait starts when a table first asks for an insert-only vacuum, and ends when it no longer does.
    for (const table of this.waitingSince.keys()) if (!all.some((need) => need.insertOnly && need.table === table)) this.waitingSince.delete(table);
    for (const need of all) if (need.insertOnly && !this.waitingSince.has(need.table)) this.waitingSince.set(need.table, now);
    // A table churned on every commit (the audit heads, the entities) is due again a second after its
    // pass; it waits for the next interval, so the catch-up passes end once each table had its turn.
    const rested = all.filter((need) => now - (this.maintainedAt.get(need.table) ?? Number.NEGATIVE_INFINITY) >= this.options.intervalMs);
    const needs = busy ? rested.flatMap((need) => deferredWhileBusy(need, now - (this.waitingSince.get(need.table) ?? now)) ?? []) : rested;
    const need = needs[0];
    if (need === undefined) return { pass: undefined, more: false, checkpoint };
    const pass = await maintainTable(this.options.db, need);
    this.maintainedAt.set(need.table, now);
    if (need.vacuum) this.waitingSince.delete(need.table);
    this.options.metrics.recordPass(pass);
    this.options.logger.info(
      {
        table: pass.table,
        operation: pass.operation,
        durationMs: Math.round(pass.seconds * 10_000) / 10,
        pauseMs: Math.round(pass.pauseSeconds * 10_000) / 10,
        deadTuples: need.deadTuples,
        insertedSinceVacuum: need.insertedSinceVacuum,
        modifiedSinceAnalyze: need.modifiedSinceAnalyze,
        rows: need.rows,
      },
      'embedded database maintenance pass',
    );
    return { pass, more: needs.length > 1, checkpoint };
  }

  /** Takes a checkpoint when the rule says one is due; counted and logged. */
  private async checkpointWhenDue(): Promise<CheckpointPass | undefined> {
    const checkpoint = this.options.checkpoint === undefined ? undefined : await checkpointIfDue(this.options.db, this.options.checkpoint);
    if (checkpoint !== undefined) {
      this.options.metrics.recordCheckpoint(checkpoint);
      this.options.logger.info(
        { walMb: Math.round(checkpoint.walBytes / 1e5) / 10, durationMs: Math.round(checkpoint.seconds * 10_000) / 10 },
        'embedded database checkpoint',
      );
    }
    return checkpoint;
  }

  /** Stops scheduling and waits for a pass in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /**
   * The next tick in `delayMs`: a pass when the sweep is due (one interval after the last, or a second
   * after one that left tables waiting), else only the checkpoint rule. The WAL is read every
   * {@link checkpointPollMs} at most, so a checkpoint follows its threshold within seconds even when
   * no table needs a pass for the whole interval.
   */
  private schedule(delayMs: number): void {
    const tick = this.options.checkpoint === undefined ? delayMs : Math.min(delayMs, checkpointPollMs);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const now = performance.now();
      const sweep = now >= this.sweepAt;
      // Resolves to the delay before the next sweep when this tick swept, else undefined.
      const work: Promise<number | undefined> = sweep
        ? this.runOnce().then(({ more }) => (more ? Math.min(catchUpMs, this.options.intervalMs) : this.options.intervalMs))
        : this.checkpointWhenDue().then(() => undefined);
      const pass = work.catch((error: unknown) => {
        this.options.logger.warn({ err: error }, 'embedded database maintenance pass failed; the next interval retries');
        return sweep ? this.options.intervalMs : undefined;
      });
      this.running = pass.then(
        (next) => {
          if (next !== undefined) this.sweepAt = performance.now() + next;
          if (!this.stopped) this.schedule(Math.max(0, this.sweepAt - performance.now()));
        },
        () => undefined,
      );
    }, tick);
    this.timer.unref();
  }
}
