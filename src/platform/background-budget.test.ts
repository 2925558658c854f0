import { describe, expect, it } from 'vitest';
import { BackgroundBudget } from './background-budget.js';

describe('the background budget of the embedded connection', () => {
  const clock = () => {
    let now = 0;
    return { now: () => now, advance: (ms: number) => void (now += ms) };
  };

  it('lets background work hold the connection freely while the foreground is idle or only polls', () => {
    const time = clock();
    const budget = new BackgroundBudget(0.1, time.now);
    budget.spent(500);
    expect(budget.delayMs()).toBe(0);
    // A poll of 2 ms every 2 s is not activity.
    for (let poll = 0; poll < 5; poll++) {
      time.advance(2_000);
      budget.foreground(2);
      budget.spent(100);
      expect(budget.delayMs()).toBe(0);
    }
  });

  it('holds background work to its share while the foreground is active', () => {
    const time = clock();
    const budget = new BackgroundBudget(0.1, time.now);
    budget.foreground(30);
    budget.spent(10);
    expect(budget.delayMs(), 'the 10 ms burst is spent, nothing owed').toBe(0);
    budget.spent(5);
    expect(budget.delayMs(), '5 ms owed at a 10% share: 50 ms to wait').toBeCloseTo(50);
    time.advance(30);
    budget.foreground(30);
    expect(budget.delayMs()).toBeCloseTo(20);
    time.advance(20);
    expect(budget.delayMs()).toBe(0);
  });

  it('forgets a debt once the foreground has gone quiet', () => {
    const time = clock();
    const budget = new BackgroundBudget(0.05, time.now);
    budget.foreground(50);
    budget.spent(100);
    expect(budget.delayMs()).toBeGreaterThan(1_000);
    time.advance(2_000);
    expect(budget.delayMs()).toBe(0);
  });

  it('sets no limit at a share of 1 and refuses a share outside (0, 1]', () => {
    const budget = new BackgroundBudget(1);
    budget.foreground(500);
    budget.spent(1_000);
    expect(budget.delayMs()).toBe(0);
    expect(() => new BackgroundBudget(0)).toThrow(RangeError);
    expect(() => new BackgroundBudget(1.5)).toThrow(RangeError);
  });
});
