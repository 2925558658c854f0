import { describe, expect, it } from 'vitest';
import { everyBucket } from './time-buckets';

describe('dashboard time buckets', () => {
  it('fills the hours without decisions with zeros, keeping the ones the API sent', () => {
    const sent = { bucket_start: '2026-11-30T10:00:00.000Z', PASS: 3, REVIEW: 1, HOLD: 0, BLOCK: 2 };
    const filled = everyBucket('2026-11-30T08:30:00.000Z', '2026-11-30T12:30:00.000Z', 3600, [sent]);
    expect(filled.map((bucket) => bucket.bucket_start)).toEqual([
      '2026-11-30T08:00:00.000Z',
      '2026-11-30T09:00:00.000Z',
      '2026-11-30T10:00:00.000Z',
      '2026-11-30T11:00:00.000Z',
      '2026-11-30T12:00:00.000Z',
    ]);
    expect(filled[2]).toBe(sent);
    expect(filled[0]).toMatchObject({ PASS: 0, REVIEW: 0, HOLD: 0, BLOCK: 0 });
  });
});
