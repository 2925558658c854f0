/**
 * Predictor throughput on one core: batch rows/s and single-row latency for 100 and 500 trees of
 * depth 6 over 50 features (5% missing values). Run: npx tsx bench/predictor.ts
 */
import { compilePredictor } from '../src/model/predictor/predictor.js';
import { randomColumns, randomEnsemble } from '../src/model/synthetic/random-ensemble.js';

const featureCount = 50;
const rowCount = 200_000;
const columns = randomColumns(featureCount, rowCount, 0.05);
const rows = Array.from({ length: 10_000 }, (_, row) => Float64Array.from(columns, (column) => column[row] ?? Number.NaN));

/**
 * Best wall time and best CPU time (seconds) of `runs` runs. The CPU time of this process is what
 * the wall time would be on an idle machine; on a shared 2-core machine they differ.
 */
function bestOf(runs: number, action: () => void): { wall: number; cpu: number } {
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run += 1) {
    const start = process.hrtime.bigint();
    const usage = process.cpuUsage();
    action();
    const used = process.cpuUsage(usage);
    wall = Math.min(wall, Number(process.hrtime.bigint() - start) / 1e9);
    cpu = Math.min(cpu, (used.user + used.system) / 1e6);
  }
  return { wall, cpu };
}

const format = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 0 });

for (const treeCount of [100, 500]) {
  const model = randomEnsemble({ treeCount, depth: 6, featureCount, seed: treeCount });
  for (const engine of ['auto', 'javascript'] as const) {
    const predictor = compilePredictor(model, { engine });
    const output = new Float64Array(rowCount);
    const batch = bestOf(7, () => predictor.marginBatch(columns, rowCount, output));
    let sink = 0;
    const single = bestOf(7, () => {
      for (const row of rows) sink += predictor.margin(row);
    });
    const label = `${treeCount} trees depth 6, ${featureCount} features, ${predictor.engine}`;
    console.log(
      `${label.padEnd(48)} batch ${format(rowCount / batch.wall).padStart(10)} rows/s (CPU ${format(rowCount / batch.cpu)})` +
        `   single row ${((single.wall / rows.length) * 1e6).toFixed(2)} µs (CPU ${((single.cpu / rows.length) * 1e6).toFixed(2)})${sink === 42 ? ' ' : ''}`,
    );
  }
}
