import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Role } from '../contract/admin.js';

/**
 * Who may call a route. Every route declares one (a route without it fails the access harness,
 * test/access-matrix.test.ts): either through its auth hook (`requireRole` declares itself) or
 * with `config: { access }` on the route.
 */
export type RouteAccess =
  /** Anyone, with no credential (health, metrics, the API reference). */
  | { readonly kind: 'public' }
  /** A live bearer token of the tenant carrying one of the roles. */
  | { readonly kind: 'token'; readonly roles: readonly Role[] }
  /**
   * A live API key of a merchant (`X-Api-Key`) sent with that merchant's id (`X-Merchant-Id`): the
   * event, confidence and pipeline APIs. `errorBody` names the error shape the route answers in:
   * `sentra` (the one error body), `sentry` (the confidence API's `isSuccess: false` + `errors`) or
   * `pipeline` (the same with `pipelineResponse: null`).
   */
  | { readonly kind: 'merchant-key'; readonly errorBody: MerchantErrorBody }
  /**
   * A PSP webhook: no credential header, the body's signature under the merchant's feed secret
   * (Stripe-Signature, Adyen's per-item HMAC, Cko-Signature) is the credential; without a valid
   * one, 401 and nothing stored.
   */
  | { readonly kind: 'signature' };

/** The error shapes of the merchant contracts (see RouteAccess `merchant-key`). */
export type MerchantErrorBody = 'sentra' | 'sentry' | 'pipeline';

/** The access of a PSP webhook receiver. */
export const signatureAccess: RouteAccess = Object.freeze({ kind: 'signature' });

/** The access of a route that needs no credential. */
export const publicAccess: RouteAccess = Object.freeze({ kind: 'public' });

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (see RouteAccess); optional when the route's auth hook declares it. */
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every route registered on this server, in order, as the access and fuzz harnesses walk it. */
    readonly routeTable: readonly RouteOptions[];
  }
}

const declaredAccess = Symbol('sentra.routeAccess');

/** Marks an auth hook with the access it enforces, so routes using it need no separate declaration. */
export function declareAccess<Hook extends object>(hook: Hook, access: RouteAccess): Hook {
  Object.defineProperty(hook, declaredAccess, { value: access, enumerable: false });
  return hook;
}

/** The access a route declares: its `config.access`, or the one its onRequest auth hook carries; undefined when it declares none. */
export function accessOf(route: Pick<RouteOptions, 'config' | 'onRequest'>): RouteAccess | undefined {
  const configured = (route.config as { access?: RouteAccess } | undefined)?.access;
  if (configured !== undefined) return configured;
  const hooks = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
  for (const hook of hooks) {
    const access = (hook as { [declaredAccess]?: RouteAccess })[declaredAccess];
    if (access !== undefined) return access;
  }
  return undefined;
}

/** Records every route the server registers (read lazily: plugins may declare access after this hook runs). */
export function installRouteTable(app: FastifyInstance): void {
  const routes: RouteOptions[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (route) => {
    routes.push(route as RouteOptions);
  });
}

/**
 * Marks every route registered in this scope (and below) as public: for plugins whose routes we do
 * not write ourselves, such as the API reference pages.
 */
export function markRoutesPublic(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: publicAccess };
  });
}
