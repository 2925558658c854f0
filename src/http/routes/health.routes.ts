import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { publicAccess } from '../route-access.js';

/** What readiness depends on. */
export interface ReadinessProbe {
  /** Resolves true when the database answers within its deadline. */
  databaseReachable(): Promise<boolean>;
  /** True when a model is loaded for every tenant that scores. */
  modelLoaded(): boolean;
  /** True once the embedded database stopped for good: the process can no longer serve. */
  databaseLost(): boolean;
}

const Check = Type.Object({ status: Type.String(), checks: Type.Record(Type.String(), Type.Boolean()) });

/** `/healthz` (the process answers) and `/readyz` (database reachable and model loaded). */
export function registerHealthRoutes(app: FastifyInstance, probe: ReadinessProbe): void {
  app.get(
    '/healthz',
    { config: { access: publicAccess }, schema: { tags: ['operations'], summary: 'Liveness: the process answers and its database is not lost', response: { 200: Check, 503: Check } } },
    (_request, reply) => {
      const alive = !probe.databaseLost();
      if (!alive) void reply.status(503);
      return { status: alive ? 'ok' : 'dead', checks: { process: true, database_alive: alive } };
    },
  );
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
