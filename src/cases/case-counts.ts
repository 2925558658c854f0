import { caseStatusList, type CaseStatus } from '../contract/cases.js';

/** Cases per status. */
export type StatusCounts = Record<CaseStatus, number>;

/**
 * The queue's per-status counts, kept for a few seconds per tenant and filter set. Counting means
 * reading every matching case (100,000 in a large queue), while the page itself reads 50 through an
 * index; a queue that several analysts refresh every 30 s would otherwise count on every request.
 * The counts an analyst sees may therefore lag the page by up to `ttlMs`.
 */
export class CaseCountCache {
  private readonly entries = new Map<string, { at: number; counts: Promise<StatusCounts> }>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 1_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The counts for `key`, computed by `count` when absent or older than the lifetime. */
  get(key: string, count: () => Promise<StatusCounts>): Promise<StatusCounts> {
    const at = this.now();
    const cached = this.entries.get(key);
    if (cached !== undefined && at - cached.at < this.ttlMs) return cached.counts;
    const counts = count();
    // A failed count is not kept: the next request counts again.
    counts.catch(() => this.entries.delete(key));
    this.entries.delete(key);
    this.entries.set(key, { at, counts });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return counts;
  }
}

/** Counts per status of the rows a (status-free) filtered query selects. */
export async function countByStatus(rows: Promise<{ status: string; count: string | number | bigint }[]>): Promise<StatusCounts> {
  const counts = Object.fromEntries(caseStatusList.map((status) => [status, 0])) as StatusCounts;
  for (const row of await rows) counts[row.status as CaseStatus] = Number(row.count);
  return counts;
}
