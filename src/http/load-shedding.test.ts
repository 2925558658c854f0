import { describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { AdmissionControl } from './load-shedding.js';

/** A request as admission control sees it: only its connection matters. */
const request = (socketDestroyed: boolean) => ({ raw: { socket: { destroyed: socketDestroyed } } }) as unknown as FastifyRequest;

describe('admission control of decision requests', () => {
  it('refuses while the oldest request in flight has waited past the bound, and admits again once it is answered', () => {
    const admission = new AdmissionControl({ afterMs: 100, minInFlight: 1 });
    const stuck = request(false);
    expect(admission.admit(stuck, 0)).toBe(true);
    expect(admission.admit(request(false), 150)).toBe(false);
    admission.release(stuck);
    expect(admission.admit(request(false), 160)).toBe(true);
  });

  it('does not let a request whose connection is gone keep the door shut: it can never be answered', () => {
    const admission = new AdmissionControl({ afterMs: 100, minInFlight: 1 });
    const gone = request(false);
    expect(admission.admit(gone, 0)).toBe(true);
    // The client closed the connection and no hook reported the request's end.
    (gone.raw.socket as { destroyed: boolean }).destroyed = true;
    expect(admission.admit(request(false), 150)).toBe(true);
    expect(admission.size).toBe(1);
    // A live request that waits past the bound still shuts it.
    expect(admission.admit(request(false), 400)).toBe(false);
  });
});
