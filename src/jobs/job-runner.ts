import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import { SentraError } from '../errors/errors.js';
import { backoffDelayMs, type BackoffPolicy } from './backoff.js';
import { analyzeJobs, claimJobs, finishAttempt, type ClaimedJob } from './job.repository.js';
import type { JobMetrics } from './job-metrics.js';

/**
 * Runs one attempt of a job. Throwing fails the attempt (retried with backoff); a
 * {@link PermanentJobError} or a SentraError whose code is not retryable (a refused URL, a missing
 * document) dead-letters the job at once.
 */
export type JobHandler = (job: ClaimedJob, signal: AbortSignal) => Promise<void>;

/** A failure no retry can fix (a refused bucket, a document that cannot be read): the job goes straight to `dead`. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/** How a runner takes and runs jobs. */
export interface JobRunnerOptions {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: JobMetrics;
  /** The handler of each job kind this runner takes; other kinds are left to other runners. */
  readonly handlers: Readonly<Record<string, JobHandler>>;
  /** Jobs run at the same time by this runner. */
  readonly concurrency: number;
  /** Wait between polls when the queue is empty, in ms. */
  readonly pollIntervalMs: number;
  /** Longest duration of one attempt, in ms; the attempt is aborted and fails after it. */
  readonly attemptTimeoutMs: number;
  /** Attempts before a job is dead-lettered. */
  readonly maxAttempts: number;
  readonly backoff: BackoffPolicy;
  /** Lease owner name (default host:pid:random); must differ between runners. */
  readonly owner?: string;
  /**
   * True while the process has more urgent work (the in-process runner of a server that is
   * scoring): the runner then runs one job at a time with a pause (the poll interval, at least 250 ms) between jobs.
   */
  readonly shouldYield?: () => boolean;
  /**
   * How long stop() lets running attempts finish before it aborts them (default the attempt timeout,
   * at most 5 s). An aborted attempt is recorded for another runner to take at once, and does not
   * count against the job's attempts.
   */
  readonly stopGraceMs?: number;
}

const message = (error: unknown) =>
  (error instanceof SentraError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error)).slice(0, 2000);

class AttemptTimeout extends Error {}
/** The runner stopped while the attempt ran: it is taken again, by this process after a restart or by another. */
class AttemptInterrupted extends Error {}

/** The longest default grace stop() gives running attempts. */
const maxStopGraceMs = 5_000;

/** Shortest wait between two jobs of a yielding runner. */
const yieldPauseMs = 250;
/** A claim slower than this was planned on stale statistics (it sorted the whole queue). */
const slowClaimMs = 25;
/** Shortest time between two statistics refreshes. */
const analyzeEveryMs = 60_000;

/**
 * Takes due jobs from the `jobs` table and runs them, in this process, at most `concurrency` at a
 * time. Each claim is a lease of attemptTimeout + a margin: if this process dies, the job's lease
 * expires and any runner takes it again. The embedded server runs one of these in-process; scaled
 * deployments run `sentra worker` processes, as many as wanted, on any machine.
 */
export class JobRunner {
  readonly owner: string;
  /** Each running attempt (until its outcome is recorded) and its abort controller, for stop() to interrupt. */
  private readonly running = new Map<Promise<void>, AbortController>();
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  /** When the queue statistics were last refreshed (performance.now()). */
  private analyzedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: JobRunnerOptions) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  /** The lease a claim takes: the attempt timeout plus time to record the outcome. */
  get leaseMs(): number {
    return this.options.attemptTimeoutMs + Math.max(5_000, this.options.attemptTimeoutMs);
  }

  /** Starts polling in the background. */
  start(): void {
    if (this.loop !== undefined) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Polls now instead of at the next interval (a job was just queued). */
  nudge(): void {
    this.wake?.();
  }

  /**
   * Stops taking jobs and lets the running attempts end; those still running after the grace
   * (stopGraceMs) are aborted and recorded to run again at once. A hung provider or webhook
   * endpoint then holds a shutdown for the grace, not for the attempt timeout.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    const ended = Promise.allSettled([...this.running.keys()]);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.stopGraceMs ?? Math.min(maxStopGraceMs, this.options.attemptTimeoutMs))));
    await Promise.race([ended, grace]);
    clearTimeout(timer);
    for (const controller of this.running.values()) controller.abort(new AttemptInterrupted('interrupted: the job runner stopped while the attempt ran'));
    await ended;
  }

  /** Claims what is due (up to the free slots) and runs it to the end; returns how many jobs ran. For tests and one-shot use. */
  async runDue(): Promise<number> {
    const jobs = await this.claim(this.options.concurrency);
    await Promise.all(jobs.map((job) => this.launch(job)));
    return jobs.length;
  }

  /** Starts an attempt and tracks it until its outcome is recorded. */
  private launch(job: ClaimedJob): Promise<void> {
    const controller = new AbortController();
    const attempt: Promise<void> = this.attempt(job, controller).finally(() => {
      this.running.delete(attempt);
      this.wake?.();
    });
    this.running.set(attempt, controller);
    return attempt;
  }

  private async claim(limit: number): Promise<ClaimedJob[]> {
    // Timed once the connection is held: the wait for it (a busy pool, or the embedded store's
    // background budget) says nothing about the claim's plan.
    const { claimed, tookMs } = await this.options.db.connection().execute(async (connection) => {
      const started = performance.now();
      const jobs = await claimJobs(connection, {
        kinds: Object.keys(this.options.handlers),
        limit,
        now: new Date(this.options.clock.now()),
        leaseMs: this.leaseMs,
        owner: this.owner,
      });
      return { claimed: jobs, tookMs: performance.now() - started };
    });
    // A slow claim means stale planner statistics (embedded PGlite has no autovacuum): refresh them,
    // at most once a minute, so the next claims read the jobs_due_by_kind index instead of sorting the queue.
    if (tookMs > slowClaimMs && performance.now() - this.analyzedAt > analyzeEveryMs) void this.refreshStatistics();
    return claimed;
  }

  /** Refreshes the queue's planner statistics; a failure is logged and changes nothing else. */
  private async refreshStatistics(): Promise<void> {
    this.analyzedAt = performance.now();
    try {
      await analyzeJobs(this.options.db);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'job runner: could not refresh the queue statistics');
    }
  }

  private async run(): Promise<void> {
    // Fresh statistics before the first claim: planned on stale ones (a queue filled while no
    // runner ran), the first claims would each sort the whole queue.
    await this.refreshStatistics();
    while (!this.stopping) {
      const yielding = this.options.shouldYield?.() === true;
      const free = (yielding ? 1 : this.options.concurrency) - this.running.size;
      let claimed: ClaimedJob[] = [];
      if (free > 0) {
        try {
          claimed = await this.claim(free);
        } catch (error) {
          if (this.stopping) break;
          this.options.logger.warn({ err: error }, 'job runner: claim failed; retrying after the poll interval');
        }
      }
      for (const job of claimed) void this.launch(job);
      if (yielding) await this.pause(true);
      else if (claimed.length === 0 || this.running.size >= this.options.concurrency) await this.pause();
    }
  }

  /** Sleeps until the poll interval passes, a slot frees up, or someone nudges; a yielding runner sleeps the whole pause (stop still wakes it). */
  private pause(full = false): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, full ? Math.max(this.options.pollIntervalMs, yieldPauseMs) : this.options.pollIntervalMs);
      this.wake = full ? () => (this.stopping ? done() : undefined) : done;
    });
  }

  /** Runs one attempt and records its outcome. Never throws. */
  private async attempt(job: ClaimedJob, controller: AbortController): Promise<void> {
    const { options } = this;
    const now = () => new Date(options.clock.now());
    if (job.attempts > options.maxAttempts) {
      // The previous holder's lease expired on the last allowed attempt: the job keeps killing
      // or outliving workers, so it is not run again.
      await this.record(job, 'lost', { status: 'dead', now: now(), error: `lease expired on attempt ${job.attempts - 1} of ${options.maxAttempts} (worker died or overran)` });
      return;
    }
    const handler = options.handlers[job.kind];
    const startedAt = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      if (handler === undefined) throw new PermanentJobError(`no handler for job kind ${job.kind}`);
      // Ends the attempt when it is aborted: past its timeout, or by stop().
      const cut = new Promise<never>((_, reject) => {
        controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
        timer = setTimeout(() => controller.abort(new AttemptTimeout(`attempt ${job.attempts} timed out after ${options.attemptTimeoutMs} ms`)), options.attemptTimeoutMs);
      });
      await Promise.race([handler(job, controller.signal), cut]);
      options.metrics.attemptDuration.observe({ kind: job.kind }, (performance.now() - startedAt) / 1000);
      if (await this.record(job, 'done', { status: 'done', now: now() })) {
        options.metrics.latency.observe({ kind: job.kind }, Math.max(0, options.clock.now() - job.createdAt.getTime()) / 1000);
      }
    } catch (thrown) {
      options.metrics.attemptDuration.observe({ kind: job.kind }, (performance.now() - startedAt) / 1000);
      // A handler may end first with its own abort error: the abort's reason says why it ended.
      const error = controller.signal.aborted ? controller.signal.reason : thrown;
      if (error instanceof AttemptInterrupted) {
        await this.record(job, 'interrupted', { status: 'failed', now: now(), runAfter: now(), error: message(error), giveBackAttempt: true });
        return;
      }
      const permanent = error instanceof PermanentJobError || (error instanceof SentraError && !error.retryable);
      const outcome = error instanceof AttemptTimeout ? 'timeout' : permanent ? 'dead' : 'failed';
      if (permanent || job.attempts >= options.maxAttempts) {
        await this.record(job, outcome, { status: 'dead', now: now(), error: message(error) });
      } else {
        const runAfter = new Date(options.clock.now() + backoffDelayMs(options.backoff, job.attempts));
        await this.record(job, outcome, { status: 'failed', now: now(), runAfter, error: message(error) });
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** Writes an attempt's outcome; false when the lease was lost meanwhile (another runner owns the job now). */
  private async record(job: ClaimedJob, outcome: string, end: Parameters<typeof finishAttempt>[2]): Promise<boolean> {
    try {
      const kept = await finishAttempt(this.options.db, job, end);
      this.options.metrics.attempts.inc({ kind: job.kind, outcome: kept ? outcome : 'lost' });
      if (!kept) this.options.logger.warn({ jobId: job.id, attempt: job.attempts }, 'job runner: lease lost before the attempt ended; outcome ignored');
      return kept;
    } catch (error) {
      // The lease will expire and another attempt will run: the handlers are idempotent.
      this.options.logger.warn({ err: error, jobId: job.id }, 'job runner: could not record the attempt');
      return false;
    }
  }
}
