/**
 * TreeSHAP cost per explained row for 100 trees of depth 6 over 50 features: the prepared fast
 * path (WebAssembly kernel) and the recursive exact algorithm. Run: npx tsx bench/treeshap.ts
 */
import { createExplainer } from '../src/model/explain/explainer.js';
import { randomColumns, randomEnsemble } from '../src/model/synthetic/random-ensemble.js';

const featureCount = 50;
const rowCount = 2_000;
const columns = randomColumns(featureCount, rowCount, 0.05, 5);
const rows = Array.from({ length: rowCount }, (_, row) => Float64Array.from(columns, (column) => column[row] ?? Number.NaN));

for (const treeCount of [100, 500]) {
  const model = randomEnsemble({ treeCount, depth: 6, featureCount, seed: 9 });
  for (const [label, fastPath] of [['fast path', true], ['recursive', false]] as const) {
    const prepareStart = process.hrtime.bigint();
    const explainer = createExplainer(model, { fastPath });
    const prepareMilliseconds = Number(process.hrtime.bigint() - prepareStart) / 1e6;
    const output = new Float64Array(featureCount);
    // The recursive algorithm is slow: time it on fewer rows.
    const sample = fastPath ? rows : rows.slice(0, 100);
    // Wall time and this process's CPU time (the latter is what an idle machine's wall time would
    // be: on a shared 2-core machine other processes steal the CPU during the wall-clock window).
    let best = Number.POSITIVE_INFINITY;
    let bestCpu = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 5; run += 1) {
      const start = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      for (const row of sample) explainer.explain(row, output);
      const used = process.cpuUsage(cpu);
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e3 / sample.length);
      bestCpu = Math.min(bestCpu, (used.user + used.system) / sample.length);
    }
    console.log(
      `${treeCount} trees depth 6, ${label.padEnd(11)}: ${best.toFixed(1).padStart(7)} µs per explained row (CPU ${bestCpu.toFixed(1)} µs)` +
        `   (prepared in ${prepareMilliseconds.toFixed(0)} ms, ${explainer.fastTrees} trees on the fast path)`,
    );
  }
}
