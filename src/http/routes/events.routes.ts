import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from '@sinclair/typebox';
import { EventDetails, EventRequest, EventResponse } from '../../contract/events.js';
import { ErrorResponse } from '../../contract/error-response.js';
import type { Database } from '../../platform/database-schema.js';
import type { NetworkSignals } from '../../features/network/network-signals.js';
import type { Clock } from '../../platform/clock.js';
import { SentraError } from '../../errors/errors.js';
import type { MerchantScoring } from '../../merchants/merchant-scoring.js';
import { checkEventRequest, eventCall } from '../../merchants/event-request.js';
import { assessEvent } from '../../merchants/event-assessment.js';
import { deviceHistory, eventRow, findEvent, type EventWrite } from '../../merchants/event.repository.js';
import type { DecidedCall } from '../../scoring/scoring.service.js';
import { timeSpan } from '../../merchants/time-span.js';
import { merchantOf, requireMerchantKey, type MerchantAuthOptions } from '../merchant-auth.js';
import { setMerchantAnswerHeaders } from '../merchant-answer-headers.js';

/** What the event API needs. */
export interface EventRouteOptions {
  auth: MerchantAuthOptions;
  flow: MerchantScoring;
  db: Kysely<Database>;
  network: NetworkSignals;
  clock: Clock;
  /** Key of the device fingerprint HMAC. */
  deviceKey: Buffer;
}

const errors = { 400: ErrorResponse, 401: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, 429: ErrorResponse };

/**
 * `POST /api/v1/Events` and `GET /api/v1/Events/{eventId}/details`: the event contract (seed 004),
 * answered by the one engine. Every event type folds into the user's profile, the one payments
 * build, so account events and payments see each other. Errors use the one error body (the seed
 * shows none of its own).
 */
export function registerEventRoutes(app: FastifyInstance, options: EventRouteOptions): void {
  const merchantKey = requireMerchantKey(options.auth, 'sentra');
  app.post<{ Body: EventRequest }>(
    '/api/v1/Events',
    {
      onRequest: merchantKey,
      config: { shed: true },
      schema: {
        tags: ['merchants'],
        summary: 'Score an event (payment, login, signup, password reset, account update, withdrawal), billed per call',
        body: EventRequest,
        response: { 200: EventResponse, 402: ErrorResponse, 503: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const startedAt = performance.now() - reply.elapsedTime;
      const principal = merchantOf(request);
      const body = request.body;
      checkEventRequest(body);
      const now = options.clock.now();
      const eventId = randomUUID();
      const mapped = eventCall(body, eventId, principal.merchant, now, options.deviceKey, options.network);
      // The event row is made once the decision is known and commits with it (one group commit).
      let made: { write: EventWrite; processedAt: number } | undefined;
      const merchantEvent = (decided: DecidedCall): object => {
        const processedAt = options.clock.now();
        const write: EventWrite = {
          eventId,
          tenantId: principal.tenantId,
          merchantId: principal.merchant.merchantId,
          decisionId: decided.requestId,
          userId: body.userId,
          eventType: body.eventType,
          deviceId: mapped.record.deviceIdHash,
          sessionId: body.sessionId,
          assessment: assessEvent(decided.riskScore, decided.decision, decided.values, mapped, now),
          createdAt: new Date(now),
          processedAt: new Date(processedAt),
        };
        made = { write, processedAt };
        return eventRow(write);
      };
      const { kept } = await options.flow.score(principal, 'EVENTS', { ...mapped, merchantEvent }, 'event', startedAt, async (scored) => {
        // The transaction id carries this call's new event id, so its decision is never a replay of
        // an earlier one (which would have written nothing, this event row included).
        if (made === undefined || scored.replayed) throw new Error('an event call was answered with a decision that was not written with its event');
        setMerchantAnswerHeaders(reply, scored.response.request_id, principal.merchant.mode);
        return { assessment: made.write.assessment, processedAt: made.processedAt };
      });
      const { assessment } = kept;
      return {
        eventId,
        riskScore: assessment.riskScore,
        decision: assessment.decision,
        confidence: assessment.confidence,
        recommendedActions: assessment.recommendedActions,
        riskBreakdown: assessment.riskBreakdown,
        triggeredFactors: assessment.triggeredFactors,
        processingTimeMs: Math.max(0, Math.round(performance.now() - startedAt)),
        processedAt: new Date(kept.processedAt).toISOString(),
      };
    },
  );
  app.get<{ Params: { eventId: string } }>(
    '/api/v1/Events/:eventId/details',
    {
      onRequest: merchantKey,
      schema: {
        tags: ['merchants'],
        summary: "One of the merchant's events with its risk components (another merchant's event is not found)",
        params: Type.Object({ eventId: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: EventDetails, 404: ErrorResponse, ...errors },
      },
    },
    async (request) => {
      const principal = merchantOf(request);
      const event = await findEvent(options.db, principal.tenantId, principal.merchant.merchantId, request.params.eventId);
      if (event === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No event ${request.params.eventId}.`);
      const device = event.deviceId === null ? undefined : await deviceHistory(options.db, principal.merchant.merchantId, event.userId, event.deviceId, event.createdAt);
      return {
        eventId: event.eventId,
        userId: event.userId,
        eventType: event.eventType,
        riskScore: event.riskScore,
        decision: event.decision as 'ALLOW',
        createdAt: event.createdAt.toISOString(),
        processedAt: event.processedAt.toISOString(),
        riskComponents: event.components.map((component) => ({
          component: component.component as 'DEVICE',
          score: component.score,
          ...(component.component === 'DEVICE' && device !== undefined ? { details: { deviceAge: timeSpan(event.createdAt.getTime() - device.firstSeen.getTime()), accessCount: device.count } } : {}),
          ...(component.factors.length > 0 ? { factors: component.factors } : {}),
        })),
      };
    },
  );
}
