import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type, type Static } from '@sinclair/typebox';
import type { Database } from '../../platform/database-schema.js';
import type { Clock } from '../../platform/clock.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import { decisionStatistics } from '../../scoring/decision-statistics.js';
import { scoreBinWidth } from '../../scoring/score-bins.js';
import { scoreDrift } from '../../scoring/score-drift.js';
import { reviewBacklog } from '../../cases/case-backlog.js';
import type { Decision } from '../../contract/enums.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { ValidationError } from '../../errors/errors.js';
import { principalOf, requireRole } from '../auth.js';

const hourMs = 3_600_000;
const maximumHours = 720;
// Query strings are not coerced (coerceTypes is off), so the number arrives as digits and is range-checked here.
const DashboardQuery = Type.Object(
  { hours: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: `Window ending now, in whole hours from 1 to ${maximumHours}; 24 when absent.` })) },
  { additionalProperties: false },
);
const Milliseconds = Type.Union([Type.Number(), Type.Null()]);
const DashboardView = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  bucket_seconds: Type.Integer({ description: 'Width of a decisions bucket: an hour up to 2 days, else a day.' }),
  total: Type.Integer(),
  decisions_over_time: Type.Array(
    Type.Object({ bucket_start: Type.String({ format: 'date-time' }), PASS: Type.Integer(), REVIEW: Type.Integer(), HOLD: Type.Integer(), BLOCK: Type.Integer() }),
    { description: 'Buckets that hold at least one decision, oldest first.' },
  ),
  latency_ms: Type.Object({ p50: Milliseconds, p95: Milliseconds, p99: Milliseconds }, { description: 'Stored compute latency of the decisions.' }),
  score_histogram: Type.Object({
    bin_width: Type.Integer(),
    counts: Type.Array(Type.Integer(), { description: 'Decisions per risk-score bin from 0; the last bin includes 1000.' }),
  }),
  review_backlog: Type.Object(
    {
      unresolved: Type.Integer({ description: 'Cases open, in review or escalated now (shadow cases are outside the queue and not counted).' }),
      overdue: Type.Integer({ description: 'Of those, cases past their SLA due time: the SLA breaches.' }),
      by_status: Type.Object({ open: Type.Integer(), in_review: Type.Integer(), escalated: Type.Integer() }),
      by_age: Type.Array(
        Type.Object({
          label: Type.String(),
          from_hours: Type.Integer(),
          to_hours: Type.Union([Type.Integer(), Type.Null()], { description: 'Null for the open-ended last bin.' }),
          cases: Type.Integer(),
          overdue: Type.Integer(),
        }),
        { description: 'Unresolved cases by hours since they opened, youngest first.' },
      ),
      oldest_opened_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      sla_minutes: Type.Object(
        { BLOCK: Type.Integer(), HOLD: Type.Integer(), REVIEW: Type.Integer(), PASS: Type.Integer() },
        { description: 'Minutes from opening to the SLA due time per decision (SENTRA_CASE_SLA_<DECISION>_MINUTES; PASS: cases saved by hand).' },
      ),
    },
    { description: 'The review queue now, whatever the window.' },
  ),
  drift: Type.Object(
    {
      from: Type.String({ format: 'date-time' }),
      to: Type.String({ format: 'date-time' }),
      model_version: Type.Union([Type.String(), Type.Null()], { description: 'The active model; null when there is none.' }),
      bin_width: Type.Integer(),
      live: Type.Object({ rows: Type.Integer(), counts: Type.Array(Type.Integer()) }, { description: "The active model's decisions of the last 24 hours per model-score bin (round(probability × 1000), before rules)." }),
      validation: Type.Union([Type.Object({ rows: Type.Integer(), counts: Type.Array(Type.Integer()) }), Type.Null()], {
        description: "The validation window's model scores recorded in the artifact's metadata.json by sentra train; null when the artifact did not record them (never estimated).",
      }),
      psi: Type.Union([Type.Number(), Type.Null()], { description: 'Population stability index of live against validation; null without both.' }),
      note: Type.String({ description: 'How to read psi, or why there is no comparison.' }),
    },
    { description: 'Score distribution of the last day against the active model’s validation distribution, whatever the window.' },
  ),
});

/** What the dashboard reads. */
export interface DashboardDependencies {
  db: Kysely<Database>;
  clock: Clock;
  /** Minutes to a case's SLA due time per decision, as configured. */
  caseSlaMinutes: Readonly<Record<Decision, number>>;
}

/**
 * `GET /v1/dashboard` (analyst or admin): decisions per action over time, latency, score
 * distribution of the window; the review backlog with its SLA breaches now; and the drift of the
 * last day's model scores from the active model's validation distribution.
 */
export function registerDashboardRoutes(app: FastifyInstance, authenticator: Authenticator, dependencies: DashboardDependencies): void {
  app.get<{ Querystring: Static<typeof DashboardQuery> }>(
    '/v1/dashboard',
    {
      onRequest: requireRole(authenticator, ['analyst', 'admin']),
      schema: {
        tags: ['scoring'],
        summary: 'Decisions of the last hours (per action over time, latency percentiles, score histogram), the review backlog and SLA breaches, and score drift of the last day',
        querystring: DashboardQuery,
        response: { 200: DashboardView, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const hours = Number(request.query.hours ?? 24);
      if (hours < 1 || hours > maximumHours) {
        throw new ValidationError([{ code: 'range', path: '/querystring/hours', message: `hours must be from 1 to ${maximumHours}` }]);
      }
      const to = new Date(dependencies.clock.now());
      const from = new Date(to.getTime() - hours * hourMs);
      const bucketSeconds = hours <= 48 ? 3600 : 86_400;
      const tenantId = principalOf(request).tenantId;
      const driftWindow = { from: new Date(to.getTime() - 24 * hourMs), to };
      const [statistics, backlog, drift] = await Promise.all([
        decisionStatistics(dependencies.db, tenantId, { from, to }, bucketSeconds),
        reviewBacklog(dependencies.db, tenantId, to),
        scoreDrift(dependencies.db, tenantId, driftWindow),
      ]);
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        bucket_seconds: bucketSeconds,
        total: statistics.total,
        decisions_over_time: statistics.buckets.map(({ bucketStart, ...counts }) => ({ bucket_start: bucketStart.toISOString(), ...counts })),
        latency_ms: statistics.latency,
        score_histogram: { bin_width: scoreBinWidth, counts: statistics.scoreBins },
        review_backlog: {
          unresolved: backlog.unresolved,
          overdue: backlog.overdue,
          by_status: backlog.byStatus,
          by_age: backlog.byAge.map((bin) => ({ label: bin.label, from_hours: bin.fromHours, to_hours: bin.toHours, cases: bin.cases, overdue: bin.overdue })),
          oldest_opened_at: backlog.oldestOpenedAt?.toISOString() ?? null,
          sla_minutes: { ...dependencies.caseSlaMinutes },
        },
        drift: {
          from: driftWindow.from.toISOString(),
          to: driftWindow.to.toISOString(),
          model_version: drift.modelVersion,
          bin_width: scoreBinWidth,
          live: drift.live,
          validation: drift.validation,
          psi: drift.psi,
          note: drift.note,
        },
      };
    },
  );
}
