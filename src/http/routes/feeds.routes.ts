import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { ErrorResponse } from '../../contract/error-response.js';
import { FeedAck } from '../../contract/feeds.js';
import { SentraError, ValidationError } from '../../errors/errors.js';
import type { FeedSecretStore } from '../../feeds/feed-secrets.js';
import { acceptEvents, type FeedInbox } from '../../feeds/feed-receiver.js';
import type { FeedEvent } from '../../feeds/feed-event.js';
import { verifyStripeSignature, type SignatureVerdict } from '../../feeds/signatures/stripe-signature.js';
import { verifyCheckoutSignature } from '../../feeds/signatures/checkout-signature.js';
import { verifyAdyenItem } from '../../feeds/signatures/adyen-signature.js';
import { mapStripeEvent } from '../../feeds/psp/stripe-events.js';
import { mapCheckoutEvent } from '../../feeds/psp/checkout-events.js';
import { mapAdyenItem } from '../../feeds/psp/adyen-notifications.js';
import { parseGenericBatch } from '../../feeds/psp/generic-feed.js';
import { fieldsOf, FeedMappingError } from '../../feeds/psp/payload-fields.js';
import { merchantOf, requireMerchantKey, type MerchantAuthOptions } from '../merchant-auth.js';
import { refuseUnstorable } from '../nul-characters.js';
import { signatureAccess } from '../route-access.js';

/** What the receivers need. */
export interface FeedRouteOptions {
  secrets: FeedSecretStore;
  inbox: FeedInbox;
  auth: MerchantAuthOptions;
  bodyLimitBytes: number;
}

const MerchantParams = Type.Object({ merchant_id: Type.String({ minLength: 1, maxLength: 128 }) });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, 503: ErrorResponse };
const refused = () => new SentraError('SENTRA_ERR_UNAUTHENTICATED', 'The webhook signature is missing, invalid or stale for this merchant; nothing was stored.');

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** The signed body as JSON, after the signature was checked; a document no store can hold is refused whole. */
function parseJson(raw: Buffer): unknown {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new SentraError('SENTRA_ERR_MALFORMED_JSON');
  }
  refuseUnstorable(value);
  return value;
}

/** The envelope errors of a signed event (no id, type or time: nothing to store it under) are 400s. */
function mapOrRefuse(map: () => FeedEvent): FeedEvent {
  try {
    return map();
  } catch (error) {
    if (error instanceof FeedMappingError) throw new ValidationError([{ code: 'required', path: '/', message: error.message }]);
    throw error;
  }
}

const reject = (verdict: SignatureVerdict) => {
  if (!verdict.valid) throw refused();
};

/**
 * The feed receivers (`/v1/feeds`, seed 000): one URL per merchant and PSP. Each verifies the
 * PSP's signature on the raw request bytes with a constant-time compare against every live secret
 * of the merchant, stores the events in the inbox (idempotent by the PSP's event id) and answers
 * once that write is durable; scoring follows behind. A bad or stale signature, or a merchant with
 * no secret for the PSP, is 401 and stores nothing. The generic JSONL feed takes data contract v1
 * lines with the merchant's API key.
 */
export async function registerFeedRoutes(app: FastifyInstance, options: FeedRouteOptions): Promise<void> {
  const { secrets, inbox } = options;
  await app.register(async (scope) => {
    // Signatures cover the exact bytes sent: the body is kept raw and parsed only after verification.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(['application/json', 'application/x-ndjson', 'application/jsonl'], { parseAs: 'buffer', bodyLimit: options.bodyLimitBytes }, (_request, body, done) => done(null, body));
    const rawBody = (request: FastifyRequest) => (Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0));
    const signed = { access: signatureAccess };

    scope.post<{ Params: { merchant_id: string } }>(
      '/v1/feeds/stripe/:merchant_id',
      {
        config: signed,
        schema: {
          tags: ['feeds'],
          summary: 'Stripe webhook receiver: Stripe-Signature (t=…,v1=…) is HMAC-SHA256 under an endpoint secret over "t.rawBody", within 300 s',
          params: MerchantParams,
          response: { 200: FeedAck, ...errors },
        },
      },
      async (request) => {
        const merchantId = request.params.merchant_id;
        const feed = await secrets.get(merchantId, 'stripe');
        if (feed === undefined) throw refused();
        const raw = rawBody(request);
        reject(verifyStripeSignature(raw, header(request, 'stripe-signature'), feed.secrets, inbox.clock.now()));
        const event = mapOrRefuse(() => mapStripeEvent(merchantId, parseJson(raw)));
        return acceptEvents(inbox, feed.tenantId, merchantId, 'stripe', [event]);
      },
    );

    scope.post<{ Params: { merchant_id: string } }>(
      '/v1/feeds/checkout/:merchant_id',
      {
        config: signed,
        schema: {
          tags: ['feeds'],
          summary: 'Checkout.com webhook receiver: Cko-Signature is the hex HMAC-SHA256 of the raw body under the webhook signature key',
          params: MerchantParams,
          response: { 200: FeedAck, ...errors },
        },
      },
      async (request) => {
        const merchantId = request.params.merchant_id;
        const feed = await secrets.get(merchantId, 'checkout');
        if (feed === undefined) throw refused();
        const raw = rawBody(request);
        reject(verifyCheckoutSignature(raw, header(request, 'cko-signature'), feed.secrets));
        const event = mapOrRefuse(() => mapCheckoutEvent(merchantId, parseJson(raw)));
        return acceptEvents(inbox, feed.tenantId, merchantId, 'checkout', [event]);
      },
    );

    scope.post<{ Params: { merchant_id: string } }>(
      '/v1/feeds/adyen/:merchant_id',
      {
        config: signed,
        schema: {
          tags: ['feeds'],
          summary: 'Adyen standard notifications: every item carries additionalData.hmacSignature (base64 HMAC-SHA256, hex key); answers [accepted]',
          params: MerchantParams,
          response: { 200: Type.String({ description: '[accepted]' }), ...errors },
        },
      },
      async (request, reply) => {
        const merchantId = request.params.merchant_id;
        const feed = await secrets.get(merchantId, 'adyen');
        if (feed === undefined) throw refused();
        const body = fieldsOf(parseJson(rawBody(request)));
        const items = Array.isArray(body.notificationItems) ? body.notificationItems.map((entry) => fieldsOf(fieldsOf(entry).NotificationRequestItem)) : [];
        if (items.length === 0) throw refused();
        // One item that does not verify refuses the whole delivery: nothing of it is stored.
        for (const item of items) reject(verifyAdyenItem(item, feed.secrets));
        const events = items.map((item) => mapOrRefuse(() => mapAdyenItem(merchantId, item)));
        await acceptEvents(inbox, feed.tenantId, merchantId, 'adyen', events);
        return reply.type('text/plain; charset=utf-8').send('[accepted]');
      },
    );

    scope.post<{ Params: { merchant_id: string } }>(
      '/v1/feeds/:merchant_id/events',
      {
        onRequest: requireMerchantKey(options.auth, 'sentra'),
        schema: {
          tags: ['feeds'],
          summary: 'Generic feed: JSON Lines of data contract v1 transactions and labels ({"type":"transaction",…} / {"type":"label",…}), idempotent per transaction and label',
          params: MerchantParams,
          response: { 200: FeedAck, 404: ErrorResponse, 429: ErrorResponse, ...errors },
        },
      },
      async (request) => {
        const principal = merchantOf(request);
        if (principal.merchant.merchantId !== request.params.merchant_id) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No merchant ${request.params.merchant_id} for this key.`);
        const text = rawBody(request).toString('utf8');
        const events = parseGenericBatch(principal.merchant.merchantId, text);
        refuseUnstorable(events);
        return acceptEvents(inbox, principal.tenantId, principal.merchant.merchantId, 'generic', events);
      },
    );
  });
}
