import { Type, type Static } from '@sinclair/typebox';
import { eventTypes, type EventType } from './event-types.js';

export { eventTypes, type EventType } from './event-types.js';

/** The event API's decisions, mildest first. */
export const eventDecisions = ['ALLOW', 'CHALLENGE', 'REVIEW', 'DENY'] as const;
/** A decision of the event API. */
export type EventDecision = (typeof eventDecisions)[number];

/** The components of the event API's riskBreakdown, in the order the seed shows them. */
export const riskComponents = ['DEVICE', 'GEO', 'BEHAVIORAL', 'IP'] as const;
/** One component. */
export type RiskComponent = (typeof riskComponents)[number];

const Text = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, description });

/** `POST /api/v1/Events` body (seed 004). */
export const EventRequest = Type.Object(
  {
    userId: Text(128, "The merchant's user id: the profile the event is folded into (the same profile payments use)."),
    eventType: Type.Unsafe<EventType>({ type: 'string', enum: [...eventTypes], description: 'What the user is doing.' }),
    sessionId: Type.Optional(Text(128, 'A stable session identifier.')),
    ipAddress: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Client IPv4 or IPv6 address; used for lookups, stored only as a keyed hash.' })),
    userAgent: Type.Optional(Text(1024, 'The browser user agent.')),
    channel: Type.Optional(Text(32, 'Where the event happened: Web, iOS, Android, API, …')),
    screenResolution: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}x[0-9]{1,5}$', description: 'WIDTHxHEIGHT in pixels, each 100–20000.' })),
    timezone: Type.Optional(Text(64, 'The browser time zone (IANA name, e.g. Atlantic/Reykjavik).')),
    platform: Type.Optional(Text(64, 'The client platform (Windows, MacIntel, iPhone, …).')),
    language: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$', maxLength: 35, description: 'The browser language (BCP 47, e.g. en-US).' })),
    amount: Type.Optional(Type.Number({ minimum: 0, maximum: 1e12, description: 'Amount of a payment or withdrawal.' })),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO-4217 code of the amount.' })),
    orderId: Type.Optional(Text(128, "The merchant's order id.")),
    emailHash: Type.Optional(Type.String({ minLength: 16, maxLength: 256, description: 'A hash of the e-mail address (never the address).' })),
    phoneHash: Type.Optional(Type.String({ minLength: 16, maxLength: 256, description: 'A hash of the phone number (never the number).' })),
  },
  { additionalProperties: false, $id: 'EventRequest' },
);
/** A schema-valid event. */
export type EventRequest = Static<typeof EventRequest>;

const Score100 = Type.Integer({ minimum: 0, maximum: 100 });
const Decision = Type.Unsafe<EventDecision>({ type: 'string', enum: [...eventDecisions] });

/** `POST /api/v1/Events` answer (seed 004). */
export const EventResponse = Type.Object(
  {
    eventId: Type.String({ description: 'UUID of the event; GET /api/v1/Events/{eventId}/details.' }),
    riskScore: Score100,
    decision: Decision,
    confidence: Type.Number({ minimum: 0, maximum: 1, description: 'How complete the signals behind the answer were: 0.5 + 0.1 per signal present (located IP, user agent, session, device traits, user history).' }),
    recommendedActions: Type.Array(Type.Object({ type: Type.String(), priority: Type.Unsafe<'HIGH' | 'MEDIUM' | 'LOW'>({ type: 'string', enum: ['HIGH', 'MEDIUM', 'LOW'] }) })),
    riskBreakdown: Type.Object({ device: Score100, geo: Score100, behavioral: Score100, ip: Score100 }),
    triggeredFactors: Type.Array(Type.String()),
    processingTimeMs: Type.Integer({ minimum: 0 }),
    processedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'EventResponse' },
);
/** An event answer. */
export type EventResponse = Static<typeof EventResponse>;

/** `GET /api/v1/Events/{eventId}/details` answer (seed 004). */
export const EventDetails = Type.Object(
  {
    eventId: Type.String(),
    userId: Type.String(),
    eventType: Type.String(),
    riskScore: Score100,
    decision: Decision,
    createdAt: Type.String({ format: 'date-time' }),
    processedAt: Type.String({ format: 'date-time' }),
    riskComponents: Type.Array(
      Type.Object({
        component: Type.Unsafe<RiskComponent>({ type: 'string', enum: [...riskComponents] }),
        score: Score100,
        details: Type.Optional(
          Type.Object({
            deviceAge: Type.String({ description: 'Time since this user first used this device at this merchant, as [d.]hh:mm:ss.fffffff.' }),
            accessCount: Type.Integer({ minimum: 1, description: "Events of this user from this device at this merchant, this one included." }),
          }),
        ),
        factors: Type.Optional(Type.Array(Type.String())),
      }),
    ),
  },
  { $id: 'EventDetails' },
);
