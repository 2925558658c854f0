import type { MemberSetSpec } from '../profile-plan.js';
import type { SetLayout } from './record-layout.js';

/*
 * A capped member set stored inline in an entity record: at `usedAt` the number of pairs ever
 * used, and from `pairsAt` `capacity` pairs of (member serial, last seen ms). Used pairs are never emptied (forgotten
 * ones are reused), so only the first `used` pairs are scanned. Member serials are never reused:
 * a pair left behind by a dropped entity can never match a new one. The Redis store keeps the same
 * set as a sorted set scored by last seen; the semantics below mirror it (see redis/lua-source.ts).
 */

/**
 * Answers all queries of one set in a single pass: per count window, the members seen after
 * `now - window` other than `member`, plus one for `member` itself (0 = none); and whether
 * `member` was seen within the retention (NaN without a member).
 */
export function memberSetQuery(data: Float64Array, usedAt: number, pairsAt: number, set: SetLayout, member: number, now: number, snapshot: Float64Array, offset: number): void {
  const windows = set.countWindows;
  const positions = set.countPositions;
  for (let index = 0; index < positions.length; index++) snapshot[offset + positions[index]!] = member === 0 ? 0 : 1;
  const used = data[usedAt]!;
  let memberSeen = Number.NEGATIVE_INFINITY;
  for (let pair = pairsAt; pair < pairsAt + 2 * used; pair += 2) {
    const seen = data[pair + 1]!;
    if (data[pair] === member) {
      memberSeen = seen;
      continue;
    }
    for (let index = 0; index < positions.length; index++) {
      if (seen > now - windows[index]!) snapshot[offset + positions[index]!]!++;
    }
  }
  if (set.containsPosition >= 0) snapshot[offset + set.containsPosition] = member === 0 ? Number.NaN : memberSeen > now - set.spec.retentionMs ? 1 : 0;
}

/**
 * Records `member` as seen at `now` (keeping the later time if already present). A forgotten pair
 * is reused first, then a new one; when the set is full the member seen longest ago is evicted,
 * unless the new sighting is older than all of them.
 */
export function memberSetAdd(data: Float64Array, usedAt: number, pairsAt: number, spec: MemberSetSpec, member: number, now: number): void {
  if (member === 0) return;
  const forgottenAt = now - spec.retentionMs;
  const used = data[usedAt]!;
  let free = -1;
  let oldest = -1;
  for (let pair = pairsAt; pair < pairsAt + 2 * used; pair += 2) {
    if (data[pair] === member) {
      if (!(data[pair + 1]! >= now)) data[pair + 1] = now;
      return;
    }
    if (data[pair + 1]! <= forgottenAt) {
      if (free < 0) free = pair;
    } else if (oldest < 0 || data[pair + 1]! < data[oldest + 1]!) {
      oldest = pair;
    }
  }
  let target = free;
  if (target < 0 && used < spec.capacity) {
    target = pairsAt + 2 * used;
    data[usedAt] = used + 1;
  }
  if (target < 0 && now >= data[oldest + 1]!) target = oldest;
  if (target < 0) return;
  data[target] = member;
  data[target + 1] = now;
}
