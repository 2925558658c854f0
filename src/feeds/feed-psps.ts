/** The PSPs whose signed webhooks Sentra receives; each has its own signature scheme and secrets. */
export const feedPsps = ['stripe', 'adyen', 'checkout'] as const;
/** A PSP with a webhook receiver. */
export type FeedPsp = (typeof feedPsps)[number];
/** Where an inbox event came from: a PSP's webhook, or the generic JSONL feed (merchant key). */
export type FeedSource = FeedPsp | 'generic';
