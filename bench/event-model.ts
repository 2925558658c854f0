/**
 * Event-model benchmark: the default model's quality on a simulated month it never saw.
 *
 * Simulates the default model's world (`sentra simulate --spending broad`, seed 1, every scenario,
 * account events included) for 213 days instead of 183, so that 2018-10 follows the training
 * (2018-04..08) and validation (2018-09) windows of models/default/README.md; replays the whole
 * dataset once from its first day and scores every row of 2018-10 with each model folder given,
 * through the API's alignment and predictor (`compileModelScorer`). Prints ROC AUC and average
 * precision separately for account events (signup, login, password reset, account update) and for
 * payments (and card purchases among them), so that a model that learned account events can be
 * checked not to rank payments worse than the one before it, and counts the takeovers' card
 * purchases each model sends to review or further (risk score ≥ 300).
 *
 *   npx tsx bench/event-model.ts                                  # simulate into a temp folder, models/default
 *   npx tsx bench/event-model.ts --data DIR                       # reuse a 213-day simulation
 *   npx tsx bench/event-model.ts --model models/default --model /tmp/previous-default
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { labelsByTime } from '../src/datasets/replay/dataset-timeline.js';
import { identifyDataset } from '../src/datasets/replay/dataset-identity.js';
import { replayDataset } from '../src/datasets/replay/replay-dataset.js';
import { inWindow, timeWindow } from '../src/datasets/replay/time-window.js';
import { simulateDataset } from '../src/datasets/simulator/simulate-dataset.js';
import { readArtifactFolder } from '../src/registry/model-artifact.js';
import { compileModelScorer } from '../src/registry/scoring-model-loader.js';
import { GroundTruth } from '../src/training/dataset-labels.js';
import { evaluateScores } from '../src/training/evaluation.js';
import { toRiskScore } from '../src/scoring/risk-scale.js';

const { values } = parseArgs({
  options: { data: { type: 'string' }, model: { type: 'string', multiple: true }, from: { type: 'string' }, to: { type: 'string' } },
});
const folders = values.model ?? ['models/default'];
const heldOut = timeWindow(values.from ?? '2018-10-01', values.to ?? '2018-10-31');
const number = (value: number) => value.toLocaleString('en-US');
const fixed = (value: number) => value.toFixed(4);

const dir = values.data ?? (await mkdtemp(join(tmpdir(), 'sentra-bench-events-')));
if (values.data === undefined) {
  const simulation = await simulateDataset(dir, { days: 213, spending: 'broad', seed: 1 }, true);
  console.log(`simulated ${number(simulation.transactions)} rows (213 days, broad spending, seed 1) in ${(simulation.durationMs / 1000).toFixed(1)} s`);
}
const dataset = await identifyDataset(dir);
const scorers = await Promise.all(folders.map(async (folder) => ({ folder, scorer: compileModelScorer(await readArtifactFolder(folder)) })));
const rows = scorers.map(({ scorer }) => new Float64Array(scorer.names.length));
const kinds = ['account events', '  logins', '  signups, resets, updates', 'payments', '  card purchases'] as const;
type Kind = (typeof kinds)[number];
const scored = new Map<Kind, { createdAt: number[]; senders: string[]; targets: number[]; probabilities: number[][] }>(
  kinds.map((kind) => [kind, { createdAt: [], senders: [], targets: [], probabilities: scorers.map(() => []) }]),
);
const labels = await labelsByTime(dir);
const truth = new GroundTruth(labels);
// Takeovers that buy at the victim's merchants (card purchases labelled account_takeover): the share
// of them each model sends to review (risk score ≥ 300) or further.
const takeoverIds = new Set(labels.filter((label) => label.reason === 'account_takeover').map((label) => label.txId));
const takeoverPurchases = scorers.map(() => ({ rows: 0, reviewed: 0 }));
const started = performance.now();
await replayDataset(dir, {
  sorted: dataset.sorted,
  labels,
  onTransaction(record, features) {
    const target = truth.observe(record);
    if (!inWindow(heldOut, record.createdAt)) return;
    const account = record.routeId.startsWith('event:');
    const purchase = !account && record.direction === 'pay_in' && record.channel === 'card';
    const into: Kind[] = account ? ['account events', record.routeId === 'event:login_attempt' ? '  logins' : '  signups, resets, updates'] : purchase ? ['payments', '  card purchases'] : ['payments'];
    const probabilities = scorers.map(({ scorer }, index) => scorer.probability(features, rows[index]!));
    if (purchase && takeoverIds.has(record.txId)) {
      probabilities.forEach((probability, index) => {
        takeoverPurchases[index]!.rows++;
        if (toRiskScore(probability) >= 300) takeoverPurchases[index]!.reviewed++;
      });
    }
    for (const kind of into) {
      const bucket = scored.get(kind)!;
      bucket.createdAt.push(record.createdAt);
      bucket.senders.push(record.senderEntityId);
      bucket.targets.push(target);
      probabilities.forEach((probability, index) => bucket.probabilities[index]!.push(probability));
    }
  },
});
console.log(`dataset ${dataset.name} (hash ${dataset.hash.slice(0, 12)}…), replayed in ${((performance.now() - started) / 1000).toFixed(1)} s; held-out window ${values.from ?? '2018-10-01'}..${values.to ?? '2018-10-31'}`);
for (const kind of kinds) {
  const bucket = scored.get(kind)!;
  const frauds = bucket.targets.reduce((sum, target) => sum + target, 0);
  console.log(`${kind}: ${number(bucket.targets.length)} rows, ${number(frauds)} fraud`);
  scorers.forEach(({ folder }, index) => {
    const report = evaluateScores({ createdAt: bucket.createdAt, senders: bucket.senders, targets: bucket.targets, probabilities: bucket.probabilities[index]! }, truth.fraudEvents);
    console.log(`    ${folder.padEnd(28)} ROC AUC ${fixed(report.auc)}   average precision ${fixed(report.averagePrecision)}`);
  });
}
console.log(`takeover purchases (card payments labelled account_takeover): ${number(takeoverPurchases[0]!.rows)} rows`);
scorers.forEach(({ folder }, index) => console.log(`    ${folder.padEnd(28)} risk score ≥ 300 (review or further): ${number(takeoverPurchases[index]!.reviewed)}`));
if (values.data === undefined) await rm(dir, { recursive: true, force: true });
