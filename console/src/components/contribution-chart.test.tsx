// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { ContributionChart, strongestContributions } from './contribution-chart';

describe('the contribution chart', () => {
  it('orders contributions by strength, leaves out the bias and zeros, and sums the rest into one bar', () => {
    const bars = strongestContributions({ bias: -4, a: 0.2, b: -1.5, c: 0.9, d: 0, e: 0.05, f: -0.01 }, 3);
    expect(bars).toEqual([
      { feature: 'b', value: -1.5 },
      { feature: 'c', value: 0.9 },
      { feature: 'a', value: 0.2 },
      { feature: '2 other features', value: 0.04 },
    ]);
  });

  it('draws raising features to the right in red and lowering ones to the left in green, with a text alternative', async () => {
    const container = document.createElement('div');
    const root = createRoot(container);
    await act(async () => root.render(<ContributionChart contributions={{ sender_tx_count_1h: 1.2, account_age_days: -0.7 }} />));
    const up = container.querySelector('[data-feature="sender_tx_count_1h"]')!;
    const down = container.querySelector('[data-feature="account_age_days"]')!;
    expect(up.getAttribute('data-direction')).toBe('up');
    expect(down.getAttribute('data-direction')).toBe('down');
    const upBar = up.querySelector('rect')!;
    const downBar = down.querySelector('rect')!;
    expect(upBar.getAttribute('class')).toBe('fill-block');
    expect(downBar.getAttribute('class')).toBe('fill-pass');
    expect(Number(downBar.getAttribute('x')) + Number(downBar.getAttribute('width'))).toBeCloseTo(Number(upBar.getAttribute('x')));
    expect(Number(upBar.getAttribute('width'))).toBeGreaterThan(Number(downBar.getAttribute('width')));
    expect(container.querySelector('figcaption ul')!.textContent).toContain('sender_tx_count_1h raised the score by 1.20 log-odds');
    await act(async () => root.unmount());
  });
});
