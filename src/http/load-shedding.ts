import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OverloadedError } from '../errors/errors.js';

/** When decision requests are refused at the door (see {@link AdmissionControl}). */
export interface SheddingOptions {
  /** Age of the oldest decision request in flight past which new ones are refused; 0 turns shedding off. */
  readonly afterMs: number;
  /** Decision requests that are always admitted, however old the oldest of them is. */
  readonly minInFlight: number;
  /** Called once per refused request with its route template. */
  readonly onShed?: (route: string) => void;
}

/**
 * Admission control of the routes that make decisions. A request is refused at once with 503
 * `SENTRA_ERR_OVERLOADED` and `Retry-After` when at least `minInFlight` decision requests are in flight
 * and the oldest of them has waited longer than `afterMs`: the server is then not keeping up, and
 * admitting more would only lengthen every wait (overload feeding itself). The check costs a
 * counter and one clock read, before the body is parsed, so a refusal is far cheaper than a score.
 * Under sustained overload the admitted requests' latency settles near `afterMs`, and memory stays
 * bounded by the requests in flight.
 */
export class AdmissionControl {
  /** Decision requests in flight, in arrival order, with their arrival time. */
  private readonly inFlight = new Map<FastifyRequest, number>();

  constructor(private readonly options: SheddingOptions) {}

  /** Admits a request (and starts counting it) or refuses it. */
  admit(request: FastifyRequest, now: number): boolean {
    if (this.options.afterMs > 0) {
      for (const [oldest, since] of this.inFlight) {
        if (this.inFlight.size < this.options.minInFlight || now - since <= this.options.afterMs) break;
        // A request whose connection is gone will never be answered to anyone: it must not keep the
        // door shut (a client that gave up mid-request, whose end no hook reported).
        if (oldest.raw.socket?.destroyed === true) {
          this.inFlight.delete(oldest);
          continue;
        }
        return false;
      }
    }
    this.inFlight.set(request, now);
    return true;
  }

  /** The request was answered or aborted. */
  release(request: FastifyRequest): void {
    this.inFlight.delete(request);
  }

  /** Decision requests in flight now. */
  get size(): number {
    return this.inFlight.size;
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route that makes decisions: it is subject to load shedding (src/http/load-shedding.ts). */
    shed?: boolean;
  }
}

/** Installs admission control on every route whose config sets `shed: true`. */
export function installLoadShedding(app: FastifyInstance, options: SheddingOptions): AdmissionControl {
  const admission = new AdmissionControl(options);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.shed !== true) return;
    if (admission.admit(request, performance.now())) return;
    options.onShed?.(request.routeOptions.url ?? request.url);
    // Thrown, so the route's own error handler answers in its contract's shape (seed 002's for the sentry API).
    throw new OverloadedError();
  });
  app.addHook('onResponse', async (request) => admission.release(request));
  app.addHook('onRequestAbort', async (request) => admission.release(request));
  return admission;
}
