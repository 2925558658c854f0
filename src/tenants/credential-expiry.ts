import { ValidationError } from '../errors/errors.js';

/** The longest lifetime a credential may be given: ten years. */
const longestLifetimeMs = 10 * 366 * 86_400_000;

/**
 * The expiry of a credential being created, from its `expires_at` (an ISO date-time): undefined
 * (never expires, until revoked) when absent; refused, with the field's path, when it is not after
 * `now` or more than ten years away.
 */
export function credentialExpiry(value: string | undefined, now: number, path: string): Date | null {
  if (value === undefined) return null;
  const at = Date.parse(value);
  if (!Number.isFinite(at)) throw new ValidationError([{ code: 'format', path, message: `${path.split('/').pop()} must be an ISO 8601 date-time` }]);
  if (at <= now) throw new ValidationError([{ code: 'range', path, message: 'expires_at must be in the future' }]);
  if (at - now > longestLifetimeMs) throw new ValidationError([{ code: 'range', path, message: 'expires_at must be at most ten years away' }]);
  return new Date(at);
}

