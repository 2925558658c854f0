import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { EventAssessment } from './event-assessment.js';

/** An event as stored. */
export interface StoredEvent {
  eventId: string;
  decisionId: string;
  userId: string;
  eventType: string;
  deviceId: string | null;
  riskScore: number;
  decision: string;
  components: { component: string; score: number; factors: string[] }[];
  createdAt: Date;
  processedAt: Date;
}

/** What an event row is written from. */
export interface EventWrite {
  eventId: string;
  tenantId: string;
  merchantId: string;
  decisionId: string;
  userId: string;
  eventType: string;
  deviceId: string | undefined;
  sessionId: string | undefined;
  assessment: EventAssessment;
  createdAt: Date;
  processedAt: Date;
}

/**
 * The stored row of an event (the raw IP is not part of it), as JSON for the decision batch
 * document: it commits with its decision (migration 0075).
 */
export function eventRow(event: EventWrite): object {
  const { assessment } = event;
  return {
      event_id: event.eventId,
      tenant_id: event.tenantId,
      merchant_id: event.merchantId,
      decision_id: event.decisionId,
      user_id: event.userId,
      event_type: event.eventType,
      device_id: event.deviceId ?? null,
      session_id: event.sessionId ?? null,
      risk_score: assessment.riskScore,
      decision: assessment.decision,
      confidence: assessment.confidence,
      components: assessment.components,
      triggered_factors: assessment.triggeredFactors,
      recommended_actions: assessment.recommendedActions,
      created_at: event.createdAt,
      processed_at: event.processedAt,
  };
}

const parse = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

/** One event of the merchant; another merchant's (or tenant's) event is not found. */
export async function findEvent(db: Kysely<Database>, tenantId: string, merchantId: string, eventId: string): Promise<StoredEvent | undefined> {
  const row = await db.selectFrom('merchant_events').selectAll().where('tenant_id', '=', tenantId).where('merchant_id', '=', merchantId).where('event_id', '=', eventId).executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    eventId: row.event_id,
    decisionId: row.decision_id,
    userId: row.user_id,
    eventType: row.event_type,
    deviceId: row.device_id,
    riskScore: row.risk_score,
    decision: row.decision,
    components: parse(row.components),
    createdAt: row.created_at,
    processedAt: row.processed_at,
  };
}

/** When the user first used the device at this merchant, and how many events it made there, up to `until`. */
export async function deviceHistory(db: Kysely<Database>, merchantId: string, userId: string, deviceId: string, until: Date): Promise<{ firstSeen: Date; count: number }> {
  const row = await db
    .selectFrom('merchant_events')
    .select([sql<Date>`min(created_at)`.as('first_seen'), sql<string>`count(*)`.as('count')])
    .where('merchant_id', '=', merchantId)
    .where('user_id', '=', userId)
    .where('device_id', '=', deviceId)
    .where('created_at', '<=', until)
    .executeTakeFirstOrThrow();
  return { firstSeen: new Date(row.first_seen), count: Number(row.count) };
}
