/** Decisions per action in one time bucket, as /v1/dashboard returns them (only non-empty buckets). */
export interface DecisionCounts {
  bucket_start: string;
  PASS: number;
  REVIEW: number;
  HOLD: number;
  BLOCK: number;
}

/**
 * Every bucket of the window, oldest first, with zeros where the API sent none, so the time axis
 * is even and a quiet hour shows as a gap instead of disappearing.
 */
export function everyBucket(from: string, to: string, bucketSeconds: number, buckets: readonly DecisionCounts[]): DecisionCounts[] {
  const step = bucketSeconds * 1000;
  const byStart = new Map(buckets.map((bucket) => [Date.parse(bucket.bucket_start), bucket]));
  const filled: DecisionCounts[] = [];
  for (let start = Math.floor(Date.parse(from) / step) * step; start < Date.parse(to); start += step) {
    filled.push(byStart.get(start) ?? { bucket_start: new Date(start).toISOString(), PASS: 0, REVIEW: 0, HOLD: 0, BLOCK: 0 });
  }
  return filled;
}
