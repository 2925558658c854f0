import { assertNever } from '../errors/errors.js';
import type { FeedStatus } from '../contract/feeds.js';

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
