import { describe, expect, it } from 'vitest';
import { SeededRandom } from './seeded-random.js';

function draws(random: SeededRandom, count: number): number[] {
  return Array.from({ length: count }, () => random.nextUint32());
}

describe('SeededRandom', () => {
  it('repeats a sequence for the same seed and stream, and differs otherwise', () => {
    expect(draws(new SeededRandom(42), 5)).toEqual(draws(new SeededRandom(42), 5));
    expect(draws(new SeededRandom(42), 5)).not.toEqual(draws(new SeededRandom(43), 5));
    expect(draws(new SeededRandom(42, 1), 5)).not.toEqual(draws(new SeededRandom(42, 0), 5));
    expect(draws(new SeededRandom(2 ** 40 + 1), 5)).not.toEqual(draws(new SeededRandom(1), 5));
  });

  it('pins the first outputs so a change of algorithm cannot go unnoticed', () => {
    expect(draws(new SeededRandom(1), 3)).toEqual([4273349249, 1548434854, 840314492]);
  });

  it('draws uniform, normal and Poisson values with the right moments', () => {
    const random = new SeededRandom(9);
    const count = 200_000;
    let uniformSum = 0;
    let normalSum = 0;
    let normalSquares = 0;
    let poissonSum = 0;
    for (let index = 0; index < count; index++) {
      const uniform = random.next();
      expect(uniform).toBeGreaterThanOrEqual(0);
      expect(uniform).toBeLessThan(1);
      uniformSum += uniform;
      const normal = random.normal(10, 2);
      normalSum += normal;
      normalSquares += (normal - 10) ** 2;
      poissonSum += random.poisson(2.5);
    }
    expect(uniformSum / count).toBeCloseTo(0.5, 2);
    expect(normalSum / count).toBeCloseTo(10, 1);
    expect(Math.sqrt(normalSquares / count)).toBeCloseTo(2, 1);
    expect(poissonSum / count).toBeCloseTo(2.5, 1);
    expect(random.poisson(0)).toBe(0);
  });

  it('picks integers in range and hex of the asked length', () => {
    const random = new SeededRandom(5);
    const seen = new Set<number>();
    for (let index = 0; index < 1000; index++) seen.add(random.integerBetween(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
    expect(random.hex(13)).toMatch(/^[0-9a-f]{13}$/);
  });
});
