import { Type, type Static } from '@sinclair/typebox';

/** The PSPs whose signed webhooks Sentra receives; each has its own signature scheme and secrets. */
export const feedPsps = ['stripe', 'adyen', 'checkout'] as const;
/** A PSP with a webhook receiver. */
export type FeedPsp = (typeof feedPsps)[number];
/** Where an inbox event came from: a PSP's webhook, or the generic JSONL feed (merchant key). */
export type FeedSource = FeedPsp | 'generic';

/**
 * The life of an inbox event: `pending` (stored and acknowledged, not yet processed), `waiting` (a
 * label whose transaction has not arrived yet; it is recorded when it does), `processed` (scored,
 * labelled, or carrying nothing to act on), `duplicate` (another event of the same transaction was
 * scored first) and `failed` (refused by the engine; the error says why).
 */
export const feedStatuses = {
  pending: 'pending',
  waiting: 'waiting',
  processed: 'processed',
  duplicate: 'duplicate',
  failed: 'failed',
} as const satisfies Record<string, string>;

/** An inbox event's status. */
export type FeedStatus = (typeof feedStatuses)[keyof typeof feedStatuses];

/** A PSP with a signed webhook receiver. */
export const FeedPspParam = Type.Unsafe<FeedPsp>({ type: 'string', enum: [...feedPsps], description: 'stripe, adyen or checkout' });

/** `PUT /v1/admin/merchants/{merchant_id}/feeds/{psp}` body. */
export const FeedSecretsBody = Type.Object(
  {
    secrets: Type.Array(Type.String({ minLength: 8, maxLength: 512 }), {
      minItems: 1,
      maxItems: 5,
      uniqueItems: true,
      description:
        "The webhook secrets of this merchant's endpoint at the PSP, all valid at once (the new one and the old one during a rotation). Stripe: the endpoint's signing secret (whsec_…); Adyen: the HMAC key (hex); Checkout.com: the webhook signature key. Stored encrypted, never shown again.",
    }),
  },
  { additionalProperties: false },
);
/** A feed secrets body. */
export type FeedSecretsBody = Static<typeof FeedSecretsBody>;

/** What storing feed secrets answers: their number, never the secrets. */
export const FeedSecretsView = Type.Object({
  merchant_id: Type.String(),
  psp: FeedPspParam,
  secret_count: Type.Integer(),
  updated_at: Type.String({ format: 'date-time' }),
  receiver_path: Type.String({ description: 'The path to give the PSP as the webhook URL (after this server\'s public address).' }),
});

/** `GET /v1/admin/merchants/{merchant_id}/feeds` answer: the PSP feeds with secrets set. */
export const FeedList = Type.Object({ items: Type.Array(FeedSecretsView) });

/** A receiver's acknowledgement: how many events were new and how many had been received before. */
export const FeedAck = Type.Object({
  received: Type.Integer({ description: 'Events in the delivery.' }),
  stored: Type.Integer({ description: 'Events new to the inbox; scoring follows behind.' }),
  duplicates: Type.Integer({ description: 'Events the inbox already had (a retry or replay): nothing changed.' }),
});
/** A receiver's acknowledgement. */
export type FeedAck = Static<typeof FeedAck>;

/** `GET /v1/admin/merchants/{merchant_id}/feeds/events` query. */
export const FeedEventQuery = Type.Object(
  {
    status: Type.Optional(Type.Unsafe<FeedStatus>({ type: 'string', enum: Object.values(feedStatuses) })),
    tx_id: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: 'At most this many events, newest event time first (default 100, at most 1000).' })),
  },
  { additionalProperties: false },
);
/** The inbox listing query. */
export type FeedEventQuery = Static<typeof FeedEventQuery>;

/** One inbox event as an operator sees it. */
export const FeedEventView = Type.Object({
  id: Type.String(),
  psp: Type.String({ description: 'stripe, adyen, checkout or generic' }),
  event_id: Type.String({ description: "The PSP's own event id." }),
  event_type: Type.String(),
  event_time: Type.String({ format: 'date-time' }),
  kind: Type.String({ description: 'transaction, label or other' }),
  tx_id: Type.Union([Type.String(), Type.Null()]),
  amount: Type.Union([Type.Number(), Type.Null()], { description: 'The amount as Sentra read it, in major units of currency (minor units divided by the currency exponent the PSP uses).' }),
  currency: Type.Union([Type.String(), Type.Null()]),
  status: Type.String({ description: 'pending, waiting (a label before its payment), processed, duplicate (the payment was scored from another event) or failed' }),
  decision_id: Type.Union([Type.String(), Type.Null()], { description: 'The decision a transaction was scored into.' }),
  psp_verdict: Type.Union([Type.Object({ score: Type.Union([Type.Number(), Type.Null()]), level: Type.Union([Type.String(), Type.Null()]), flagged: Type.Boolean() }), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  received_at: Type.String({ format: 'date-time' }),
  processed_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

/** The inbox listing. */
export const FeedEventList = Type.Object({ items: Type.Array(FeedEventView) });
