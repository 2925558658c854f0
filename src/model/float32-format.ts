/**
 * The shortest decimal number that rounds back to the same float32 as `value` (for example
 * 0.1 rather than 0.10000000149011612). Writing model files with it keeps them small and exact:
 * any reader that rounds to float32, as XGBoost does, recovers the identical value.
 */
export function shortestFloat32(value: number): number {
  const target = Math.fround(value);
  if (!Number.isFinite(target) || target === 0) return target === 0 ? 0 : target;
  for (let digits = 1; digits < 9; digits += 1) {
    const candidate = Number(target.toPrecision(digits));
    if (Math.fround(candidate) === target) return candidate;
  }
  return Number(target.toPrecision(9));
}

/**
 * The shortest decimal number that reads back as exactly `value`: {@link shortestFloat32} for a
 * float32 value (a model's own probability), JavaScript's shortest float64 form otherwise (a
 * calibrated probability), so a written probability always reproduces its risk score.
 */
export function shortestExact(value: number): number {
  return Math.fround(value) === value ? shortestFloat32(value) : value;
}
