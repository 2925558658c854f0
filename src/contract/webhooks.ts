import { Type, type Static } from '@sinclair/typebox';

/**
 * The events a merchant's endpoint may subscribe to (sent for live merchants only):
 * `decision.created` when a feed payment was scored, `case.resolved` when an analyst resolved the
 * case of one of its payments, `enrichment.ready` when the KYC/KYB analysis of a document sent with
 * one of its payments is stored.
 */
export const webhookEventTypes = ['decision.created', 'case.resolved', 'enrichment.ready'] as const;
/** A webhook event type. */
export type WebhookEventType = (typeof webhookEventTypes)[number];

const EventType = Type.Unsafe<WebhookEventType>({ type: 'string', enum: [...webhookEventTypes] });

/** `POST /v1/admin/merchants/{merchant_id}/webhooks` body. */
export const CreateWebhookEndpointBody = Type.Object(
  {
    url: Type.String({
      pattern: '^https?://[^\\s]+$',
      maxLength: 2048,
      description:
        'Where deliveries are POSTed: an https URL whose host is a name or a public IP address, with no user name or password in it. A name that resolves to a loopback, private, link-local or other non-public address is refused when a delivery is sent. SENTRA_WEBHOOK_ALLOW_PRIVATE=true also allows plain http and such addresses.',
    }),
    events: Type.Array(EventType, { minItems: 1, uniqueItems: true, description: "decision.created: a live merchant's feed payment was scored; case.resolved: an analyst resolved the case of one of its payments; enrichment.ready: the KYC/KYB analysis of a document sent with one of its payments is stored. Payloads: docs/api.md, Outbound webhooks." }),
  },
  { additionalProperties: false },
);
/** An endpoint creation body. */
export type CreateWebhookEndpointBody = Static<typeof CreateWebhookEndpointBody>;

/** An endpoint as listed (never the secret). */
export const WebhookEndpointView = Type.Object({
  endpoint_id: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  created_at: Type.String({ format: 'date-time' }),
});

/** A created endpoint, with its signing secret (in this answer only). */
export const CreatedWebhookEndpointView = Type.Object({ ...WebhookEndpointView.properties, secret: Type.String({ description: 'The signing secret of Sentra-Signature; shown once.' }) });

/** One delivery of the log. */
export const WebhookDeliveryView = Type.Object({
  delivery_id: Type.String(),
  endpoint_id: Type.String(),
  event_type: Type.String(),
  status: Type.String({ description: 'pending, delivered or failed (retried with backoff; failed for good once its job is dead).' }),
  attempts: Type.Integer(),
  last_status_code: Type.Union([Type.Integer(), Type.Null()]),
  last_error: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  delivered_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  payload: Type.Unknown({ description: 'The body sent: {id, type, created, data}.' }),
});
