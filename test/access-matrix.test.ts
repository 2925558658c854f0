import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { errorCodeOf, expectErrorShape, expectRouteErrorShape, fillPath, pathParameters, routeName, routesOf, tenantMarkers, type HarnessRoute } from './support/route-harness.js';
import { createMerchant, sentryMinimalRequest, type MerchantCredentials } from './support/merchants.js';
import { hashToken } from '../src/tenants/token.js';
import { roles, type Role } from '../src/contract/admin.js';
import { assertNever } from '../src/errors/errors.js';

/**
 * The access harness: every route of the server's route table (so a route added later is covered
 * without anyone listing it) must declare who may call it, answer each credential as declared
 * (none, unknown, revoked, expired, each role of tenant A), and never show tenant B's data to tenant A.
 */

/** A caller of the matrix: a header value (or none) and what it is. */
interface Caller {
  readonly name: string;
  readonly authorization: string | undefined;
  /** The role of a live token of tenant A; undefined for no, unknown, revoked or expired credentials. */
  readonly role: Role | undefined;
}

/** A caller of the merchant-key routes: headers, and whether they are merchant A's live key with A's id. */
interface MerchantCaller {
  readonly name: string;
  readonly headers: Record<string, string>;
  readonly valid: boolean;
}

const tenantB = 'tenant-b-isolation';
const bodyMethods = new Set(['POST', 'PUT', 'PATCH']);

describe('access matrix over every route', () => {
  let sentra: TestApp;
  let routes: HarnessRoute[];
  let callers: Caller[];
  let markers: Set<string>;
  let merchantCallers: MerchantCaller[];
  let merchantA: MerchantCredentials;
  const counts = new Map<string, number>();

  const call = async (route: HarnessRoute, authorization: string | undefined, url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> => {
    counts.set(routeName(route), (counts.get(routeName(route)) ?? 0) + 1);
    return sentra.app.inject({
      method: route.method as 'GET',
      url,
      headers: { ...(authorization === undefined ? {} : { authorization }), ...(bodyMethods.has(route.method) ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(bodyMethods.has(route.method) ? { payload: '{}' } : {}),
    });
  };

  beforeAll(async () => {
    // Every caller here comes from one address: the failed-authentication limit would answer 429.
    sentra = await startTestApp('pglite', { SENTRA_AUTH_FAILURE_LIMIT: '1000000' });
    routes = routesOf(sentra.app);
    const tokensB = new Map<Role, string>();
    for (const role of roles) tokensB.set(role, tokensB.size === 0 ? await sentra.addTenant(tenantB, role) : await sentra.addToken(tenantB, role));
    callers = [
      { name: 'no credential', authorization: undefined, role: undefined },
      { name: 'unknown token', authorization: 'Bearer sentra_unknown_token_0123456789abcdef0123456789', role: undefined },
      { name: 'malformed header', authorization: 'Basic dXNlcjpwYXNz', role: undefined },
    ];
    for (const role of roles) {
      callers.push({ name: `tenant A ${role}`, authorization: `Bearer ${role === 'admin' ? adminToken : await sentra.addToken('default', role)}`, role });
    }
    const revoked = await sentra.addToken('default', 'admin');
    await sentra.runtime.database.db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('token_hash', '=', hashToken(revoked)).execute();
    sentra.runtime.authenticator.forget();
    callers.push({ name: 'revoked admin token', authorization: `Bearer ${revoked}`, role: undefined });
    // An admin token issued with an expiry that has passed (its expiry is moved into the past, as time would).
    const expiring = await sentra.app.inject({ method: 'POST', url: '/v1/admin/tokens', headers: { authorization: `Bearer ${adminToken}` }, payload: { name: 'expired', role: 'admin', expires_at: new Date(Date.now() + 60_000).toISOString() } });
    const expired = (expiring.json() as { token: string }).token;
    await sentra.runtime.database.db.updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 1_000) }).where('token_hash', '=', hashToken(expired)).execute();
    sentra.runtime.authenticator.forget();
    callers.push({ name: 'expired admin token', authorization: `Bearer ${expired}`, role: undefined });
    // Tenant B's data: decisions whose identifiers appear nowhere in tenant A.
    const scorerB = tokensB.get('admin') ?? [...tokensB.values()][0]!;
    for (let index = 0; index < 3; index++) {
      const response = await sentra.app.inject({
        method: 'POST',
        url: '/v1/risk/score',
        headers: { authorization: `Bearer ${scorerB}` },
        payload: scoreBody({
          transaction: { tx_id: `b-secret-tx-${index}` },
          entities: { sender_entity_id: `b-secret-sender-${index}`, receiver_entity_id: 'b-secret-merchant', user_id: `b-secret-user-${index}` },
        }),
      });
      expect(response.statusCode).toBe(200);
    }
    // Merchants: A (the admitted one), A2 of the same tenant, a revoked key of A, and tenant B's merchant.
    merchantA = await createMerchant(sentra.app, adminToken, {}, '100');
    const merchantA2 = await createMerchant(sentra.app, adminToken, {}, '100');
    const revokedKey = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchantA.merchantId}/keys`, headers: { authorization: `Bearer ${adminToken}` }, payload: {} });
    const revokedApiKey = (revokedKey.json() as { key_id: string; api_key: string });
    await sentra.app.inject({ method: 'DELETE', url: `/v1/admin/merchants/${merchantA.merchantId}/keys/${revokedApiKey.key_id}`, headers: { authorization: `Bearer ${adminToken}` } });
    const expiringKey = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchantA.merchantId}/keys`, headers: { authorization: `Bearer ${adminToken}` }, payload: { expires_at: new Date(Date.now() + 60_000).toISOString() } });
    const expiredApiKey = expiringKey.json() as { key_id: string; api_key: string };
    await sentra.runtime.database.db.updateTable('merchant_keys').set({ expires_at: new Date(Date.now() - 1_000) }).where('id', '=', expiredApiKey.key_id).execute();
    const merchantB = await createMerchant(sentra.app, scorerB, { name: 'b-secret-shop' }, '100');
    for (let index = 0; index < 2; index++) {
      const body = { ...sentryMinimalRequest(), account: { userId: `b-secret-account-${index}` }, event: { transactionId: `b-secret-sentry-${index}` } };
      const response = await sentra.app.inject({ method: 'POST', url: '/api/v1/sentry', headers: merchantB.headers, payload: body });
      expect(response.statusCode, response.body).toBe(200);
    }
    merchantCallers = [
      { name: 'no merchant headers', headers: {}, valid: false },
      { name: 'key without merchant id', headers: { 'x-api-key': merchantA.apiKey }, valid: false },
      { name: 'unknown key', headers: { 'x-api-key': 'smk_unknown_0123456789abcdef0123456789', 'x-merchant-id': merchantA.merchantId }, valid: false },
      { name: "merchant A's key with merchant A2's id", headers: { ...merchantA.headers, 'x-merchant-id': merchantA2.merchantId }, valid: false },
      { name: "tenant B's key with merchant A's id", headers: { ...merchantB.headers, 'x-merchant-id': merchantA.merchantId }, valid: false },
      { name: 'revoked key of merchant A', headers: { 'x-api-key': revokedApiKey.api_key, 'x-merchant-id': merchantA.merchantId }, valid: false },
      { name: 'expired key of merchant A', headers: { 'x-api-key': expiredApiKey.api_key, 'x-merchant-id': merchantA.merchantId }, valid: false },
      { name: "merchant A's live key", headers: merchantA.headers, valid: true },
    ];
    markers = await tenantMarkers(sentra.runtime.database.db, tenantB);
  }, 120_000);

  afterAll(async () => {
    const report = [...counts.entries()].map(([route, requests]) => `${requests.toString().padStart(5)}  ${route}`).join('\n');
    console.info(`access matrix: ${counts.size} routes, ${[...counts.values()].reduce((a, b) => a + b, 0)} requests\n${report}`);
    await sentra.close();
  });

  it('finds the routes of the server and a declared access rule on every one', () => {
    expect(routes.length).toBeGreaterThan(5);
    const undeclared = routes.filter((route) => route.access === undefined).map(routeName);
    expect(undeclared, 'routes without an access rule: declare one (see docs/contributing.md, "Route access")').toEqual([]);
  });

  it('documents each route in OpenAPI with the security its access rule needs', async () => {
    const document = (await sentra.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown }>>;
    };
    for (const route of routes.filter((candidate) => !candidate.hidden && !candidate.url.startsWith('/docs'))) {
      const operation = document.paths[route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(operation, `${routeName(route)} is in /openapi.json`).toBeDefined();
      const access = route.access!;
      switch (access.kind) {
        case 'public':
          expect(operation!.security, `${routeName(route)} needs no token`).toEqual([]);
          break;
        case 'token':
          expect(operation!.security, `${routeName(route)} needs a bearer token`).toEqual([{ bearer: [] }]);
          break;
        case 'merchant-key':
          expect(operation!.security, `${routeName(route)} needs a merchant key and id`).toEqual([{ merchantKey: [], merchantId: [] }]);
          break;
        case 'signature':
          expect(operation!.security, `${routeName(route)} is authenticated by its body's signature, not a header scheme`).toEqual([]);
          break;
        default:
          assertNever(access, 'route access');
      }
    }
  });

  it('answers every caller of every route as its access rule says, with a documented status', async () => {
    for (const route of routes) {
      const access = route.access!;
      for (const caller of callers) {
        const response = await call(route, caller.authorization, fillPath(route.url, {}, 'x-unknown'));
        const where = `${routeName(route)} as ${caller.name} → ${response.statusCode}`;
        expect(response.statusCode, where).toBeLessThan(500);
        if (route.documented !== undefined) expect(route.documented, `${where}: status not in the route's response schema`).toContain(response.statusCode);
        switch (access.kind) {
          case 'public':
            expect([401, 403], where).not.toContain(response.statusCode);
            break;
          case 'token': {
            const expected = caller.role === undefined ? 401 : access.roles.includes(caller.role) ? undefined : 403;
            if (expected === undefined) expect([401, 403], where).not.toContain(response.statusCode);
            else {
              expect(response.statusCode, where).toBe(expected);
              expectErrorShape(response, where);
              expect(response.json().error.code, where).toBe(expected === 401 ? 'SENTRA_ERR_UNAUTHENTICATED' : 'SENTRA_ERR_FORBIDDEN');
            }
            break;
          }
          case 'merchant-key':
          case 'signature':
            // A bearer token is no merchant credential and no webhook signature, whatever its role.
            expect(response.statusCode, where).toBe(401);
            expectRouteErrorShape(route, response, where);
            expect(errorCodeOf(response), where).toBe('SENTRA_ERR_UNAUTHENTICATED');
            break;
          default:
            assertNever(access, 'route access');
        }
      }
    }
  }, 300_000);

  it('admits only the live key of the merchant named by X-Merchant-Id on the merchant routes, in their own error shape', async () => {
    const merchantRoutes = routes.filter((route) => route.access?.kind === 'merchant-key');
    expect(merchantRoutes.length).toBeGreaterThan(0);
    for (const route of merchantRoutes) {
      for (const caller of merchantCallers) {
        const response = await call(route, undefined, fillPath(route.url, {}, 'x-unknown'), caller.headers);
        const where = `${routeName(route)} as ${caller.name} → ${response.statusCode}`;
        expect(response.statusCode, where).toBeLessThan(500);
        if (route.documented !== undefined) expect(route.documented, `${where}: status not in the route's response schema`).toContain(response.statusCode);
        if (caller.valid) expect([401, 403], where).not.toContain(response.statusCode);
        else {
          expect(response.statusCode, where).toBe(401);
          expectRouteErrorShape(route, response, where);
          expect(errorCodeOf(response), where).toBe('SENTRA_ERR_UNAUTHENTICATED');
        }
      }
    }
  });

  it("never shows tenant B's data to tenant A, whatever identifier, query or header A sends", async () => {
    expect(markers.size).toBeGreaterThan(5);
    const tenantCallers = callers.filter((caller) => caller.role !== undefined);
    for (const route of routes) {
      const access = route.access!;
      const admitted =
        access.kind === 'public'
          ? [{ caller: callers[0]!, headers: {} }]
          : access.kind === 'merchant-key'
            ? [{ caller: { name: "merchant A's key", authorization: undefined, role: undefined }, headers: merchantA.headers }]
            : access.kind === 'signature'
              ? []
              : tenantCallers.filter((caller) => access.roles.includes(caller.role!)).map((caller) => ({ caller, headers: {} }));
      const parameters = pathParameters(route.url);
      const attempts: { url: string; sent: string | undefined }[] = [
        { url: `${fillPath(route.url, {}, 'x-unknown')}?tenant_id=${tenantB}&tenant=${tenantB}`, sent: undefined },
      ];
      if (parameters.length > 0) for (const marker of markers) attempts.push({ url: fillPath(route.url, {}, marker), sent: marker });
      for (const { caller, headers } of admitted) {
        for (const attempt of attempts) {
          const response = await call(route, caller.authorization, attempt.url, { 'x-tenant-id': tenantB, ...headers });
          const where = `${routeName(route)} as ${caller.name} with ${attempt.url} → ${response.statusCode}`;
          expect(response.statusCode, where).toBeLessThan(500);
          // A 404 may echo the URL it was sent; only identifiers the caller did not send are a leak.
          const shown = [...markers].filter((marker) => !attempt.url.includes(encodeURIComponent(marker)) && response.body.includes(marker));
          expect(shown, `${where} shows tenant B's identifiers`).toEqual([]);
          // A public route holds no tenant data (the console page answers any of its paths); a tenant route must not find B's id.
          if (attempt.sent !== undefined && access.kind !== 'public') expect(response.statusCode >= 200 && response.statusCode < 300, `${where}: tenant B's ${attempt.sent} answered as if it were A's`).toBe(false);
        }
      }
    }
  }, 300_000);
});
