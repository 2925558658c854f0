import { jaroWinkler } from './jaro-winkler.js';

/** Similarity of two tokens; a single letter is an initial and matches any token it starts. */
function tokenSimilarity(a: string, b: string): number {
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 0.9 : 0;
  return jaroWinkler(a, b);
}

/**
 * How well two names (as folded token lists) match, 0 to 1, whatever the token order: each token of
 * the shorter name takes its best unused partner in the longer one (greedy, strongest pairs first).
 * Missing tokens (a middle name or patronymic absent on one side) cost a little; a one-token name
 * against a longer one costs a lot, so "Ivan" alone never matches "Ivan Petrov".
 */
export function nameSimilarity(left: readonly string[], right: readonly string[]): number {
  if (left.length === 0 || right.length === 0) return 0;
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  const pairs: { i: number; j: number; similarity: number }[] = [];
  for (let i = 0; i < short.length; i++) {
    for (let j = 0; j < long.length; j++) pairs.push({ i, j, similarity: tokenSimilarity(short[i]!, long[j]!) });
  }
  pairs.sort((x, y) => y.similarity - x.similarity);
  const usedShort = new Set<number>();
  const usedLong = new Set<number>();
  let total = 0;
  for (const pair of pairs) {
    if (usedShort.has(pair.i) || usedLong.has(pair.j)) continue;
    usedShort.add(pair.i);
    usedLong.add(pair.j);
    total += pair.similarity;
  }
  const average = total / short.length;
  // Initials alone prove little: "J. Smith" is many people.
  const initials = short.filter((token) => token.length === 1).length;
  const initialPenalty = initials === short.length ? 0.7 : 1;
  const coverage = short.length / long.length;
  const singleTokenPenalty = short.length === 1 && long.length > 1 ? 0.7 : 1;
  return average * (0.85 + 0.15 * coverage) * singleTokenPenalty * initialPenalty;
}
