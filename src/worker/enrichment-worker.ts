import type { Kysely } from 'kysely';
import type { Registry } from 'prom-client';
import type { Database } from '../platform/database-schema.js';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import type { EnrichmentProvider } from '../enrichment/analysis/analysis.js';
import { createProvider } from '../enrichment/create-provider.js';
import { DocumentFetcher } from '../enrichment/document-fetcher.js';
import { registerEnrichmentMetrics, type EnrichmentMetrics } from '../enrichment/enrichment-metrics.js';
import { runEnrichmentJob } from '../enrichment/enrichment-job.js';
import { kycEnrichmentKind, sanctionsRescreenKind } from '../contract/jobs.js';
import { expireTexts } from '../enrichment/enrichment.repository.js';
import { KycLookup } from '../enrichment/kyc-lookup.js';
import { KycPartyIndex } from '../enrichment/kyc-party-index.js';
import { ScreeningLists } from '../enrichment/screening/screening-lists.js';
import { listGeneration } from '../enrichment/screening/sanctions.repository.js';
import { queueRescreenJobs, rescreenStale } from '../enrichment/rescreen.js';
import { writeEnrichmentReady } from '../webhooks/webhook-outbox.js';
import { JobRunner } from '../jobs/job-runner.js';
import { LoopLoad } from './loop-load.js';
import { registerJobMetrics, type JobMetrics } from '../jobs/job-metrics.js';
import { compactJobCounts, pruneDoneJobs } from '../jobs/job.repository.js';
import { maintainDecisionPartitions } from '../scoring/decision-partitions.js';
import { maintainAuditPartitions } from '../audit/audit-retention.js';
import { loadAuditSigner, type AuditSigner } from '../audit/audit-signing-key.js';

/** The enrichment services of a process (server or worker). */
export interface EnrichmentServices {
  readonly provider: EnrichmentProvider;
  /** The imported lists in memory, shared by the provider and the re-screen jobs. */
  readonly lists: ScreeningLists;
  readonly lookup: KycLookup;
  readonly documents: DocumentFetcher;
  readonly metrics: EnrichmentMetrics;
  readonly jobMetrics: JobMetrics;
}

/** Builds the provider, the cache lookup, the document fetcher and the metrics. */
export function createEnrichmentServices(config: Config, db: Kysely<Database>, registry: Registry): EnrichmentServices {
  const settings = config.enrichment;
  const metrics = registerEnrichmentMetrics(registry);
  const lists = new ScreeningLists(db);
  return {
    provider: createProvider(settings, { db, lists, metrics }),
    lists,
    // Embedded, this process is the only writer of kyc_refs (the data folder's lock): an in-memory
    // index of the entities with documents spares scores of the others the enrichment query.
    lookup: new KycLookup(db, config.databaseUrl === undefined ? new KycPartyIndex(db) : undefined),
    documents: new DocumentFetcher({ allowedBuckets: config.kycDocumentBuckets, ...settings.documentStore, timeoutMs: settings.worker.attemptTimeoutMs }),
    metrics,
    jobMetrics: registerJobMetrics(registry, db),
  };
}

/** Retention sweeps (KYC texts, done jobs, decision and audit partitions) run this often (and once at start). */
const sweepIntervalMs = 10 * 60_000;

/**
 * A job runner with the enrichment and re-screen handlers, plus the re-screen sweep, the retention sweep of KYC texts, done jobs, and decision and
 * audit partitions (created ahead, dropped past `SENTRA_DECISION_RETENTION_MONTHS` and
 * `SENTRA_AUDIT_RETENTION_MONTHS`); started at once. The
 * server runs one in-process (SENTRA_WORKER=in-process), yielding to scoring when its event loop
 * is busy; `sentra worker` runs one per process.
 */
export function startEnrichmentWorker(
  config: Config,
  parts: { db: Kysely<Database>; clock: Clock; logger: Logger; services: EnrichmentServices; yieldToScoring?: boolean },
): { runner: JobRunner; stop(): Promise<void> } {
  const { db, clock, logger, services } = parts;
  const settings = config.enrichment;
  const loopLoad = parts.yieldToScoring === true && settings.worker.yieldPercent < 100 ? new LoopLoad() : undefined;
  const runner = new JobRunner({
    db,
    clock,
    logger,
    metrics: services.jobMetrics,
    concurrency: settings.worker.concurrency,
    pollIntervalMs: settings.worker.pollIntervalMs,
    attemptTimeoutMs: settings.worker.attemptTimeoutMs,
    maxAttempts: settings.worker.maxAttempts,
    backoff: settings.worker.backoff,
    ...(loopLoad === undefined ? {} : { shouldYield: () => loopLoad.utilization() * 100 > settings.worker.yieldPercent }),
    handlers: {
      [kycEnrichmentKind]: (job, signal) =>
        runEnrichmentJob(
          {
            db,
            clock,
            provider: services.provider,
            documents: services.documents,
            metrics: services.metrics,
            lists: services.lists,
            textRetentionDays: settings.textRetentionDays,
            // A live merchant's payment: its enrichment.ready webhooks commit with the result.
            onReady: async (trx, event) => void (await writeEnrichmentReady(trx, event)),
          },
          job,
          signal,
        ),
      // Stored results screened against older lists: re-screened from their stored facts, in batches.
      [sanctionsRescreenKind]: async (job, signal) =>
        void (await rescreenStale(db, services.lists, { tenantId: job.tenantId, at: () => new Date(clock.now()), signal })),
    },
  });
  let auditSigner: AuditSigner | undefined;
  const signer = () => (auditSigner ??= loadAuditSigner(config.audit.keyFile));
  const sweep = () => {
    if (settings.textRetentionDays > 0) {
      expireTexts(db, new Date(clock.now() - settings.textRetentionDays * 86_400_000)).then(
        (count) => {
          if (count > 0) logger.info({ count }, 'KYC text retention: stored texts deleted');
        },
        (error: unknown) => logger.warn({ err: error }, 'KYC text retention sweep failed'),
      );
    }
    // Stale results without a re-screen job (stored before migration 0044, or by an analysis that
    // raced an import's re-screen) get one.
    listGeneration(db)
      .then((generation) => queueRescreenJobs(db, generation, new Date(clock.now())))
      .then(
        (tenants) => {
          if (tenants > 0) logger.info({ tenants }, 'sanctions re-screen queued for stale enrichment results');
        },
        (error: unknown) => logger.warn({ err: error }, 'sanctions re-screen sweep failed'),
      );
    // Done jobs past their retention go; then the job counts are folded and their table vacuumed.
    pruneDoneJobs(db, new Date(clock.now() - settings.worker.doneRetentionDays * 86_400_000))
      .then(async (count) => {
        if (count > 0) logger.info({ count }, 'job retention: done jobs deleted');
        await compactJobCounts(db);
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'job retention sweep failed'));
    // Decision partitions: the coming months are created ahead; months past the retention are dropped.
    maintainDecisionPartitions(db, new Date(clock.now()), config.decisionRetentionMonths).then(
      ({ created, dropped, deletedFromDefault }) => {
        if (created.length > 0 || dropped.length > 0 || deletedFromDefault > 0) logger.info({ created, dropped, deletedFromDefault }, 'decision partitions maintained');
      },
      (error: unknown) => logger.warn({ err: error }, 'decision partition sweep failed'),
    );
    // Audit partitions likewise, by the audit log's own retention; a dropped month leaves signed anchors.
    maintainAuditPartitions(db, signer, new Date(clock.now()), config.auditRetentionMonths).then(
      ({ created, dropped, anchors }) => {
        if (created.length > 0 || dropped.length > 0) logger.info({ created, dropped, anchors }, 'audit partitions maintained');
      },
      (error: unknown) => logger.warn({ err: error }, 'audit partition sweep failed'),
    );
  };
  sweep();
  const timer = setInterval(sweep, sweepIntervalMs);
  timer.unref();
  runner.start();
  return {
    runner,
    async stop() {
      clearInterval(timer);
      await runner.stop();
    },
  };
}
