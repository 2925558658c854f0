import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { accessOf, markRoutesPublic, publicAccess, type RouteAccess } from './route-access.js';
import { assertNever } from '../errors/errors.js';

/** The OpenAPI security requirement of an access rule. */
export function securityOf(access: RouteAccess): Record<string, string[]>[] {
  switch (access.kind) {
    case 'public':
      return [];
    case 'token':
      return [{ bearer: [] }];
    case 'merchant-key':
      return [{ merchantKey: [], merchantId: [] }];
    case 'signature':
      // The credential is a signature of the body (documented on each receiver), not a header scheme.
      return [];
    default:
      return assertNever(access, 'route access');
  }
}

/**
 * Registers the OpenAPI document (`/openapi.json`) and the API reference page (`/docs`). Each
 * operation's `security` comes from the route's declared access, so a public route (health,
 * metrics) is never documented as needing a token.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    transform: ({ schema, url, route }) => {
      const access = accessOf(route);
      if (schema === undefined || access === undefined) return { schema, url };
      return { schema: { ...schema, security: securityOf(access) }, url };
    },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sentra API',
        version,
        description:
          'Real-time payment risk scoring. Every contract (risk score, events, confidence, pipeline) is a front door to one engine. Errors share one body: `{ error: { code, message, request_id, details: [{ code, path, message }] } }`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token (service, analyst or admin role).' },
          merchantKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: "A merchant's API key (issued by POST /v1/admin/merchants/{merchant_id}/keys)." },
          merchantId: { type: 'apiKey', in: 'header', name: 'X-Merchant-Id', description: 'The id of the merchant the key belongs to.' },
        },
      },
      security: [{ bearer: [] }],
      tags: [
        { name: 'scoring', description: 'Score payments and read stored decisions' },
        { name: 'cases', description: 'The case queue and analyst actions (analyst or admin role)' },
        { name: 'admin', description: 'Tenant administration (admin role)' },
        { name: 'audit', description: 'Verify and export the tamper-evident audit chain (admin role)' },
        { name: 'merchants', description: 'Merchant front doors (event and confidence APIs, X-Api-Key + X-Merchant-Id) and their administration' },
        { name: 'feeds', description: "PSP webhook receivers (signed by the PSP with the merchant's feed secret) and the generic JSONL feed" },
        { name: 'operations', description: 'Health, readiness, metrics' },
      ],
    },
  });
  await app.register(async (scope) => {
    markRoutesPublic(scope);
    await scope.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  });
  app.get('/openapi.json', { schema: { hide: true }, config: { access: publicAccess } }, () => app.swagger());
}
