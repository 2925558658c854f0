/**
 * Quality side by side with real XGBoost, on several simulated worlds, in one run.
 *
 * For each world (seeds 1, 2, 3 of the handbook configuration `sentra simulate --scenarios card`, and
 * seed 4 of the broad-spending configuration `--spending broad`), this simulates the dataset, then:
 * - Sentra: one replay through the feature engine, `sentra train`'s own fitting step
 *   (src/training/fit-windows.ts) with the product's defaults on 2018-07-25..07-31, the validation
 *   week 2018-08-01..08-07 given to it as `sentra train --valid-from/--valid-to` would (so the
 *   parameters are searched there, `--tune`); and once more as `sentra train --no-tune`;
 * - the peer (bench/support/quality_peer.py): the handbook's 15 features computed in Python from the
 *   same files, XGBoost with the handbook's tuned parameters (50 trees, depth 3, eta 0.3) on the same
 *   training week;
 * and scores both on the test week 2018-08-08..08-14 (7 days of label delay after the training
 * week) with Sentra's metrics, known-compromised cards removed as the handbook does (frauds counted
 * from the training start): AUC, average precision, card precision@100, and the expected
 * calibration error on all test rows (Sentra's score is calibrated on the validation week, as
 * `sentra train` does; its trees' own ECE is printed beside it).
 *
 * Each world also gets a paired bootstrap over the test week's cards (`--bootstrap N` replicates,
 * default 200, 0 to skip; bench/support/paired-bootstrap.ts): Sentra (tuned) minus the peer on AUC,
 * average precision and card precision@100, with 95% intervals and the share of replicates in which
 * Sentra is ahead, so a world's gap can be told from the luck of its one test week.
 *
 * `--scale-pos-weight 1,10,100` also trains `sentra train --no-tune --scale-pos-weight W` per value
 * and prints what the weight does to AUC, AP, card precision@100 and ECE (before and after the
 * validation week's calibration).
 *
 * Size: 5,000 customers, 10,000 terminals, 136 days from 2018-04-01 (up to the test week's end: the
 * first 136 days of the handbook's 183-day run, identical since the simulator is day by day), about
 * 1.33 million payments a world. Needs Debian's python3-xgboost and python3-pandas
 * (`apt-get install -y python3-xgboost python3-pandas`); installs nothing.
 *
 *   npx tsx bench/quality-peer.ts                        # the four worlds in temp folders
 *   npx tsx bench/quality-peer.ts --keep DIR             # keep (and reuse) the worlds under DIR
 *   npx tsx bench/quality-peer.ts --seeds 1 --broad none # one handbook world only
 *   npx tsx bench/quality-peer.ts --json FILE            # also write every figure as JSON
 *   npx tsx bench/quality-peer.ts --scale-pos-weight 1,10,100
 *   npx tsx bench/quality-peer.ts --bootstrap 1000       # tighter intervals (0: none)
 */
import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { simulateDataset } from '../src/datasets/simulator/simulate-dataset.js';
import type { SpendingKind } from '../src/datasets/simulator/simulation-options.js';
import { identifyDataset } from '../src/datasets/replay/dataset-identity.js';
import { timeWindow } from '../src/datasets/replay/time-window.js';
import { collectDatasetFeatures } from '../src/training/dataset-features.js';
import { evaluateScores, type EvaluationReport } from '../src/training/evaluation.js';
import { fitOnWindows, scoreRows, type FittedModel } from '../src/training/fit-windows.js';
import { sigmoid32 } from '../src/model/objective.js';
import type { WindowRows } from '../src/training/window-rows.js';
import { pairedCardBootstrap, type Difference, type PairedDifferences } from './support/paired-bootstrap.js';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '1,2,3' },
    broad: { type: 'string', default: '4' },
    keep: { type: 'string' },
    python: { type: 'string', default: '/usr/bin/python3' },
    threads: { type: 'string' },
    json: { type: 'string' },
    'scale-pos-weight': { type: 'string', default: '' },
    bootstrap: { type: 'string', default: '200' },
  },
});
const weights = values['scale-pos-weight'].split(',').filter(Boolean).map(Number);
const run = promisify(execFile);
const days = { train: ['2018-07-25', '2018-07-31'], valid: ['2018-08-01', '2018-08-07'], test: ['2018-08-08', '2018-08-14'] } as const;
const windows = { train: timeWindow(...days.train), valid: timeWindow(...days.valid), test: timeWindow(...days.test) };
const threads = values.threads === undefined ? undefined : Number(values.threads);
const replicates = Number(values.bootstrap);
const fixed = (value: number) => value.toFixed(3);

interface World {
  readonly name: string;
  readonly seed: number;
  readonly spending: SpendingKind;
}
interface Figures {
  readonly auc: number;
  readonly averagePrecision: number;
  readonly cardPrecision: number;
  /** Expected calibration error of the score on all test rows (10 bins). */
  readonly ece: number;
  /** The trees' own ECE, before calibration (Sentra only). */
  readonly eceBefore?: number;
}
interface WeightResult {
  readonly weight: number;
  readonly figures: Figures;
  readonly calibration: unknown;
}
interface WorldResult {
  readonly world: string;
  readonly sentra: Figures;
  readonly sentraNoTune: Figures;
  readonly peer: Figures;
  readonly weights: WeightResult[];
  readonly calibration: unknown;
  readonly sentraTrees: number;
  readonly sentraParams: unknown;
  readonly peerDetails: unknown;
  /** Sentra (tuned) minus the peer, with the paired card bootstrap's 95% intervals. */
  readonly versusPeer: PairedDifferences | undefined;
  readonly seconds: { simulate: number; replay: number; sentraTune: number; sentraNoTune: number; peer: number };
}

const worlds: World[] = [
  ...values.seeds.split(',').filter(Boolean).map((seed) => ({ name: `handbook seed ${seed}`, seed: Number(seed), spending: 'handbook' as const })),
  ...(values.broad === 'none' ? [] : values.broad.split(',').map((seed) => ({ name: `broad seed ${seed}`, seed: Number(seed), spending: 'broad' as const }))),
];

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

const figuresOf = (report: EvaluationReport): Figures => ({
  auc: report.knownCardsRemoved.auc,
  averagePrecision: report.knownCardsRemoved.averagePrecision,
  cardPrecision: report.cardPrecision.mean,
  ece: report.expectedCalibrationError,
  ...(report.uncalibrated === null ? {} : { eceBefore: report.uncalibrated.expectedCalibrationError }),
});

/** The peer's probabilities for the rows of `rows`, in their order. */
async function peerProbabilities(dir: string, rows: WindowRows, out: string): Promise<{ probabilities: Float64Array; details: unknown }> {
  const script = join(import.meta.dirname, 'support', 'quality_peer.py');
  const { stdout } = await run('nice', ['-n', '10', values.python, script, dir, '--train', ...days.train, '--score', ...days.test, '--delay', '7', '--out', out], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const byTx = new Map<string, number>();
  for (const line of (await readFile(out, 'utf8')).split('\n').slice(1)) {
    if (line === '') continue;
    const [txId, probability] = line.split(',');
    byTx.set(txId!, Number(probability));
  }
  const probabilities = Float64Array.from(rows.txIds, (txId) => {
    const probability = byTx.get(txId);
    if (probability === undefined) throw new Error(`the peer did not score ${txId}`);
    return probability;
  });
  return { probabilities, details: JSON.parse(stdout) as unknown };
}

async function measure(world: World, root: string): Promise<WorldResult> {
  const dir = join(root, `${world.spending}-seed-${world.seed}`);
  let started = performance.now();
  if (!(await exists(join(dir, 'manifest.json')))) {
    await simulateDataset(dir, { seed: world.seed, start: '2018-04-01', days: 136, customers: 5000, terminals: 10_000, scenarios: ['card'], spending: world.spending }, true);
  }
  const simulate = (performance.now() - started) / 1000;
  started = performance.now();
  const dataset = await identifyDataset(dir);
  const features = await collectDatasetFeatures(dir, windows, { sorted: dataset.sorted });
  const replay = (performance.now() - started) / 1000;
  started = performance.now();
  const fitted = await fitOnWindows(features.rows.train, features.rows.valid, features.fraudEvents, { params: {}, tune: true, threads });
  const tuneSeconds = (performance.now() - started) / 1000;
  const untuned = await fitOnWindows(features.rows.train, features.rows.valid, features.fraudEvents, { params: {}, threads });
  const test = features.rows.test;
  const evaluate = (probabilities: ArrayLike<number>, rawProbabilities?: ArrayLike<number>) =>
    evaluateScores({ createdAt: test.createdAt, senders: test.senders, targets: test.targets, probabilities, rawProbabilities }, features.fraudEvents, { knownSince: windows.train.startMs });
  // The trees' own probabilities, before the validation week's calibration.
  const rawOf = (model: FittedModel) => model.predictor.marginBatch(test.alignedColumns(model.schema), test.length).map(sigmoid32);
  const sentraProbabilities = scoreRows(fitted, test);
  const sentra = figuresOf(evaluate(sentraProbabilities, rawOf(fitted)));
  const sentraNoTune = figuresOf(evaluate(scoreRows(untuned, test), rawOf(untuned)));
  const weighted: WeightResult[] = [];
  for (const weight of weights) {
    const model = await fitOnWindows(features.rows.train, features.rows.valid, features.fraudEvents, { params: { scale_pos_weight: weight }, threads });
    weighted.push({ weight, figures: figuresOf(evaluate(scoreRows(model, test), rawOf(model))), calibration: model.calibration });
  }
  started = performance.now();
  const peer = await peerProbabilities(dir, test, join(dir, 'peer-probabilities.csv'));
  const peerSeconds = (performance.now() - started) / 1000;
  const versusPeer =
    replicates > 0
      ? pairedCardBootstrap({ createdAt: test.createdAt, senders: test.senders, targets: test.targets }, sentraProbabilities, peer.probabilities, features.fraudEvents, { replicates, knownSince: windows.train.startMs, seed: world.seed })
      : undefined;
  return {
    world: world.name,
    sentra,
    sentraNoTune,
    peer: figuresOf(evaluate(peer.probabilities)),
    weights: weighted,
    calibration: { fitted: fitted.calibration, check: fitted.calibrationCheck },
    sentraTrees: fitted.result.model.trees.length,
    sentraParams: fitted.tuning?.candidates[fitted.tuning.chosen]?.params,
    peerDetails: peer.details,
    versusPeer,
    seconds: { simulate, replay, sentraTune: tuneSeconds, sentraNoTune: untuned.trainMs / 1000, peer: peerSeconds },
  };
}

function line(name: string, sentra: Figures, peer: Figures): string {
  const cell = (ours: number, theirs: number) => `${fixed(ours)} ${fixed(theirs)} ${ours > theirs ? '+' : ours < theirs ? '-' : '='}`.padEnd(16);
  // Lower is better for the calibration error; its cell marks + when Sentra's is lower.
  const ece = `${sentra.ece.toFixed(4)} ${peer.ece.toFixed(4)} ${sentra.ece < peer.ece ? '+' : sentra.ece > peer.ece ? '-' : '='}`.padEnd(18);
  const before = sentra.eceBefore === undefined ? '' : ` (trees ${sentra.eceBefore.toFixed(4)})`;
  return `${name.padEnd(18)} ${cell(sentra.auc, peer.auc)} ${cell(sentra.averagePrecision, peer.averagePrecision)} ${cell(sentra.cardPrecision, peer.cardPrecision)} ${ece}${before}`;
}

const signed = (value: number, digits: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(digits)}`;
const differenceCell = (name: string, difference: Difference, digits: number) =>
  `${name} ${signed(difference.observed, digits)} [${signed(difference.low, digits)}, ${signed(difference.high, digits)}] ahead in ${Math.round(difference.ahead * 100)}%`;
function bootstrapLine(paired: PairedDifferences): string {
  return [differenceCell('AUC', paired.auc, 4), differenceCell('AP', paired.averagePrecision, 4), differenceCell('CP@100', paired.cardPrecision, 4)].join('; ');
}

const average = (list: readonly number[]) => list.reduce((sum, value) => sum + value, 0) / list.length;
const mean = (list: Figures[]): Figures => ({
  auc: average(list.map((figures) => figures.auc)),
  averagePrecision: average(list.map((figures) => figures.averagePrecision)),
  cardPrecision: average(list.map((figures) => figures.cardPrecision)),
  ece: average(list.map((figures) => figures.ece)),
  ...(list.every((figures) => figures.eceBefore !== undefined) ? { eceBefore: average(list.map((figures) => figures.eceBefore!)) } : {}),
});

const root = values.keep ?? (await mkdtemp(join(tmpdir(), 'sentra-bench-quality-peer-')));
const results: WorldResult[] = [];
for (const world of worlds) {
  const result = await measure(world, root);
  results.push(result);
  const seconds = Object.entries(result.seconds).map(([name, value]) => `${name} ${value.toFixed(1)} s`).join(', ');
  console.log(`${world.name}: Sentra ${result.sentraTrees} trees ${JSON.stringify(result.sentraParams)}; ${seconds}`);
  console.log(`  tuned    ${line(world.name, result.sentra, result.peer)}`);
  console.log(`  no-tune  ${line(world.name, result.sentraNoTune, result.peer)}`);
  if (result.versusPeer !== undefined) console.log(`  tuned − peer, ${result.versusPeer.replicates} paired card-bootstrap replicates: ${bootstrapLine(result.versusPeer)}`);
  for (const weighted of result.weights) console.log(`  spw ${String(weighted.weight).padEnd(4)} ${line(world.name, weighted.figures, result.peer)}`);
  if (values.json !== undefined) await writeFile(values.json, `${JSON.stringify(results, null, 2)}\n`);
}
for (const [title, pick] of [
  ['sentra train with the validation week (tuned)', (result: WorldResult) => result.sentra],
  ['sentra train --no-tune (defaults)', (result: WorldResult) => result.sentraNoTune],
] as const) {
  console.log(`\n${title} vs the peer: test week ${days.test.join('..')}, known compromised cards removed; each cell: Sentra, peer, + when Sentra is ahead`);
  console.log(`${'world'.padEnd(18)} ${'AUC'.padEnd(16)} ${'AP'.padEnd(16)} ${'card P@100'.padEnd(16)} ${'ECE (all rows)'.padEnd(18)}`);
  for (const result of results) console.log(line(result.world, pick(result), result.peer));
  console.log(line('mean', mean(results.map(pick)), mean(results.map((result) => result.peer))));
}
if (weights.length > 0) {
  console.log(`\nscale_pos_weight (sentra train --no-tune --scale-pos-weight W, Platt-calibrated on the validation week), mean over the worlds:`);
  console.log(`${'W'.padEnd(8)} ${'AUC'.padEnd(8)} ${'AP'.padEnd(8)} ${'CP@100'.padEnd(8)} ${'ECE trees'.padEnd(10)} ECE calibrated`);
  weights.forEach((weight, index) => {
    const figures = mean(results.map((result) => result.weights[index]!.figures));
    console.log(`${String(weight).padEnd(8)} ${fixed(figures.auc).padEnd(8)} ${fixed(figures.averagePrecision).padEnd(8)} ${fixed(figures.cardPrecision).padEnd(8)} ${(figures.eceBefore ?? Number.NaN).toFixed(4).padEnd(10)} ${figures.ece.toFixed(4)}`);
  });
}
console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
if (values.json !== undefined) await writeFile(values.json, `${JSON.stringify(results, null, 2)}\n`);
if (values.keep === undefined) await rm(root, { recursive: true, force: true });
