import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../observability/metrics.js';
import { publicAccess } from '../route-access.js';

/** Prometheus exposition at `/metrics`, and the per-route latency hook that feeds it. */
export function registerMetricsRoutes(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ route, method: request.method, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { access: publicAccess }, schema: { tags: ['operations'], summary: 'Prometheus metrics', hide: false } }, async (_request, reply) => {
    void reply.header('content-type', metrics.registry.contentType);
    return metrics.exposition();
  });
}
