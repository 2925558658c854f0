import Fastify from 'fastify';

/**
 * The reference point of the load benchmark: a bare Fastify route that parses the same JSON body
 * and answers a small JSON object, with no validation, scoring or persistence.
 */
const app = Fastify({ logger: false });
app.post('/bare', async (request) => ({ ok: true, size: JSON.stringify(request.body).length }));
app.get('/healthz', () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
