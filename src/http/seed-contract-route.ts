import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static, TSchema } from '@sinclair/typebox';
import { requireMerchantKey, type MerchantAuthOptions } from './merchant-auth.js';
import { sendSentryError, type SeedResultField } from './sentry-error.js';

/** One route of the seed 002 contracts (the confidence API, the pipeline). */
export interface SeedContractRoute<Body extends TSchema> {
  url: string;
  /** The answer's result field (null in an error answer). */
  resultField: SeedResultField;
  summary: string;
  body: Body;
  /** The answer's schema, for every status: success and errors share one shape. */
  answer: TSchema;
}

const statuses = [200, 400, 401, 402, 413, 415, 429, 503] as const;

/**
 * Registers a seed 002 route: merchant-key authentication and rate limit, load shedding, the body
 * limit, and every answer (errors included: `isSuccess: false`, the result field null, `errors`)
 * in the contract's shape.
 */
export async function registerSeedContractRoute<Body extends TSchema>(
  app: FastifyInstance,
  auth: MerchantAuthOptions,
  bodyLimitBytes: number,
  route: SeedContractRoute<Body>,
  handler: (request: FastifyRequest<{ Body: Static<Body> }>, reply: FastifyReply) => Promise<unknown>,
): Promise<void> {
  await app.register(async (scope) => {
    scope.setErrorHandler((error, request, reply) => sendSentryError(request, reply, error, route.resultField));
    scope.post<{ Body: Static<Body> }>(
      route.url,
      {
        onRequest: requireMerchantKey(auth, route.resultField === 'sentryResponse' ? 'sentry' : 'pipeline'),
        config: { shed: true },
        bodyLimit: bodyLimitBytes,
        schema: { tags: ['merchants'], summary: route.summary, body: route.body, response: Object.fromEntries(statuses.map((status) => [status, route.answer])) },
      },
      handler,
    );
  });
}
