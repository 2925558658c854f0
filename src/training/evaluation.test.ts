import { describe, expect, it } from 'vitest';
import type { LabelRecord } from '../contract/transaction-record.js';
import { GroundTruth, labelFacts } from './dataset-labels.js';
import { evaluateScores } from './evaluation.js';

const day = 86_400_000;
const start = Date.parse('2018-08-08T00:00:00Z');

function label(txId: string, value: 'fraud' | 'legit', labeledAt: number, source: LabelRecord['source'] = value === 'fraud' ? 'chargeback' : 'analyst'): LabelRecord {
  return { txId, label: value, labeledAt, source, reason: '' };
}

describe('labelFacts', () => {
  it('takes the effective label (source precedence, then the latest) as the target and the first fraud label as the moment fraud became known', () => {
    const facts = labelFacts([
      label('a', 'fraud', 1),
      label('b', 'fraud', 2, 'analyst'),
      label('a', 'fraud', 3),
      label('c', 'fraud', 3, 'early_fraud_warning'),
      label('b', 'legit', 4, 'analyst'),
      label('c', 'legit', 5, 'analyst'),
      label('d', 'fraud', 6, 'chargeback'),
      label('d', 'legit', 7, 'analyst'),
      label('e', 'legit', 8),
    ]);
    // b: the analyst's later verdict replaces their earlier one; c: an analyst outranks an early
    // fraud warning; d: a chargeback outranks an analyst's later "legit", as the store shows it effective.
    expect([...facts.fraud].sort()).toEqual(['a', 'd']);
    expect(facts.fraudKnownAt.get('a')).toBe(1);
    expect(facts.fraudKnownAt.get('d')).toBe(6);
  });

  it('records every fraudulent transaction a replay sees', () => {
    const truth = new GroundTruth([label('x', 'fraud', start + 7 * day)]);
    expect(truth.observe({ txId: 'y', senderEntityId: 'card', createdAt: start })).toBe(0);
    expect(truth.observe({ txId: 'x', senderEntityId: 'card', createdAt: start })).toBe(1);
    expect(truth.fraudEvents).toEqual([{ sender: 'card', createdAt: start, knownAt: start + 7 * day }]);
  });
});

describe('evaluateScores', () => {
  it('removes cards known compromised before the day, and cards detected on an earlier day, from card precision@k', () => {
    // Day 0: card-known was labelled fraud the day before; card-1 is fraud and ranked first.
    // Day 1: card-1 was detected on day 0 and is removed; card-2 is fraud but ranked second.
    const rows = [
      { createdAt: start + 1000, sender: 'card-known', target: 1, probability: 0.99 },
      { createdAt: start + 2000, sender: 'card-1', target: 1, probability: 0.9 },
      { createdAt: start + 3000, sender: 'card-2', target: 0, probability: 0.1 },
      { createdAt: start + day + 1000, sender: 'card-1', target: 1, probability: 0.95 },
      { createdAt: start + day + 2000, sender: 'card-3', target: 0, probability: 0.8 },
      { createdAt: start + day + 3000, sender: 'card-2', target: 1, probability: 0.7 },
    ];
    const fraudEvents = [
      { sender: 'card-known', createdAt: start - 8 * day, knownAt: start - day },
      { sender: 'card-1', createdAt: start + 2000, knownAt: start + 7 * day },
    ];
    const report = evaluateScores(
      { createdAt: rows.map((row) => row.createdAt), senders: rows.map((row) => row.sender), targets: rows.map((row) => row.target), probabilities: rows.map((row) => row.probability) },
      fraudEvents,
      { k: 1 },
    );
    expect(report.cardPrecision.days.map((entry) => [entry.day, entry.precision])).toEqual([
      ['2018-08-08', 1],
      ['2018-08-09', 0],
    ]);
    expect(report.cardPrecision.mean).toBe(0.5);
    expect(report.knownCardsRemoved.rows).toBe(5);
    expect(report.rows).toBe(6);
    expect(report.frauds).toBe(4);
    // Counting known frauds only from the test start keeps card-known in the test set.
    const handbook = evaluateScores(
      { createdAt: rows.map((row) => row.createdAt), senders: rows.map((row) => row.sender), targets: rows.map((row) => row.target), probabilities: rows.map((row) => row.probability) },
      fraudEvents,
      { k: 1, knownSince: start },
    );
    expect(handbook.knownCardsRemoved.rows).toBe(6);
  });

  it('reports precision and recall at the thresholds on the 0–1000 risk scale, and a calibration table', () => {
    const report = evaluateScores(
      { createdAt: [start, start, start, start], senders: ['a', 'b', 'c', 'd'], targets: [1, 0, 1, 0], probabilities: [0.9, 0.65, 0.32, 0.05] },
      [],
      { thresholds: { reviewAt: 300, holdAt: 600, blockAt: 850 } },
    );
    expect(report.decisions.review).toMatchObject({ truePositives: 2, falsePositives: 1, recall: 1 });
    expect(report.decisions.hold).toMatchObject({ truePositives: 1, falsePositives: 1 });
    expect(report.decisions.block).toMatchObject({ truePositives: 1, falsePositives: 0, precision: 1 });
    expect(report.auc).toBe(0.75);
    expect(report.calibration.reduce((sum, bin) => sum + bin.count, 0)).toBe(4);
  });

  it('answers NaN metrics, not an error, for an empty window', () => {
    const report = evaluateScores({ createdAt: [], senders: [], targets: [], probabilities: [] }, []);
    expect(report.rows).toBe(0);
    expect(report.auc).toBeNaN();
    expect(report.cardPrecision.mean).toBeNaN();
  });
});
