/**
 * How much of a difference between two models on one test window is the window's luck: a paired
 * bootstrap over cards. Each replicate draws the window's cards with replacement (a card drawn twice
 * counts as two cards, its fraud events copied with it), scores both models on the same draw with
 * `evaluateScores`, and keeps the differences of AUC and average precision (known-compromised cards
 * removed) and of card precision@100. Cards, not rows, are drawn because a card's transactions
 * (and a compromised card's frauds) are not independent of each other.
 */
import type { FraudEvent } from '../../src/training/dataset-labels.js';
import { evaluateScores, type ScoredRows } from '../../src/training/evaluation.js';
import { SeededRandom } from './seeded-random.js';

/** A difference (first model minus second) and its 95% percentile interval over the replicates. */
export interface Difference {
  readonly observed: number;
  readonly low: number;
  readonly high: number;
  /** Share of replicates in which the first model was ahead (strictly). */
  readonly ahead: number;
}

export interface PairedDifferences {
  readonly replicates: number;
  readonly auc: Difference;
  readonly averagePrecision: Difference;
  readonly cardPrecision: Difference;
}

type Rows = Omit<ScoredRows, 'probabilities' | 'rawProbabilities'>;

const metrics = (report: ReturnType<typeof evaluateScores>) => [report.knownCardsRemoved.auc, report.knownCardsRemoved.averagePrecision, report.cardPrecision.mean] as const;

/** The items by key, each group in the items' order. */
function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [item]);
    else group.push(item);
  }
  return groups;
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(share * (sorted.length - 1))))]!;
}

/**
 * Paired card bootstrap of `first` − `second` on the same rows. Deterministic for a seed; `knownSince`
 * as in `evaluateScores`.
 */
export function pairedCardBootstrap(
  rows: Rows,
  first: ArrayLike<number>,
  second: ArrayLike<number>,
  fraudEvents: readonly FraudEvent[],
  options: { readonly replicates: number; readonly knownSince: number; readonly seed?: number },
): PairedDifferences {
  const rowsOfCard = groupBy(rows.senders.keys(), (index) => rows.senders[index]!);
  const eventsOfCard = groupBy(fraudEvents, (event) => event.sender);
  const cards = [...rowsOfCard.keys()];
  const evaluate = (scored: ScoredRows, events: readonly FraudEvent[]) => metrics(evaluateScores(scored, events, { knownSince: options.knownSince }));
  const observedFirst = evaluate({ ...rows, probabilities: first }, fraudEvents);
  const observedSecond = evaluate({ ...rows, probabilities: second }, fraudEvents);
  const random = new SeededRandom(options.seed ?? 1);
  const differences: number[][] = [[], [], []];
  for (let replicate = 0; replicate < options.replicates; replicate++) {
    const createdAt: number[] = [];
    const senders: string[] = [];
    const targets: number[] = [];
    const firstDraw: number[] = [];
    const secondDraw: number[] = [];
    const events: FraudEvent[] = [];
    for (let draw = 0; draw < cards.length; draw++) {
      const card = random.pick(cards);
      // A card drawn more than once is a distinct card each time: its own name, its own events.
      const name = `${card}#${draw}`;
      for (const index of rowsOfCard.get(card)!) {
        createdAt.push(rows.createdAt[index]!);
        senders.push(name);
        targets.push(rows.targets[index]!);
        firstDraw.push(first[index]!);
        secondDraw.push(second[index]!);
      }
      for (const event of eventsOfCard.get(card) ?? []) events.push({ ...event, sender: name });
    }
    const a = evaluate({ createdAt, senders, targets, probabilities: firstDraw }, events);
    const b = evaluate({ createdAt, senders, targets, probabilities: secondDraw }, events);
    for (let metric = 0; metric < 3; metric++) differences[metric]!.push(a[metric]! - b[metric]!);
  }
  const difference = (metric: number): Difference => {
    const sorted = [...differences[metric]!].sort((x, y) => x - y);
    return {
      observed: observedFirst[metric]! - observedSecond[metric]!,
      low: percentile(sorted, 0.025),
      high: percentile(sorted, 0.975),
      ahead: sorted.filter((value) => value > 0).length / Math.max(1, sorted.length),
    };
  };
  return { replicates: options.replicates, auc: difference(0), averagePrecision: difference(1), cardPrecision: difference(2) };
}
