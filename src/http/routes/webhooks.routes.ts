import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { Database } from '../../platform/database-schema.js';
import type { Clock } from '../../platform/clock.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { CreatedWebhookEndpointView, CreateWebhookEndpointBody, WebhookDeliveryView, WebhookEndpointView } from '../../contract/webhooks.js';
import type { SecretBox } from '../../feeds/secret-box.js';
import { getMerchant } from '../../merchants/merchant.repository.js';
import { createEndpoint, listDeliveries, listEndpoints, redeliver, type WebhookDelivery, type WebhookEndpoint } from '../../webhooks/webhooks.repository.js';
import { endpointUrlProblems } from '../../webhooks/webhook-target.js';
import { ValidationError } from '../../errors/errors.js';
import { principalOf, requireRole } from '../auth.js';

const MerchantParams = Type.Object({ merchant_id: Type.String({ minLength: 1, maxLength: 128 }) });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const parse = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

const endpointView = (row: WebhookEndpoint) => ({ endpoint_id: row.id, url: row.url, events: parse<string[]>(row.events), created_at: row.created_at.toISOString() });
const deliveryView = (row: WebhookDelivery) => ({
  delivery_id: row.id,
  endpoint_id: row.endpoint_id,
  event_type: row.event_type,
  status: row.status,
  attempts: row.attempts,
  last_status_code: row.last_status_code,
  last_error: row.last_error,
  created_at: row.created_at.toISOString(),
  delivered_at: row.delivered_at?.toISOString() ?? null,
  payload: parse<unknown>(row.payload),
});

/**
 * Outbound webhooks of a merchant (admin): register an endpoint (its signing secret answered once;
 * its URL checked against the target policy first, see webhook-target.ts), list endpoints, read the
 * delivery log, and send a delivery again.
 */
export function registerWebhookRoutes(
  app: FastifyInstance,
  authenticator: Authenticator,
  options: { db: Kysely<Database>; clock: Clock; box: SecretBox | undefined; nudge: () => void; allowPrivateTargets: boolean },
): void {
  const { db, clock } = options;
  const admin = requireRole(authenticator, ['admin']);
  const act = (actor: string) => ({ actor, at: new Date(clock.now()) });
  app.post<{ Params: { merchant_id: string }; Body: CreateWebhookEndpointBody }>(
    '/v1/admin/merchants/:merchant_id/webhooks',
    { onRequest: admin, schema: { tags: ['feeds'], summary: 'Register an outbound webhook endpoint of a merchant; the signing secret is in this answer only', params: MerchantParams, body: CreateWebhookEndpointBody, response: { 201: CreatedWebhookEndpointView, 409: ErrorResponse, ...errors } } },
    async (request, reply) => {
      const principal = principalOf(request);
      const problems = endpointUrlProblems(request.body.url, options.allowPrivateTargets);
      if (problems.length > 0) throw new ValidationError(problems);
      const { endpoint, secret } = await createEndpoint(db, options.box, principal.tenantId, request.params.merchant_id, request.body.url, request.body.events, act(principal.tokenId));
      void reply.status(201);
      return { ...endpointView(endpoint), secret };
    },
  );
  app.get<{ Params: { merchant_id: string } }>(
    '/v1/admin/merchants/:merchant_id/webhooks',
    { onRequest: admin, schema: { tags: ['feeds'], summary: "A merchant's webhook endpoints (never the secret)", params: MerchantParams, response: { 200: Type.Object({ items: Type.Array(WebhookEndpointView) }), ...errors } } },
    async (request) => {
      const principal = principalOf(request);
      const merchant = await getMerchant(db, principal.tenantId, request.params.merchant_id);
      return { items: (await listEndpoints(db, principal.tenantId, merchant.merchantId)).map(endpointView) };
    },
  );
  app.get<{ Params: { merchant_id: string } }>(
    '/v1/admin/merchants/:merchant_id/webhooks/deliveries',
    { onRequest: admin, schema: { tags: ['feeds'], summary: "The merchant's webhook delivery log, newest first (at most 500)", params: MerchantParams, response: { 200: Type.Object({ items: Type.Array(WebhookDeliveryView) }), ...errors } } },
    async (request) => {
      const principal = principalOf(request);
      const merchant = await getMerchant(db, principal.tenantId, request.params.merchant_id);
      return { items: (await listDeliveries(db, principal.tenantId, merchant.merchantId, 500)).map(deliveryView) };
    },
  );
  app.post<{ Params: { merchant_id: string; delivery_id: string } }>(
    '/v1/admin/merchants/:merchant_id/webhooks/deliveries/:delivery_id/redeliver',
    {
      onRequest: admin,
      schema: { tags: ['feeds'], summary: 'Send a delivery again (same id and payload, a fresh signature), audited', params: Type.Object({ merchant_id: Type.String({ minLength: 1, maxLength: 128 }), delivery_id: Type.String({ minLength: 1, maxLength: 128 }) }), response: { 202: WebhookDeliveryView, ...errors } },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const row = await redeliver(db, principal.tenantId, request.params.merchant_id, request.params.delivery_id, act(principal.tokenId));
      options.nudge();
      void reply.status(202);
      return deliveryView(row);
    },
  );
}
