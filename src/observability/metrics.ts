import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Sentra's Prometheus metrics; one instance per app, never a global registry. */
export interface Metrics {
  /** The app's own metrics. */
  readonly registry: Registry;
  /** The Prometheus text of the process's metrics and then the app's (what `/metrics` serves). */
  exposition(): Promise<string>;
  /** HTTP request latency per route template, method and status. */
  readonly httpDuration: Histogram<'route' | 'method' | 'status'>;
  /** Decisions made, per action and the surface that asked. */
  readonly decisions: Counter<'decision' | 'source'>;
  /** Time spent inside the scoring flow, per stage (features, model, persist). */
  readonly scoringStage: Histogram<'stage'>;
  /** Decisions waiting for their group commit. */
  readonly writeBacklog: Gauge;
  /** Duration of one group commit of decisions (one database call). */
  readonly commitDuration: Histogram;
  /** Decisions per group commit. */
  readonly commitSize: Histogram;
  /** Decision requests refused at the door by load shedding, per route template. */
  readonly shed: Counter<'route'>;
  /** Rule outcomes on the scoring path by mode (live, shadow) and outcome (hit, error). */
  readonly ruleOutcomes: Counter<'mode' | 'outcome'>;
}

let processRegistry: Registry | undefined;

/**
 * The process's own metrics (CPU, memory, event-loop delay, garbage collection, handles): prom-client's
 * default collectors, made once per process. They describe the process, not an app, and the
 * collector of GC durations observes through a PerformanceObserver that is never disconnected: made
 * with each app's registry, it kept every closed app's registry reachable, and through the registry's
 * gauges the app's database (about 80 MB per app built and closed in one process).
 */
function processMetrics(): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Builds a fresh registry with Sentra's metrics; the process defaults come from the process's own. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  const processWide = processMetrics();
  const latencyBuckets = [0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
  return {
    registry,
    // Each registry's Prometheus text ends with a newline, so the two join as they are.
    exposition: async () => (await Promise.all([processWide.metrics(), registry.metrics()])).join(''),
    httpDuration: new Histogram({
      name: 'sentra_http_request_duration_seconds',
      help: 'HTTP request latency by route template',
      labelNames: ['route', 'method', 'status'],
      buckets: latencyBuckets,
      registers: [registry],
    }),
    decisions: new Counter({
      name: 'sentra_decisions_total',
      help: 'Decisions by action and source surface',
      labelNames: ['decision', 'source'],
      registers: [registry],
    }),
    scoringStage: new Histogram({
      name: 'sentra_scoring_stage_seconds',
      help: 'Time spent per scoring stage',
      labelNames: ['stage'],
      buckets: latencyBuckets,
      registers: [registry],
    }),
    writeBacklog: new Gauge({
      name: 'sentra_decision_write_backlog',
      help: 'Decisions queued for the next group commit',
      registers: [registry],
    }),
    commitDuration: new Histogram({
      name: 'sentra_decision_commit_seconds',
      help: 'Duration of one group commit of decisions',
      buckets: latencyBuckets,
      registers: [registry],
    }),
    commitSize: new Histogram({
      name: 'sentra_decision_commit_size',
      help: 'Decisions written per group commit',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers: [registry],
    }),
    shed: new Counter({
      name: 'sentra_requests_shed_total',
      help: 'Decision requests refused with 503 by load shedding (the oldest in flight waited too long)',
      labelNames: ['route'],
      registers: [registry],
    }),
    ruleOutcomes: new Counter({
      name: 'sentra_rule_outcomes_total',
      help: 'Rule hits and run-time errors on the scoring path (an error never fails the request)',
      labelNames: ['mode', 'outcome'],
      registers: [registry],
    }),
  };
}
