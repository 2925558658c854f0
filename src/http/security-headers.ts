import type { FastifyInstance } from 'fastify';

/**
 * Headers on every API answer. A JSON body is never a document to render or frame, so it gets a
 * CSP that allows nothing; pages with their own policy (the console, the API reference) set theirs
 * in their own scope, whose hooks run after this one and win.
 */
export const apiSecurityHeaders: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
});

/**
 * Adds {@link apiSecurityHeaders} to every response. There is deliberately no CORS support: no
 * `Access-Control-Allow-*` header is ever sent, so a browser page of another origin cannot read an
 * answer even when it holds a token (the console is served from the API's own origin).
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.headers(apiSecurityHeaders);
    return payload;
  });
}
