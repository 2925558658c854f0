import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { arbitraryFromSchema, type JsonSchema } from './support/schema-arbitrary.js';
import { hostileRawBodies, hostileValue, injectionStrings, unicodeEdgeCases } from './support/hostile-input.js';
import { databaseFingerprint, expectRouteErrorShape, fillPath, pathParameters, resetFingerprintTables, routeName, routesOf, tenantMarkers, type HarnessRoute } from './support/route-harness.js';
import { scoreBody } from './support/score-body.js';
import { roles, type Role } from '../src/contract/admin.js';
import { assertNever } from '../src/errors/errors.js';
import { createMerchant, type MerchantCredentials } from './support/merchants.js';

/**
 * The fuzz harness: every route and method of the server's route table gets schema-generated
 * requests and hostile mutations of them. No request may get a 5xx; every 4xx must be the one
 * error body with a catalogue code; a rejected request must leave every table's row count and
 * every audit chain head as they were. SENTRA_FUZZ_RUNS sets the generated requests per route.
 */

const runsPerRoute = Number(process.env.SENTRA_FUZZ_RUNS ?? 150);
const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const bodyLimitBytes = 64 * 1024;

/** One request the fuzzer sends. */
interface FuzzRequest {
  readonly kind: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly payload?: string | Buffer;
}

/** Replaces, deletes or adds a value at a random place of a JSON document (objects and arrays). */
function mutateDocument(document: unknown, choices: number[], action: 'delete' | 'replace' | 'add' | 'pollute', value: unknown): unknown {
  const copy = structuredClone(document);
  if (typeof copy !== 'object' || copy === null) return value;
  let node = copy as Record<string, unknown>;
  for (const choice of choices) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[choice % keys.length]!;
    const child = node[key];
    if (typeof child !== 'object' || child === null || Math.random() < 0.3) {
      if (action === 'delete') delete node[key];
      else if (action === 'replace') node[key] = value;
      else if (action === 'add') node[`extra_${choice}`] = value;
      else Object.defineProperty(node, choices[0]! % 2 === 0 ? '__proto__' : 'constructor', { value: { polluted: 'yes', prototype: { polluted: 'yes' } }, enumerable: true });
      return copy;
    }
    node = child as Record<string, unknown>;
  }
  if (action === 'add' || action === 'pollute') node.__proto__extra = value;
  return copy;
}

const pathValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...injectionStrings, ...unicodeEdgeCases.filter((text) => !/[\ud800-\udfff]/.test(text) || text.length > 1)),
  fc.constantFrom('', ' ', '.', '..', '%', '%2e%2e', 'a'.repeat(5_000), '0', '-1', 'null', 'undefined', '9'.repeat(40)),
  fc.string({ maxLength: 40 }),
);

/**
 * The generated requests for one route: schema-valid ones, mutated ones, hostile raw bodies, odd
 * paths, queries and headers. A valid path parameter is three times out of four one of `existing`
 * (identifiers and names of the tenant's stored resources), so the code behind a found resource is
 * fuzzed too, not only the not-found answer.
 */
function requestsFor(route: HarnessRoute, authorization: Record<string, string>, seed: number, existing: readonly string[]): FuzzRequest[] {
  const parameters = pathParameters(route.url);
  const paramSchemas = (route.params?.properties ?? {}) as Record<string, JsonSchema>;
  const generatedParam = (name: string) => (paramSchemas[name] === undefined ? fc.string({ minLength: 1, maxLength: 20 }) : arbitraryFromSchema(paramSchemas[name]).map(String));
  const validParams = fc.record(Object.fromEntries(parameters.map((name) => [name, existing.length === 0 ? generatedParam(name) : fc.oneof({ arbitrary: generatedParam(name), weight: 1 }, { arbitrary: fc.constantFrom(...existing), weight: 3 })])));
  const anyParams = fc.oneof(validParams, fc.record(Object.fromEntries(parameters.map((name) => [name, pathValue]))));
  const query = fc.oneof(
    route.querystring === undefined ? fc.constant({}) : arbitraryFromSchema(route.querystring).map((value) => value as Record<string, unknown>),
    fc.dictionary(fc.constantFrom('limit', 'offset', 'cursor', 'tenant_id', '__proto__[polluted]', 'constructor[prototype][polluted]', 'a[b][c]', 'sort'), hostileValue.map((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)))), { maxKeys: 3 }),
  );
  const toQuery = (values: Record<string, unknown>) => {
    const pairs = Object.entries(values).map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : (JSON.stringify(value) ?? '')]);
    const text = new URLSearchParams(pairs).toString();
    return text === '' ? '' : `?${text}`;
  };
  const hasBody = bodyMethods.has(route.method) && route.body !== undefined;
  const json = { 'content-type': 'application/json' };
  const validBody = hasBody ? arbitraryFromSchema(route.body) : fc.constant(undefined);
  const generated = fc.oneof(
    fc.record({ params: validParams, query, body: validBody }).map(({ params, query: values, body }) => ({
      kind: 'schema-valid',
      url: fillPath(route.url, params) + toQuery(values),
      headers: { ...authorization, ...(hasBody ? json : {}) },
      ...(hasBody ? { payload: JSON.stringify(body) } : {}),
    })),
    fc
      .record({
        params: anyParams,
        body: validBody,
        choices: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        action: fc.constantFrom('delete' as const, 'replace' as const, 'replace' as const, 'add' as const, 'pollute' as const),
        value: hostileValue,
      })
      .map(({ params, body, choices, action, value }) => ({
        kind: `mutated-${action}`,
        url: fillPath(route.url, params),
        headers: { ...authorization, ...json },
        payload: JSON.stringify(mutateDocument(body ?? {}, choices, action, value)) ?? 'null',
      })),
    fc.record({ params: anyParams, query, header: fc.constantFrom('x-forwarded-for', 'accept', 'accept-language', 'x-request-id', 'user-agent', 'cookie'), value: fc.constantFrom('x'.repeat(12_000), '\u00ff\u00fe', '1.1.1.1, 10.0.0.1', '*/*;q=abc') }).map(({ params, query: values, header, value }) => ({
      kind: 'odd-path-query-header',
      url: fillPath(route.url, params) + toQuery(values),
      headers: { ...authorization, [header]: value },
    })),
  );
  const requests: FuzzRequest[] = fc.sample(generated, { numRuns: runsPerRoute, seed });
  for (const raw of hostileRawBodies(bodyLimitBytes)) {
    requests.push({
      kind: `raw-${raw.name}`,
      url: fillPath(route.url, {}, 'x'),
      headers: { ...authorization, ...(raw.contentType === undefined ? {} : { 'content-type': raw.contentType }) },
      payload: raw.payload,
    });
  }
  return requests;
}

/**
 * Stores one resource of each kind the routes address by identifier (a decision with its case, a
 * shadow rule, a list, a webhook endpoint, a token and a merchant key the fuzzer may revoke) and
 * answers every identifier and name of the tenant's rows, except the credentials the fuzzer itself
 * calls with, so no request revokes them.
 */
async function existingResources(sentra: TestApp, merchant: MerchantCredentials): Promise<string[]> {
  const db = sentra.runtime.database.db;
  const own = new Set([merchant.keyId, ...(await db.selectFrom('api_tokens').select('id').execute()).map((row) => row.id)]);
  const admin = { authorization: `Bearer ${adminToken}` };
  const created = await Promise.all([
    sentra.app.inject({ method: 'POST', url: '/v1/risk/score?save_as_case=true', headers: admin, payload: scoreBody({ kyc_refs: [{ entity_id: 'cust-1001', text_blob: 'Certificate of incorporation' }] }) }),
    sentra.app.inject({ method: 'POST', url: '/v1/rules', headers: admin, payload: { name: 'fuzzed rule', expression: 'tx.amount > 100', action: 'REVIEW', mode: 'shadow' } }),
    sentra.app.inject({ method: 'POST', url: '/v1/lists', headers: admin, payload: { name: 'fuzzed_list', kind: 'entity_id' } }),
    sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks`, headers: admin, payload: { url: 'https://hooks.example.com/hook', events: ['decision.created'] } }),
    sentra.app.inject({ method: 'POST', url: '/v1/admin/tokens', headers: admin, payload: { name: 'revocable', role: 'analyst' } }),
    sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/keys`, headers: admin, payload: { name: 'revocable' } }),
  ]);
  for (const response of created) expect(response.statusCode, response.body).toBeLessThan(300);
  const identifiers = [...(await tenantMarkers(db, 'default'))].filter((value) => !own.has(value) && value !== 'default');
  const names = (await db.selectFrom('rule_lists').select('name').execute()).map((row) => row.name);
  return [...new Set([...identifiers, ...names, 'stripe'])].sort();
}

/** The authorization header of the most privileged role a route admits (none for a public route). */
function authorizationFor(route: HarnessRoute, tokens: ReadonlyMap<Role, string>, merchant: MerchantCredentials): Record<string, string> {
  const access = route.access;
  if (access === undefined) throw new Error(`${routeName(route)} declares no access (see test/access-matrix.test.ts)`);
  switch (access.kind) {
    case 'public':
      return {};
    case 'token': {
      const role = access.roles.includes('admin') ? 'admin' : access.roles[0]!;
      return { authorization: `Bearer ${tokens.get(role)}` };
    }
    case 'merchant-key':
      return merchant.headers;
    case 'signature':
      // Unsigned: every fuzzed request must be refused with 401 and write nothing.
      return {};
    default:
      return assertNever(access, 'route access');
  }
}

describe('fuzzing every route', () => {
  let sentra: TestApp;
  const report = new Map<string, Map<number, number>>();

  beforeAll(async () => {
    resetFingerprintTables();
    // The job runner is off: it writes enrichment results in the background, on its own schedule, which
    // the row-count check below would take for a write of the rejected request.
    sentra = await startTestApp('pglite', { SENTRA_AUTH_FAILURE_LIMIT: '1000000', SENTRA_BODY_LIMIT: String(bodyLimitBytes), SENTRA_WORKER: 'off' });
  });

  afterAll(async () => {
    const lines = [...report.entries()].map(([route, statuses]) => {
      const total = [...statuses.values()].reduce((sum, count) => sum + count, 0);
      const byStatus = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ');
      return `${total.toString().padStart(6)}  ${route.padEnd(44)} ${byStatus}`;
    });
    const total = [...report.values()].flatMap((statuses) => [...statuses.values()]).reduce((sum, count) => sum + count, 0);
    console.info(`route fuzz: ${report.size} routes, ${total} requests (SENTRA_FUZZ_RUNS=${runsPerRoute})\n${lines.join('\n')}`);
    await sentra.close();
  });

  it('answers every generated and hostile request without a 5xx, in the error shape, and writes nothing when it rejects', async () => {
    const tokens = new Map<Role, string>();
    for (const role of roles) tokens.set(role, role === 'admin' ? adminToken : await sentra.addToken('default', role));
    // A merchant whose balance covers every billable call the fuzzer makes.
    const merchant = await createMerchant(sentra.app, adminToken, {}, '100000');
    const existing = await existingResources(sentra, merchant);
    expect(existing.length).toBeGreaterThan(8);
    console.info(`route fuzz: ${existing.length} stored identifiers and names used as path parameters`);
    const routes = routesOf(sentra.app);
    expect(routes.length).toBeGreaterThan(5);
    const db = sentra.runtime.database.db;
    let fingerprint = await databaseFingerprint(db);
    for (const [index, route] of routes.entries()) {
      const statuses = new Map<number, number>();
      report.set(routeName(route), statuses);
      for (const request of requestsFor(route, authorizationFor(route, tokens, merchant), 1000 + index, existing)) {
        let response: LightMyRequestResponse;
        try {
          response = await sentra.app.inject({ method: route.method as 'GET', url: request.url, headers: request.headers, ...(request.payload === undefined ? {} : { payload: request.payload }) });
        } catch (error) {
          // The injector itself refuses some inputs (an invalid header value): nothing reached the server.
          if (error instanceof TypeError) continue;
          throw error;
        }
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        const where = `${routeName(route)} ${request.kind} ${request.url.slice(0, 120)} → ${response.statusCode} ${response.body.slice(0, 300)}`;
        expect(response.statusCode, where).toBeLessThan(500);
        const after = await databaseFingerprint(db);
        if (response.statusCode >= 400) {
          expectRouteErrorShape(route, response, where);
          expect(after, `${where}: a rejected request wrote`).toBe(fingerprint);
        }
        fingerprint = after;
      }
    }
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype was polluted').toBeUndefined();
  }, 900_000);

  it('answers an oversized header block on a real socket with 431 and keeps serving', async () => {
    await sentra.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = sentra.app.server.address() as { port: number };
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(`GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`));
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
      socket.on('close', () => resolve(received));
      socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve(received) : reject(error)));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431/);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});
