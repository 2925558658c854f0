/**
 * Replay benchmark: transactions/s of offline replay (feature engine + model, exactly the API's
 * computation) over the default simulation, and the memory the in-memory profile store needs per
 * profiled entity.
 *
 *   npx tsx bench/replay.ts                # simulate the default dataset into a temp folder first
 *   npx tsx bench/replay.ts --data DIR     # reuse a dataset (e.g. sentra simulate --out DIR)
 *
 * Three figures: reading the CSV alone; features + model over records already in memory (the
 * replay loop itself: interleaveByTime, observeSync, alignment, predictor); and `sentra replay`'s
 * whole path (CSV reading + features + model; a large sorted file is read on a worker thread, so
 * on two free cores this approaches the second figure). Target: ≥ 100,000 tx/s for features + model.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { TransactionRecord } from '../src/contract/transaction-record.js';
import { readTransactions } from '../src/datasets/dataset-readers.js';
import { labelsByTime } from '../src/datasets/replay/dataset-timeline.js';
import { scoreDataset } from '../src/datasets/replay/score-dataset.js';
import { simulateDataset } from '../src/datasets/simulator/simulate-dataset.js';
import { FeatureEngine } from '../src/features/engine/feature-engine.js';
import { interleaveByTime } from '../src/features/engine/replay.js';
import { MemoryProfileStore } from '../src/features/profile/memory/memory-profile-store.js';
import { buildProfilePlan } from '../src/features/profile/profile-plan.js';
import { readArtifactFolder } from '../src/registry/model-artifact.js';
import { defaultModelFolder } from '../src/registry/model-registry.js';
import { compileModelScorer } from '../src/registry/scoring-model-loader.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, model: { type: 'string' } } });
const number = (value: number) => Math.round(value).toLocaleString('en-US');
const dir = values.data ?? (await mkdtemp(join(tmpdir(), 'sentra-bench-replay-')));
if (values.data === undefined) await simulateDataset(dir, {}, true);
const scorer = compileModelScorer(await readArtifactFolder(values.model ?? defaultModelFolder));

let started = performance.now();
const records: TransactionRecord[] = [];
for await (const record of readTransactions(dir)) records.push(record);
const readSeconds = (performance.now() - started) / 1000;
console.log(`read CSV: ${number(records.length)} rows in ${readSeconds.toFixed(1)} s = ${number(records.length / readSeconds)} rows/s`);

const labels = await labelsByTime(dir);
const labelled = new Set(labels.map((label) => label.txId));
const byId = new Map(records.filter((record) => labelled.has(record.txId)).map((record) => [record.txId, record]));
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const store = new MemoryProfileStore(buildProfilePlan());
const engine = new FeatureEngine({ store });
const row = new Float64Array(scorer.names.length);
let checksum = 0;
started = performance.now();
for (const step of interleaveByTime(records, labels)) {
  if (step.kind === 'transaction') checksum += scorer.probability(engine.observeSync('default', step.transaction.record), row);
  else engine.applyLabelSync('default', step.label, byId.get(step.label.txId)!);
}
const loopSeconds = (performance.now() - started) / 1000;
const heapAfter = process.memoryUsage().heapUsed;
const stats = store.stats();
console.log(`features + model (records in memory): ${number(records.length)} tx in ${loopSeconds.toFixed(1)} s = ${number(records.length / loopSeconds)} tx/s (target 100,000; checksum ${checksum.toFixed(3)})`);
console.log(`profile store: ${number(stats.totalEntities)} entities ${JSON.stringify(stats.entities)}, ${(stats.allocatedBytes / 2 ** 20).toFixed(1)} MiB allocated = ${number(stats.allocatedBytes / Math.max(stats.totalEntities, 1))} bytes per entity`);
console.log(`  record bytes per role ${JSON.stringify(stats.recordBytes)}; heap growth during the replay ${((heapAfter - heapBefore) / 2 ** 20).toFixed(1)} MiB`);
records.length = 0;
byId.clear();

started = performance.now();
let scored = 0;
const summary = await scoreDataset(dir, { scorer, sorted: true, onScore: () => scored++ });
const wholeSeconds = (performance.now() - started) / 1000;
console.log(`sentra replay path (CSV + features + model): ${number(summary.transactions)} tx in ${wholeSeconds.toFixed(1)} s = ${number(summary.transactions / wholeSeconds)} tx/s`);
console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
if (values.data === undefined) await rm(dir, { recursive: true, force: true });
