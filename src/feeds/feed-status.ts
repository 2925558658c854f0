import { assertNever } from '../errors/errors.js';

/**
 * The life of an inbox event: `pending` (stored and acknowledged, not yet processed), `waiting` (a
 * label whose transaction has not arrived yet; it is recorded when it does), `processed` (scored,
 * labelled, or carrying nothing to act on), `duplicate` (another event of the same transaction was
 * scored first) and `failed` (refused by the engine; the error says why).
 */
export const feedStatuses = {
  pending: 'pending',
  waiting: 'waiting',
  processed: 'processed',
  duplicate: 'duplicate',
  failed: 'failed',
} as const satisfies Record<string, string>;

/** An inbox event's status. */
export type FeedStatus = (typeof feedStatuses)[keyof typeof feedStatuses];

/** True when the event still has work to do. */
export function isOpen(status: FeedStatus): boolean {
  switch (status) {
    case 'pending':
    case 'waiting':
      return true;
    case 'processed':
    case 'duplicate':
    case 'failed':
      return false;
    default:
      return assertNever(status, 'feed status');
  }
}
