import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

/** Registers the OpenAPI document (`/openapi.json`) and the API reference page (`/docs`). */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sentra API',
        version,
        description:
          'Real-time payment risk scoring. Every contract (risk score, events, confidence, pipeline) is a front door to one engine. Errors share one body: `{ error: { code, message, request_id, details: [{ code, path, message }] } }`.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token (analyst or admin role).' } },
      },
      security: [{ bearer: [] }],
      tags: [
        { name: 'scoring', description: 'Score payments and read stored decisions' },
        { name: 'admin', description: 'Tenant administration (admin role)' },
        { name: 'operations', description: 'Health, readiness, metrics' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
