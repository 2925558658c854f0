import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { sharedRedis, type Config } from './platform/config.js';
import { systemClock, type Clock } from './platform/clock.js';
import { openDatabase, type DatabaseHandle } from './platform/database.js';
import { migrateToLatest } from './platform/migrate.js';
import { preparePartitions } from './scoring/prepare-partitions.js';
import { createLogger, type Logger } from './platform/logger.js';
import { GroupCommitter } from './platform/group-commit.js';
import { withDeadline } from './platform/store-errors.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { registerDatabaseMetrics, registerVacuumMetrics } from './observability/database-metrics.js';
import { registerProfileMetrics } from './observability/profile-metrics.js';
import { EmbeddedVacuum } from './platform/embedded-vacuum.js';
import { Authenticator } from './tenants/authenticator.js';
import { bootstrapInstall } from './tenants/bootstrap.js';
import { writeBootstrapTokenFile } from './tenants/bootstrap-token-file.js';
import { installationSecret } from './tenants/installation.js';
import { ThresholdService } from './scoring/threshold.service.js';
import { ScoringService } from './scoring/scoring.service.js';
import { persistDecisions } from './scoring/decision.repository.js';
import { FeatureLists } from './features/feature-lists.js';
import { ChainHeadCache } from './audit/chain-head-cache.js';
import type { DecisionWrite, DecisionWriteResult } from './scoring/decision-record.js';
import { ModelRegistry } from './registry/model-registry.js';
import { createArtifactStore } from './platform/artifacts/create-artifact-store.js';
import { openFeatureSource, type OnlineFeatureSource } from './scoring/online-features.js';
import { createServer } from './http/server.js';
import { registerOpenApi } from './http/openapi.js';
import { registerHealthRoutes } from './http/routes/health.routes.js';
import { registerMetricsRoutes } from './http/routes/metrics.routes.js';
import { registerScoreRoutes } from './http/routes/score.routes.js';
import { registerDecisionRoutes } from './http/routes/decisions.routes.js';
import { registerThresholdRoutes } from './http/routes/thresholds.routes.js';
import { registerThresholdPreviewRoutes } from './http/routes/threshold-preview.routes.js';
import { registerDashboardRoutes } from './http/routes/dashboard.routes.js';
import { registerSessionRoutes } from './http/routes/session.routes.js';
import { registerConsoleRoutes } from './http/routes/console.routes.js';
import { registerDecisionExplanationRoutes } from './http/routes/decision-explanation.routes.js';
import { DecisionExplainer } from './registry/decision-explainer.js';
import { registerTokenRoutes } from './http/routes/tokens.routes.js';
import { registerModelRoutes } from './http/routes/models.routes.js';
import { datasetUploadLimitBytes, registerDatasetRoutes } from './http/routes/datasets.routes.js';
import { registerTenantRoutes } from './http/routes/tenants.routes.js';
import { registerCaseRoutes } from './http/routes/cases.routes.js';
import { registerCaseActionRoutes } from './http/routes/case-actions.routes.js';
import { registerLabelRoutes } from './http/routes/labels.routes.js';
import { LabelService } from './labels/label.service.js';
import { productVersion } from './platform/version.js';
import { createEnrichmentServices, startEnrichmentWorker, type EnrichmentServices } from './worker/enrichment-worker.js';
import type { JobRunner } from './jobs/job-runner.js';
import { registerJobRoutes } from './http/routes/jobs.routes.js';
import { registerEnrichmentRoutes } from './http/routes/enrichment.routes.js';
import { registerAuditRoutes } from './http/routes/audit.routes.js';
import { AuditTrail } from './audit/audit-trail.js';
import { RuleRuntime } from './rule-store/rule-runtime.js';
import { RuleAdmin } from './rule-store/rule-admin.js';
import { ListAdmin } from './rule-store/list-admin.js';
import { createRuleEnvironment } from './rules/rule-environment.js';
import { registerRuleRoutes } from './http/routes/rules.routes.js';
import { registerListRoutes } from './http/routes/lists.routes.js';
import { RuleBacktestService } from './scoring/rule-backtest.service.js';
import { registerMerchantRoutes } from './http/routes/merchants.routes.js';
import { registerSentryRoutes } from './http/routes/sentry.routes.js';
import { registerEventRoutes } from './http/routes/events.routes.js';
import { registerPipelineRoutes } from './http/routes/pipeline.routes.js';
import { MerchantAuthenticator } from './merchants/merchant-authenticator.js';
import { MemoryKeyRateLimiter } from './platform/key-rate-limiter.js';
import { MerchantScoring } from './merchants/merchant-scoring.js';
import { refundOrphanCharges } from './merchants/billing.repository.js';
import { BalanceGate } from './merchants/balance-gate.js';
import { FeedSecretStore } from './feeds/feed-secrets.js';
import { openFeedSecretBox } from './feeds/secret-box.js';
import { insertInbox, type InboxOutcome, type InboxWrite } from './feeds/feed-inbox.repository.js';
import { FeedProcessor } from './feeds/feed-processor.js';
import { registerFeedMetrics } from './feeds/feed-metrics.js';
import { registerFeedRoutes } from './http/routes/feeds.routes.js';
import { registerFeedAdminRoutes } from './http/routes/feed-admin.routes.js';
import { registerShadowRoutes } from './http/routes/shadow.routes.js';
import { registerWebhookRoutes } from './http/routes/webhooks.routes.js';
import { startWebhookWorker } from './webhooks/webhook-worker.js';
import { writeCaseResolved } from './webhooks/webhook-outbox.js';

/** Test and embedding hooks; production passes none. */
export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  /** Keep the embedded database in memory (tests). */
  inMemoryDatabase?: boolean;
}

/** Every long-lived service of a running Sentra, wired once. */
export interface Runtime {
  readonly config: Config;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly database: DatabaseHandle;
  readonly metrics: Metrics;
  readonly authenticator: Authenticator;
  readonly thresholds: ThresholdService;
  readonly models: ModelRegistry;
  readonly features: OnlineFeatureSource;
  readonly writer: GroupCommitter<DecisionWrite, DecisionWriteResult>;
  readonly scoring: ScoringService;
  /** Compiled rules and in-memory lists per tenant, hot-swapped on change. */
  readonly rules: RuleRuntime;
  /** What the first start created; a generated admin token is only in `tokenFile`, never in memory or logs. */
  readonly bootstrap: {
    readonly created: boolean;
    readonly tenantId: string;
    readonly tokenFile: string | undefined;
    /** SENTRA_BOOTSTRAP_TOKEN was set for an existing installation and is none of its tokens: ignored. */
    readonly bootstrapTokenIgnored: boolean;
  };
  readonly enrichment: EnrichmentServices;
  /** Verification, signed exports and checkpoints of the audit chain. */
  readonly audit: AuditTrail;
  /** The in-process job runner (SENTRA_WORKER=in-process), stopped on close. */
  readonly worker: { readonly runner: JobRunner; stop(): Promise<void> } | undefined;
}

/** A built app: the HTTP server (not yet listening) and the runtime behind it. */
export interface SentraApp {
  readonly app: FastifyInstance;
  readonly runtime: Runtime;
  /** The PSP feeds' processor (scoring and labels behind the inbox) and the in-process webhook sender, if any. */
  readonly feeds: { readonly processor: FeedProcessor; readonly webhooks: JobRunner | undefined };
  /** Stops accepting requests, drains pending writes, closes stores. */
  close(): Promise<void>;
}

/** Opens the stores and services a process needs (the HTTP server and the CLI share it). */
export async function buildRuntime(config: Config, options: AppOptions = {}): Promise<Runtime> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const phases: Record<string, number> = {};
  let phaseStart = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - phaseStart);
    phaseStart = now;
  };
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    timeoutMs: config.databaseTimeoutMs,
    inMemory: options.inMemoryDatabase,
    workerHeapMb: config.databaseWorkerHeapMb,
    sharedBuffersMb: config.databaseSharedBuffersMb,
    fsync: config.databaseFsync,
    // The in-process runner's share of the one embedded connection while the server is serving.
    backgroundShare: config.enrichment.worker.databaseSharePercent / 100,
  });
  phase('database');
  try {
    await migrateToLatest(database.db as never);
    await preparePartitions(database.db, clock, logger);
    const installed = await bootstrapInstall(database.db, config.bootstrapToken);
    const tokenFile = installed.generatedToken === undefined ? undefined : await writeBootstrapTokenFile(config.dataDir, installed.generatedToken);
    const bootstrap = { created: installed.created, tenantId: installed.tenantId, tokenFile, bootstrapTokenIgnored: installed.bootstrapTokenIgnored };
    const secret = await installationSecret(database.db, 'ip_hash_key');
    phase('migrate');
    const metrics = createMetrics();
    registerDatabaseMetrics(metrics.registry, database);
    const models = new ModelRegistry(database.db, await createArtifactStore(config), clock, logger, 2_000, config.modelMaxBytes);
    await models.start();
    phase('models');
    const features = await openFeatureSource({ config, db: database.db, clock, logger, ipHashKey: secret });
    if (features.profileStats !== undefined) registerProfileMetrics(metrics.registry, features.profileStats);
    phase('features');
    logger.info({ phasesMs: phases, store: database.kind, artifactStore: config.artifactStore.kind }, 'runtime ready');
    const chainHeads = new ChainHeadCache(database.db);
    const featureLists = new FeatureLists();
    const casePolicy = { slaMinutes: config.caseSlaMinutes };
    // One batch in flight: batches then grow with load, and the audit chain never races itself.
    // A commit that outlives five database timeouts is given up (503); its outcome is then unknown,
    // which the idempotent retry of the same request resolves.
    const writer = new GroupCommitter<DecisionWrite, DecisionWriteResult>(
      async (items) => {
        const stopTimer = metrics.commitDuration.startTimer();
        const results = await withDeadline(persistDecisions(database.db, chainHeads, items, casePolicy, featureLists), config.databaseTimeoutMs * 5);
        stopTimer();
        metrics.commitSize.observe(items.length);
        return results;
      },
      { maxBatch: 256, concurrency: 1, maxBacklog: config.writeBacklog, commitDelayMs: config.commitDelayMs },
    );
    const thresholds = new ThresholdService(database.db, clock);
    const enrichment = createEnrichmentServices(config, database.db, metrics.registry);
    const rules = new RuleRuntime(database.db, clock, logger, createRuleEnvironment());
    rules.start();
    const scoring = new ScoringService({
      clock,
      features,
      models,
      thresholds,
      writer,
      metrics,
      persistTimeoutMs: config.databaseTimeoutMs,
      clockSkewMs: config.clockSkewMs,
      llmVersion: enrichment.provider.version,
      kyc: enrichment.lookup,
      rules,
    });
    const authenticator = new Authenticator(database.db, clock);
    const worker = config.enrichment.worker.mode === 'in-process' ? startEnrichmentWorker(config, { db: database.backgroundDb, clock, logger, services: enrichment, yieldToScoring: true }) : undefined;
    const audit = new AuditTrail(database.db, config.audit, clock, logger);
    return { config, clock, logger, database, metrics, authenticator, thresholds, models, features, writer, scoring, rules, bootstrap, enrichment, worker, audit };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Closes a runtime's stores after its pending writes are committed. */
export async function closeRuntime(runtime: Runtime): Promise<void> {
  await runtime.worker?.stop();
  await runtime.writer.drain();
  await runtime.audit.stop();
  runtime.enrichment.documents.close();
  runtime.models.stop();
  runtime.rules.stop();
  await runtime.features.close();
  await runtime.database.close();
}

/** Builds the whole product: runtime plus the HTTP surface. One call wires everything. */
export async function buildApp(config: Config, options: AppOptions = {}): Promise<SentraApp> {
  const runtime = await buildRuntime(config, options);
  let databaseLost = false;
  void runtime.database.lost.then(() => (databaseLost = true));
  // Per-credential request limits (bearer tokens and merchant keys): one counter per process
  // embedded, shared by every process through Redis when scaled.
  const redis = sharedRedis(config);
  const keyLimiter =
    redis === undefined
      ? new MemoryKeyRateLimiter(runtime.clock)
      : // Imported only here: an embedded server does not hold the Redis client in memory.
        new (await import('./platform/redis-key-rate-limiter.js')).RedisKeyRateLimiter(redis, config.redisKeyPrefix, runtime.clock, config.databaseTimeoutMs);
  const app = createServer({
    logger: runtime.logger,
    bodyLimitBytes: config.bodyLimitBytes,
    authFailureLimit: config.authFailureLimit,
    tokenRates: { limiter: keyLimiter, perSecond: config.tokenRateLimit },
    requestTimeoutMs: config.requestTimeoutMs,
    connectionTimeoutMs: config.connectionTimeoutMs,
    shedding: { afterMs: config.shedAfterMs, minInFlight: config.shedMinInFlight, onShed: (route) => runtime.metrics.shed.inc({ route }) },
  });
  await registerOpenApi(app, productVersion);
  registerMetricsRoutes(app, runtime.metrics);
  registerHealthRoutes(app, {
    databaseReachable: async () => {
      try {
        await withDeadline(sql`select 1`.execute(runtime.database.db), config.databaseTimeoutMs);
        return true;
      } catch {
        return false;
      }
    },
    modelLoaded: () => runtime.models.ready(),
    databaseLost: () => databaseLost,
  });
  registerScoreRoutes(app, runtime.authenticator, runtime.scoring, config.kycDocumentBuckets);
  registerDecisionRoutes(app, runtime.authenticator, runtime.database.db);
  registerThresholdRoutes(app, runtime.authenticator, runtime.thresholds);
  registerThresholdPreviewRoutes(app, runtime.authenticator, { db: runtime.database.db, clock: runtime.clock, thresholds: runtime.thresholds });
  registerDashboardRoutes(app, runtime.authenticator, { db: runtime.database.db, clock: runtime.clock, caseSlaMinutes: config.caseSlaMinutes });
  registerSessionRoutes(app, runtime.authenticator);
  registerDecisionExplanationRoutes(app, runtime.authenticator, runtime.database.db, new DecisionExplainer(runtime.models));
  if (!(await registerConsoleRoutes(app))) runtime.logger.warn('console not built (console/dist missing): serving the API only');
  registerJobRoutes(app, runtime.authenticator, runtime.database.db, runtime.clock);
  registerEnrichmentRoutes(app, runtime.authenticator, runtime.database.db);
  registerAuditRoutes(app, runtime.authenticator, runtime.audit, runtime.clock);
  runtime.audit.start();
  registerTokenRoutes(app, runtime.authenticator, runtime.database.db, runtime.clock);
  registerModelRoutes(app, runtime.authenticator, runtime.database.db, runtime.models, Math.max(config.bodyLimitBytes, 2 * config.modelMaxBytes));
  registerDatasetRoutes(app, runtime.authenticator, runtime.database.db, Math.max(config.bodyLimitBytes, datasetUploadLimitBytes), (tenantId) => runtime.enrichment.lookup.documentsChanged(tenantId));
  registerTenantRoutes(app, runtime.authenticator, runtime.database.db, runtime.clock);
  registerCaseRoutes(app, runtime.authenticator, runtime.database.db);
  const labels = new LabelService(runtime.database.db, runtime.features.engine, runtime.clock);
  const secretBox = openFeedSecretBox(config.feedKey);
  const webhookWorker =
    config.enrichment.worker.mode === 'in-process'
      ? startWebhookWorker(config, { db: runtime.database.backgroundDb, clock: runtime.clock, logger: runtime.logger, metrics: runtime.enrichment.jobMetrics, box: secretBox })
      : undefined;
  // A live merchant's resolved case goes to its webhook endpoints through the outbox, in the resolution's transaction.
  registerCaseActionRoutes(app, runtime.authenticator, runtime.database.db, runtime.clock, labels, { write: writeCaseResolved, written: () => webhookWorker?.runner.nudge() });
  await registerLabelRoutes(app, runtime.authenticator, labels);
  const refreshRules = (tenantId: string) => runtime.rules.refresh(tenantId);
  registerRuleRoutes(app, runtime.authenticator, new RuleAdmin(runtime.database.db, runtime.clock, runtime.rules.environment, refreshRules), new RuleBacktestService(runtime.database.db, runtime.rules));
  await registerListRoutes(app, runtime.authenticator, new ListAdmin(runtime.database.db, runtime.clock, refreshRules));
  // A fee now commits with its decision (migration 0077), but an installation upgraded from a version
  // that took fees in a commit of their own may hold fees whose decision never committed (the process
  // stopped in between): they go back. Embedded, this is the only process of the data folder;
  // scaled, others (of the previous version, during an upgrade) may have calls in flight.
  const now = runtime.clock.now();
  const settledBefore = runtime.database.kind === 'pglite' ? now + 1 : now - 5 * 60_000;
  const refunded = await refundOrphanCharges(runtime.database.db, new Date(now - 7 * 86_400_000), new Date(settledBefore), new Date(now));
  if (refunded > 0) runtime.logger.warn({ refunded }, 'refunded merchant fees of calls whose decision was never stored');
  // Merchants send raw IP addresses: with any merchant, have the IP databases ready for their first call.
  if ((await runtime.database.db.selectFrom('merchants').select('id').limit(1).execute()).length > 0) void runtime.features.networkReady;
  const merchantAuthenticator = new MerchantAuthenticator(runtime.database.db, runtime.clock);
  const merchantAuth = { authenticator: merchantAuthenticator, limiter: keyLimiter, defaultRatePerSecond: config.merchantRateLimit };
  const merchantFlow = new MerchantScoring({ db: runtime.database.db, scoring: runtime.scoring, gate: new BalanceGate(runtime.database.db) });
  registerMerchantRoutes(app, runtime.authenticator, merchantAuthenticator, runtime.database.db, runtime.clock);
  const deviceKey = await installationSecret(runtime.database.db, 'device_hash_key');
  await registerSentryRoutes(app, {
    auth: merchantAuth,
    flow: merchantFlow,
    network: runtime.features.network,
    clock: runtime.clock,
    deviceKey,
    bodyLimitBytes: Math.max(config.bodyLimitBytes, 2 * 1024 * 1024),
  });
  await registerPipelineRoutes(app, {
    auth: merchantAuth,
    flow: merchantFlow,
    stages: { scoring: runtime.scoring, rules: runtime.rules },
    network: runtime.features.network,
    clock: runtime.clock,
    deviceKey,
    bodyLimitBytes: Math.max(config.bodyLimitBytes, 2 * 1024 * 1024),
  });
  registerEventRoutes(app, { auth: merchantAuth, flow: merchantFlow, db: runtime.database.db, network: runtime.features.network, clock: runtime.clock, deviceKey });
  const feedSecrets = new FeedSecretStore(runtime.database.db, secretBox, runtime.clock);
  registerWebhookRoutes(app, runtime.authenticator, {
    db: runtime.database.db,
    clock: runtime.clock,
    box: secretBox,
    nudge: () => webhookWorker?.runner.nudge(),
    allowPrivateTargets: config.webhookAllowPrivate,
  });
  registerFeedAdminRoutes(app, runtime.authenticator, feedSecrets, runtime.database.db);
  const inboxWriter = new GroupCommitter<InboxWrite, InboxOutcome>((items) => insertInbox(runtime.database.urgentDb, items), { maxBatch: 512, concurrency: 1, maxBacklog: config.writeBacklog * 4 });
  const feedMetrics = registerFeedMetrics(runtime.metrics.registry, runtime.database.db);
  const feedProcessor = new FeedProcessor({
    db: runtime.database.db,
    clock: runtime.clock,
    logger: runtime.logger,
    scoring: runtime.scoring,
    labels,
    reorderMs: config.feedReorderMs,
    // A live merchant's feed decision committed with its decision.created deliveries (the outbox).
    onLiveDecision: () => webhookWorker?.runner.nudge(),
    metrics: feedMetrics,
  });
  await registerFeedRoutes(app, {
    secrets: feedSecrets,
    inbox: { writer: inboxWriter, clock: runtime.clock, persistTimeoutMs: config.databaseTimeoutMs, stored: (receivedAt) => feedProcessor.nudge(receivedAt), metrics: feedMetrics },
    auth: merchantAuth,
    bodyLimitBytes: Math.max(config.bodyLimitBytes, 4 * 1024 * 1024),
  });
  await registerShadowRoutes(app, runtime.authenticator, { db: runtime.database.db, clock: runtime.clock, thresholds: runtime.thresholds, merchantAuthenticator });
  feedProcessor.start();
  // Embedded PGlite has no autovacuum and no checkpointer: this sweep vacuums and analyzes its tables
  // by autovacuum's rule, and takes a checkpoint when enough WAL was written since the last.
  const vacuum =
    runtime.database.kind === 'pglite'
      ? new EmbeddedVacuum({
          db: runtime.database.db,
          logger: runtime.logger,
          intervalMs: config.databaseVacuumIntervalSeconds * 1000,
          metrics: registerVacuumMetrics(runtime.metrics.registry),
          foregroundActive: () => runtime.database.foregroundActive(),
          checkpoint: { walBytes: config.databaseCheckpointWalMb * 1024 * 1024, maxAgeSeconds: 300 },
        })
      : undefined;
  vacuum?.start();
  let closed = false;
  return {
    app,
    runtime,
    feeds: { processor: feedProcessor, webhooks: webhookWorker?.runner },
    async close() {
      if (closed) return;
      closed = true;
      // No maintenance pass starts from now on; one in progress ends before the database closes.
      const vacuumStopped = vacuum?.stop();
      // app.close() closes the connections idle at that moment; a keep-alive connection whose last
      // request finishes during the drain would hold the server open until its keep-alive timeout
      // (72 s): close each one as soon as it turns idle.
      const closeIdle = setInterval(() => app.server.closeIdleConnections(), 50).unref();
      try {
        await app.close();
      } finally {
        clearInterval(closeIdle);
      }
      await inboxWriter.drain();
      await feedProcessor.stop();
      await webhookWorker?.stop();
      await keyLimiter.close();
      await vacuumStopped;
      await closeRuntime(runtime);
    },
  };
}
