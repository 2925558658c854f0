import { timingSafeEqual } from 'node:crypto';
import { hmacSha256 } from '../../platform/hmac.js';

/** Byte-wise equality in time independent of where the inputs differ (a length mismatch is no shortcut past the compare). */
export function constantTimeEqual(expected: Buffer, received: Buffer): boolean {
  if (expected.length !== received.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(expected, received);
}

/** True when any signature matches the HMAC under any of the keys (several keys are live during a rotation). */
export function anyMatches(keys: readonly (string | Buffer)[], data: string | Buffer, signatures: readonly Buffer[]): boolean {
  let matched = false;
  for (const key of keys) {
    const expected = hmacSha256(key, data);
    // Every pair is compared, matched or not, so the time does not tell which key or signature fit.
    for (const signature of signatures) matched = constantTimeEqual(expected, signature) || matched;
  }
  return matched;
}
