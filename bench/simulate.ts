/**
 * Simulation benchmark: writes the default simulation (the handbook's 5,000 customers and 10,000
 * terminals over 183 days, all scenarios) and prints rows/s, counts and the fraud rate.
 *
 *   npx tsx bench/simulate.ts                         # default simulation into a temp folder, removed after
 *   npx tsx bench/simulate.ts --days 196 --out DIR    # keep the dataset in DIR (used by bench/validate.ts)
 *   npx tsx bench/simulate.ts --format jsonl --scenarios card
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { simulateDataset } from '../src/datasets/simulator/simulate-dataset.js';
import { scenarioNames, type ScenarioName } from '../src/datasets/simulator/simulation-options.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    days: { type: 'string' },
    customers: { type: 'string' },
    terminals: { type: 'string' },
    seed: { type: 'string' },
    format: { type: 'string' },
    scenarios: { type: 'string' },
  },
});
const out = values.out ?? (await mkdtemp(join(tmpdir(), 'sentra-bench-simulate-')));
const numberOption = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));

const summary = await simulateDataset(
  out,
  {
    days: numberOption(values.days),
    customers: numberOption(values.customers),
    terminals: numberOption(values.terminals),
    seed: numberOption(values.seed),
    format: values.format === 'jsonl' ? 'jsonl' : 'csv',
    scenarios: (values.scenarios?.split(',') as ScenarioName[] | undefined) ?? scenarioNames,
  },
  true,
);
const seconds = summary.durationMs / 1000;
console.log(`simulate: ${summary.transactions.toLocaleString('en-US')} transactions in ${seconds.toFixed(1)} s = ${Math.round(summary.transactions / seconds).toLocaleString('en-US')} rows/s`);
console.log(`  options: ${JSON.stringify(summary.options)}`);
console.log(`  fraud: ${summary.fraudTransactions.toLocaleString('en-US')} (${(summary.fraudRate * 100).toFixed(3)}%) ${JSON.stringify(summary.fraudByReason)}`);
console.log(`  entities ${summary.entities.toLocaleString('en-US')}, kyc refs ${summary.kycRefs}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
if (values.out === undefined) await rm(out, { recursive: true, force: true });
else console.log(`  kept in ${out}`);
