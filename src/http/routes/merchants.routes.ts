import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { Database } from '../../platform/database-schema.js';
import type { Clock } from '../../platform/clock.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import { ErrorResponse } from '../../contract/error-response.js';
import {
  BalanceView,
  CreateMerchantBody,
  CreateMerchantKeyBody,
  IssuedMerchantKeyView,
  MerchantKeyList,
  MerchantList,
  MerchantView,
  TopUpBody,
  UpdateMerchantBody,
  UsageQuery,
  UsageReport,
} from '../../contract/merchant-admin.js';
import { ValidationError } from '../../errors/errors.js';
import { createMerchant, getMerchant, listMerchants, updateMerchant, type Merchant, type MerchantSettings } from '../../merchants/merchant.repository.js';
import { issueMerchantKey, listMerchantKeys, revokeMerchantKey } from '../../merchants/merchant-keys.js';
import { topUp, usageLines, usageTotals } from '../../merchants/billing.repository.js';
import { toUnits, unitsToDecimal } from '../../merchants/money.js';
import type { MerchantAuthenticator } from '../../merchants/merchant-authenticator.js';
import { usageCsv } from '../../merchants/usage-csv.js';
import { isAssignedCountry } from '../../merchants/iso-countries.js';
import { principalOf, requireRole } from '../auth.js';
import { credentialExpiry } from '../../tenants/credential-expiry.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const MerchantParams = Type.Object({ merchant_id: Type.String({ minLength: 1, maxLength: 128 }) });
const KeyParams = Type.Object({ merchant_id: Type.String({ minLength: 1, maxLength: 128 }), key_id: Type.String({ minLength: 1, maxLength: 128 }) });
const maxUsageLines = 10_000;
const iso = (value: Date | null) => value?.toISOString() ?? null;

/** The admin view of a merchant. */
export function merchantView(merchant: Merchant) {
  return {
    merchant_id: merchant.merchantId,
    name: merchant.name,
    mode: merchant.mode,
    currency: merchant.currency,
    balance: unitsToDecimal(merchant.balanceUnits),
    overdraft: unitsToDecimal(merchant.overdraftUnits),
    fees: { SENTRY: unitsToDecimal(merchant.fees.SENTRY), EVENTS: unitsToDecimal(merchant.fees.EVENTS), PIPELINE: unitsToDecimal(merchant.fees.PIPELINE) },
    thresholds: merchant.thresholds === null ? null : { challenge_at: merchant.thresholds.challengeAt, review_at: merchant.thresholds.reviewAt, deny_at: merchant.thresholds.denyAt },
    rate_limit_per_second: merchant.rateLimitPerSecond,
    country: merchant.country,
    created_at: merchant.createdAt.toISOString(),
    updated_at: merchant.updatedAt.toISOString(),
  };
}

/** Settings of a create or update body, money as units; lists every problem the schema cannot see. */
function settingsOf(body: UpdateMerchantBody): MerchantSettings {
  const thresholds = body.thresholds;
  if (thresholds !== undefined && thresholds !== null && !(thresholds.challenge_at <= thresholds.review_at && thresholds.review_at <= thresholds.deny_at)) {
    throw new ValidationError([{ code: 'order', path: '/thresholds/review_at', message: 'thresholds must satisfy challenge_at ≤ review_at ≤ deny_at' }]);
  }
  if (typeof body.country === 'string' && !isAssignedCountry(body.country)) {
    throw new ValidationError([{ code: 'enum', path: '/country', message: `${body.country} is not an assigned ISO 3166-1 alpha-2 country code` }]);
  }
  const fees: Partial<Record<'SENTRY' | 'EVENTS' | 'PIPELINE', number>> = {};
  for (const [service, value] of Object.entries(body.fees ?? {}) as [keyof typeof fees, string][]) fees[service] = toUnits(value)!;
  return {
    name: body.name,
    mode: body.mode,
    currency: body.currency,
    overdraftUnits: body.overdraft === undefined ? undefined : toUnits(body.overdraft)!,
    fees: body.fees === undefined ? undefined : fees,
    thresholds: thresholds === undefined ? undefined : thresholds === null ? null : { challengeAt: thresholds.challenge_at, reviewAt: thresholds.review_at, denyAt: thresholds.deny_at },
    rateLimitPerSecond: body.rate_limit_per_second,
    country: body.country,
  };
}

function usageRange(query: UsageQuery, now: number): { from: Date; to: Date } {
  const to = query.to === undefined ? new Date(now) : new Date(query.to);
  const from = query.from === undefined ? new Date(to.getTime() - 30 * 86_400_000) : new Date(query.from);
  if (!(from.getTime() < to.getTime())) throw new ValidationError([{ code: 'order', path: '/querystring/from', message: 'from must be before to' }]);
  return { from, to };
}

/**
 * `/v1/admin/merchants`: merchants of the caller's tenant (admin role), their API keys (the secret
 * shown once), prepaid top-ups and usage (JSON or CSV). Another tenant's merchant is not found.
 */
export function registerMerchantRoutes(app: FastifyInstance, authenticator: Authenticator, merchantAuthenticator: MerchantAuthenticator, db: Kysely<Database>, clock: Clock): void {
  const admin = requireRole(authenticator, ['admin']);
  const act = (actor: string) => ({ actor, at: new Date(clock.now()) });
  app.post<{ Body: CreateMerchantBody }>(
    '/v1/admin/merchants',
    { onRequest: admin, schema: { tags: ['merchants'], summary: 'Create a merchant (balance 0; top it up before billable calls)', body: CreateMerchantBody, response: { 201: MerchantView, ...errors } } },
    async (request, reply) => {
      const principal = principalOf(request);
      const merchant = await createMerchant(db, principal.tenantId, { ...settingsOf(request.body), name: request.body.name }, act(principal.tokenId));
      void reply.status(201);
      return merchantView(merchant);
    },
  );
  app.get(
    '/v1/admin/merchants',
    { onRequest: admin, schema: { tags: ['merchants'], summary: "The tenant's merchants", response: { 200: MerchantList, ...errors } } },
    async (request) => ({ items: (await listMerchants(db, principalOf(request).tenantId)).map(merchantView) }),
  );
  app.get<{ Params: { merchant_id: string } }>(
    '/v1/admin/merchants/:merchant_id',
    { onRequest: admin, schema: { tags: ['merchants'], summary: 'One merchant with its balance', params: MerchantParams, response: { 200: MerchantView, 404: ErrorResponse, ...errors } } },
    async (request) => merchantView(await getMerchant(db, principalOf(request).tenantId, request.params.merchant_id)),
  );
  app.patch<{ Params: { merchant_id: string }; Body: UpdateMerchantBody }>(
    '/v1/admin/merchants/:merchant_id',
    {
      onRequest: admin,
      schema: { tags: ['merchants'], summary: 'Change name, mode, country, fees, overdraft, thresholds or rate limit', params: MerchantParams, body: UpdateMerchantBody, response: { 200: MerchantView, 404: ErrorResponse, 409: ErrorResponse, ...errors } },
    },
    async (request) => {
      const principal = principalOf(request);
      const merchant = await updateMerchant(db, principal.tenantId, request.params.merchant_id, settingsOf(request.body), act(principal.tokenId));
      merchantAuthenticator.forget();
      return merchantView(merchant);
    },
  );
  app.post<{ Params: { merchant_id: string }; Body: { name?: string; expires_at?: string } }>(
    '/v1/admin/merchants/:merchant_id/keys',
    {
      onRequest: admin,
      schema: { tags: ['merchants'], summary: 'Issue an API key; the secret is in this answer only', params: MerchantParams, body: CreateMerchantKeyBody, response: { 201: IssuedMerchantKeyView, 404: ErrorResponse, ...errors } },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const expiresAt = credentialExpiry(request.body.expires_at, clock.now(), '/expires_at');
      const issued = await issueMerchantKey(db, principal.tenantId, request.params.merchant_id, { name: request.body.name ?? 'API key', expiresAt }, act(principal.tokenId));
      void reply.status(201);
      return { key_id: issued.keyId, api_key: issued.apiKey, name: issued.name, created_at: issued.createdAt.toISOString(), expires_at: iso(issued.expiresAt) };
    },
  );
  app.get<{ Params: { merchant_id: string } }>(
    '/v1/admin/merchants/:merchant_id/keys',
    { onRequest: admin, schema: { tags: ['merchants'], summary: "The merchant's keys with their last use (never the secret)", params: MerchantParams, response: { 200: MerchantKeyList, 404: ErrorResponse, ...errors } } },
    async (request) => {
      const principal = principalOf(request);
      await getMerchant(db, principal.tenantId, request.params.merchant_id);
      const keys = await listMerchantKeys(db, principal.tenantId, request.params.merchant_id);
      return { items: keys.map((key) => ({ key_id: key.keyId, name: key.name, created_at: key.createdAt.toISOString(), last_used_at: iso(key.lastUsedAt), revoked_at: iso(key.revokedAt), expires_at: iso(key.expiresAt) })) };
    },
  );
  app.delete<{ Params: { merchant_id: string; key_id: string } }>(
    '/v1/admin/merchants/:merchant_id/keys/:key_id',
    { onRequest: admin, schema: { tags: ['merchants'], summary: 'Revoke a key: at once in this process, within 5 s in every other', params: KeyParams, response: { 204: Type.Null(), 404: ErrorResponse, ...errors } } },
    async (request, reply) => {
      const principal = principalOf(request);
      await revokeMerchantKey(db, principal.tenantId, request.params.merchant_id, request.params.key_id, act(principal.tokenId));
      merchantAuthenticator.forget();
      return reply.status(204).send();
    },
  );
  app.post<{ Params: { merchant_id: string }; Body: { amount: string } }>(
    '/v1/admin/merchants/:merchant_id/balance',
    { onRequest: admin, schema: { tags: ['merchants'], summary: 'Top up the prepaid balance', params: MerchantParams, body: TopUpBody, response: { 200: BalanceView, 404: ErrorResponse, ...errors } } },
    async (request) => {
      const principal = principalOf(request);
      const units = toUnits(request.body.amount)!;
      if (units <= 0) throw new ValidationError([{ code: 'range', path: '/amount', message: 'amount must be more than zero' }]);
      const balance = await topUp(db, principal.tenantId, request.params.merchant_id, units, act(principal.tokenId));
      return { merchant_id: request.params.merchant_id, currency: balance.currency, balance: unitsToDecimal(balance.balanceUnits) };
    },
  );
  app.get<{ Params: { merchant_id: string }; Querystring: UsageQuery }>(
    '/v1/admin/merchants/:merchant_id/usage',
    {
      onRequest: admin,
      schema: {
        tags: ['merchants'],
        summary: 'Usage lines and totals per service in a time range (JSON, or CSV with format=csv / Accept: text/csv)',
        params: MerchantParams,
        querystring: UsageQuery,
        response: { 200: { content: { 'application/json': { schema: UsageReport }, 'text/csv': { schema: Type.String() } } }, 404: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const merchant = await getMerchant(db, principal.tenantId, request.params.merchant_id);
      const { from, to } = usageRange(request.query, clock.now());
      const lines = await usageLines(db, principal.tenantId, merchant.merchantId, from, to, maxUsageLines + 1);
      const truncated = lines.length > maxUsageLines;
      const shown = lines.slice(0, maxUsageLines);
      if (request.query.format === 'csv' || (request.query.format === undefined && (request.headers.accept ?? '').includes('text/csv'))) {
        void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="usage-${merchant.merchantId}.csv"`);
        return usageCsv(merchant.currency, shown);
      }
      const totals = await usageTotals(db, principal.tenantId, merchant.merchantId, from, to);
      return {
        merchant_id: merchant.merchantId,
        currency: merchant.currency,
        from: from.toISOString(),
        to: to.toISOString(),
        balance: unitsToDecimal(merchant.balanceUnits),
        totals: totals.map((total) => ({ service: total.service, calls: total.calls, amount: unitsToDecimal(total.amountUnits) })),
        lines: shown.map((line) => ({
          usage_id: line.usageId,
          kind: line.kind,
          service: line.service,
          reference: line.reference,
          amount: unitsToDecimal(line.amountUnits),
          balance_after: unitsToDecimal(line.balanceAfterUnits),
          created_at: line.createdAt.toISOString(),
        })),
        truncated,
      };
    },
  );
}
