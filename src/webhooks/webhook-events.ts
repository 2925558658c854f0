/** The events a merchant's endpoint may subscribe to (sent for live merchants only). */
export const webhookEventTypes = ['decision.created'] as const;
/** A webhook event type. */
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** The job kind that sends one delivery. */
export const webhookDeliveryKind = 'webhook.deliver';
