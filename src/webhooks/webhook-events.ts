/**
 * The events a merchant's endpoint may subscribe to (sent for live merchants only):
 * `decision.created` when a feed payment was scored, `case.resolved` when an analyst resolved the
 * case of one of its payments, `enrichment.ready` when the KYC/KYB analysis of a document sent with
 * one of its payments is stored.
 */
export const webhookEventTypes = ['decision.created', 'case.resolved', 'enrichment.ready'] as const;
/** A webhook event type. */
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** The job kind that sends one delivery. */
export const webhookDeliveryKind = 'webhook.deliver';
