import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repository, runCli } from './support/run-cli.js';

const dataset = join(repository, 'test/fixtures/datasets/valid-csv');

describe('sentra rules backtest on a dataset folder', () => {
  it('answers the hand-computed figures of a draft on the fixture dataset', async () => {
    // Amounts ≥ 100: tx_003 (1200 USD, unlabelled) and tx_004 (300 MXN, fraud by its partner label).
    // With thresholds at 1000 the model passes all 8, so both hits move PASS → REVIEW.
    const result = await runCli(['rules', 'backtest', dataset, '--expression', 'tx.amount >= 100', '--action', 'REVIEW', '--thresholds', '1000,1000,1000', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const figures = JSON.parse(result.stdout);
    expect(figures).toMatchObject({
      evaluated: 8,
      errors: 0,
      hits: { transactions: 2, amount: { USD: 1200, MXN: 300 } },
      hits_by_decision: { REVIEW: { transactions: 2, amount: { USD: 1200, MXN: 300 } } },
      labels: { fraud: 1, legit: 0, unlabelled: 1 },
      precision: 1,
      fraud_caught_missed_today: 1,
      review_rate: { before: 0, after: 0.25, change: 0.25 },
      decisions_changed: 2,
    });
    expect(figures.examples.map((example: { tx_id: string }) => example.tx_id)).toEqual(['tx_003', 'tx_004']);
    // tx_001 has a chargeback (fraud) over an early fraud warning; tx_002 an analyst's legit.
    const labelled = JSON.parse((await runCli(['rules', 'backtest', dataset, '--expression', 'tx.tx_id in ["tx_001", "tx_002"]', '--action', 'BLOCK', '--json'])).stdout);
    expect(labelled).toMatchObject({ labels: { fraud: 1, legit: 1, unlabelled: 0 }, precision: 0.5, hits_by_decision: { BLOCK: { transactions: 2 } } });
  });

  it('refuses a draft that does not compile, with its position, and a bad action', async () => {
    const broken = await runCli(['rules', 'backtest', dataset, '--expression', 'tx.amount >=', '--action', 'REVIEW']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('line 1, column 13');
    const list = await runCli(['rules', 'backtest', dataset, '--expression', 'tx.tx_id in lists.mules', '--action', 'REVIEW']);
    expect(list.code).toBe(2);
    expect(list.stderr).toContain('unknown_list');
    expect((await runCli(['rules', 'backtest', dataset, '--expression', 'true', '--action', 'MAYBE'])).code).toBe(2);
  });
});
