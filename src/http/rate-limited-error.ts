import { SentraError } from '../errors/errors.js';

/** A 429 that tells the caller when to come back (sent as `Retry-After`, in seconds). */
export class RateLimitedError extends SentraError {
  constructor(
    readonly retryAfterSeconds: number,
    message?: string,
  ) {
    super('SENTRA_ERR_RATE_LIMITED', message);
    this.name = 'RateLimitedError';
  }
}
