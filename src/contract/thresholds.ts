/** Thresholds in the API's naming (`review_at`, as `/v1/admin/thresholds` uses). */
export interface ThresholdsView {
  review_at: number;
  hold_at: number;
  block_at: number;
}

/**
 * Thresholds stored with a decision, in the API's naming. Decisions store them as the scoring
 * flow holds them (`reviewAt`); every route answers `review_at`, so the API has one naming.
 */
export function storedThresholdsView(stored: unknown): ThresholdsView {
  const value = (stored ?? {}) as Partial<ThresholdsView & { reviewAt: number; holdAt: number; blockAt: number }>;
  return { review_at: value.review_at ?? value.reviewAt ?? 0, hold_at: value.hold_at ?? value.holdAt ?? 0, block_at: value.block_at ?? value.blockAt ?? 0 };
}
