import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { publicAccess } from '../route-access.js';

/** What readiness depends on. */
export interface ReadinessProbe {
  /** Resolves true when the database answers within its deadline. */
  databaseReachable(): Promise<boolean>;
  /** True when a model is loaded for every tenant that scores. */
  modelLoaded(): boolean;
}

const Check = Type.Object({ status: Type.String(), checks: Type.Record(Type.String(), Type.Boolean()) });

/** `/healthz` (the process answers) and `/readyz` (database reachable and model loaded). */
export function registerHealthRoutes(app: FastifyInstance, probe: ReadinessProbe): void {
  app.get('/healthz', { config: { access: publicAccess }, schema: { tags: ['operations'], summary: 'Liveness: the process answers', response: { 200: Check } } }, () => ({
    status: 'ok',
    checks: { process: true },
  }));
  app.get(
    '/readyz',
    { config: { access: publicAccess }, schema: { tags: ['operations'], summary: 'Readiness: database reachable and model loaded', response: { 200: Check, 503: Check } } },
    async (_request, reply) => {
      const database = await probe.databaseReachable();
      const model = probe.modelLoaded();
      const ready = database && model;
      if (!ready) void reply.status(503).header('retry-after', '1');
      return { status: ready ? 'ready' : 'not_ready', checks: { database, model } };
    },
  );
}
