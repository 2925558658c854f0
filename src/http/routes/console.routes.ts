import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { consoleSecurityHeaders, documentCache, immutableAssetCache } from '../console-headers.js';
import { markRoutesPublic } from '../route-access.js';

/**
 * The client-side paths of the console. Each answers with the single page, which then routes in the
 * browser; every other unknown path keeps the API's JSON 404, so a mistyped API call is never
 * answered with HTML.
 */
export const consolePaths = ['/', '/sign-in', '/manual-score', '/decisions', '/decisions/*', '/cases', '/cases/*', '/admin', '/admin/*'] as const;

/** Where `vite build` writes the console, relative to this file in both src/ and dist/. */
export const defaultConsoleRoot = new URL('../../../console/dist/', import.meta.url);

/**
 * Serves the built console from `/`: hashed assets under `/assets/` cached as immutable, the page
 * itself revalidated on every load, both with the console's security headers. Returns false (and
 * serves nothing) when the console has not been built.
 */
export async function registerConsoleRoutes(app: FastifyInstance, root: URL = defaultConsoleRoot): Promise<boolean> {
  const rootPath = root.pathname;
  const indexPath = join(rootPath, 'index.html');
  if (!existsSync(indexPath)) return false;
  const page = readFileSync(indexPath);
  const pageTag = `"${createHash('sha256').update(page).digest('base64url').slice(0, 27)}"`;
  await app.register(async (scope) => {
    // The page and its assets are public; the API calls the page makes carry the token.
    markRoutesPublic(scope);
    scope.addHook('onSend', async (_request, reply, payload) => {
      void reply.headers(consoleSecurityHeaders);
      return payload;
    });
    await scope.register(fastifyStatic, {
      root: join(rootPath, 'assets'),
      prefix: '/assets/',
      index: false,
      wildcard: true,
      cacheControl: false,
      preCompressed: true,
      schemaHide: true,
      setHeaders: (reply) => void reply.header('cache-control', immutableAssetCache),
    });
    for (const path of consolePaths) {
      scope.get(path, { schema: { hide: true } }, (request, reply) => {
        void reply.header('cache-control', documentCache).header('etag', pageTag).type('text/html; charset=utf-8');
        if (request.headers['if-none-match'] === pageTag) return reply.status(304).send();
        return reply.send(page);
      });
    }
  });
  return true;
}
