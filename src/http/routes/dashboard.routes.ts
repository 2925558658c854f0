import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type, type Static } from '@sinclair/typebox';
import type { Database } from '../../platform/database-schema.js';
import type { Clock } from '../../platform/clock.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import { decisionStatistics } from '../../scoring/decision-statistics.js';
import { scoreBinWidth } from '../../scoring/score-bins.js';
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
});

/** What the dashboard reads. */
export interface DashboardDependencies {
  db: Kysely<Database>;
  clock: Clock;
}

/** `GET /v1/dashboard` (analyst or admin): decisions per action over time, latency, score distribution. */
export function registerDashboardRoutes(app: FastifyInstance, authenticator: Authenticator, dependencies: DashboardDependencies): void {
  app.get<{ Querystring: Static<typeof DashboardQuery> }>(
    '/v1/dashboard',
    {
      onRequest: requireRole(authenticator, ['analyst', 'admin']),
      schema: {
        tags: ['scoring'],
        summary: 'Decisions of the last hours: per action over time, latency percentiles, score histogram',
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
      const statistics = await decisionStatistics(dependencies.db, principalOf(request).tenantId, { from, to }, bucketSeconds);
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        bucket_seconds: bucketSeconds,
        total: statistics.total,
        decisions_over_time: statistics.buckets.map(({ bucketStart, ...counts }) => ({ bucket_start: bucketStart.toISOString(), ...counts })),
        latency_ms: statistics.latency,
        score_histogram: { bin_width: scoreBinWidth, counts: statistics.scoreBins },
      };
    },
  );
}
