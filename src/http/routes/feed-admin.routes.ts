import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Authenticator } from '../../tenants/authenticator.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { FeedEventList, FeedEventQuery, FeedList, FeedPspParam, FeedSecretsBody, FeedSecretsView, type FeedPsp } from '../../contract/feeds.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database-schema.js';
import { getMerchant } from '../../merchants/merchant.repository.js';
import { listInbox } from '../../feeds/feed-inbox.repository.js';
import type { FeedItem, PspVerdict } from '../../platform/tables/feed.table.js';
import type { FeedSecretStore } from '../../feeds/feed-secrets.js';
import { principalOf, requireRole } from '../auth.js';

/** The receiver path of a merchant's PSP feed. */
export const receiverPath = (psp: FeedPsp, merchantId: string) => `/v1/feeds/${psp}/${merchantId}`;

/**
 * `PUT /v1/admin/merchants/{merchant_id}/feeds/{psp}`: sets the webhook secrets of a merchant's
 * PSP feed (admin). All of them verify at once, so a rotation is: put [new, old], switch the
 * PSP to the new one, put [new]. Secrets are sealed at rest and never answered again.
 */
export function registerFeedAdminRoutes(app: FastifyInstance, authenticator: Authenticator, secrets: FeedSecretStore, db: Kysely<Database>): void {
  const admin = requireRole(authenticator, ['admin']);
  app.put<{ Params: { merchant_id: string; psp: FeedPsp }; Body: FeedSecretsBody }>(
    '/v1/admin/merchants/:merchant_id/feeds/:psp',
    {
      onRequest: admin,
      schema: {
        tags: ['feeds'],
        summary: "Set the webhook secrets of a merchant's PSP feed (several valid at once; stored encrypted, never shown again)",
        params: Type.Object({ merchant_id: Type.String({ minLength: 1, maxLength: 128 }), psp: FeedPspParam }),
        body: FeedSecretsBody,
        response: { 200: FeedSecretsView, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { merchant_id: merchantId, psp } = request.params;
      const stored = await secrets.put(principal.tenantId, merchantId, psp, request.body.secrets, principal.tokenId);
      return { merchant_id: stored.merchantId, psp: stored.psp, secret_count: stored.secretCount, updated_at: stored.updatedAt.toISOString(), receiver_path: receiverPath(psp, merchantId) };
    },
  );
  app.get<{ Params: { merchant_id: string } }>(
    '/v1/admin/merchants/:merchant_id/feeds',
    {
      onRequest: admin,
      schema: {
        tags: ['feeds'],
        summary: "The merchant's PSP feeds with secrets set: PSP, number of secrets, last change, receiver path (never the secrets)",
        params: Type.Object({ merchant_id: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: { 200: FeedList, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const merchant = await getMerchant(db, principal.tenantId, request.params.merchant_id);
      const feeds = await secrets.list(principal.tenantId, merchant.merchantId);
      return {
        items: feeds.map((feed) => ({ merchant_id: feed.merchantId, psp: feed.psp, secret_count: feed.secretCount, updated_at: feed.updatedAt.toISOString(), receiver_path: receiverPath(feed.psp, feed.merchantId) })),
      };
    },
  );
  app.get<{ Params: { merchant_id: string }; Querystring: FeedEventQuery }>(
    '/v1/admin/merchants/:merchant_id/feeds/events',
    {
      onRequest: admin,
      schema: {
        tags: ['feeds'],
        summary: "The merchant's feed inbox: every received event with its status, decision, PSP verdict and error",
        params: Type.Object({ merchant_id: Type.String({ minLength: 1, maxLength: 128 }) }),
        querystring: FeedEventQuery,
        response: { 200: FeedEventList, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const merchant = await getMerchant(db, principal.tenantId, request.params.merchant_id);
      const limit = Math.min(1000, Math.max(1, Number(request.query.limit ?? 100)));
      const rows = await listInbox(db, principal.tenantId, merchant.merchantId, { status: request.query.status, txId: request.query.tx_id, limit });
      const iso = (value: Date | null) => (value === null ? null : new Date(value).toISOString());
      return {
        items: rows.map((row) => {
          const verdict = (typeof row.psp_verdict === 'string' ? JSON.parse(row.psp_verdict) : row.psp_verdict) as PspVerdict | null;
          const item = (typeof row.item === 'string' ? JSON.parse(row.item) : row.item) as FeedItem;
          const money = item.kind === 'transaction' ? { amount: item.transaction.amount, currency: item.transaction.currency } : item.kind === 'label' ? { amount: item.amount, currency: item.currency } : { amount: null, currency: null };
          return {
            id: row.id,
            psp: row.psp,
            event_id: row.event_id,
            event_type: row.event_type,
            event_time: new Date(row.event_time).toISOString(),
            kind: row.kind,
            tx_id: row.tx_id,
            ...money,
            status: row.status,
            decision_id: row.decision_id,
            psp_verdict: verdict === null ? null : { score: verdict.score, level: verdict.level, flagged: verdict.flagged },
            error: row.error,
            received_at: new Date(row.received_at).toISOString(),
            processed_at: iso(row.processed_at),
          };
        }),
      };
    },
  );
}
