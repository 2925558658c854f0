/**
 * Validation benchmark: validates a ~2,000,000-row simulated dataset (generated once by
 * bench/simulate.ts in a child process and reused from the temp folder) and prints rows/s and the
 * peak RSS of this process, which does nothing but validate. For comparison it also times a bare
 * csv-parse pass over the same transactions file: the floor set by the CSV parser.
 *
 *   npx tsx bench/validate.ts
 *   npx tsx bench/validate.ts --dir DIR      # validate an existing dataset instead
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import { validateDataset } from '../src/datasets/validate-dataset.js';

const { values } = parseArgs({ options: { dir: { type: 'string' } } });
// 196 days of the default population is ~2,000,000 transactions.
const dir = values.dir ?? join(tmpdir(), 'sentra-bench-validate-2m');
if (values.dir === undefined && !existsSync(join(dir, 'manifest.json'))) {
  console.log(`generating ${dir} …`);
  const generated = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'simulate.ts'), '--days', '196', '--out', dir], { stdio: 'inherit' });
  if (generated.status !== 0) process.exit(generated.status ?? 1);
}

const rssBefore = process.memoryUsage().rss;
const report = await validateDataset(dir);
const peakRss = process.resourceUsage().maxRSS * 1024;
const rows = Object.values(report.counts).reduce((sum, counts) => sum + counts.rows, 0);
const transactionRows = report.counts['transactions.csv']?.rows ?? report.counts['transactions.jsonl']?.rows ?? 0;
const seconds = report.durationMs / 1000;
const mebibytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
console.log(`validate: ${report.valid ? 'valid' : `INVALID (${report.errorCount} errors)`}, ${transactionRows.toLocaleString('en-US')} transactions (${rows.toLocaleString('en-US')} rows in all files) in ${seconds.toFixed(1)} s`);
console.log(`  ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s; RSS before ${mebibytes(rssBefore)}, peak ${mebibytes(peakRss)}`);

if (report.transactionsFormat === 'csv') {
  const started = performance.now();
  let records = 0;
  for await (const _record of createReadStream(join(dir, 'transactions.csv')).pipe(parse({ record_delimiter: ['\r\n', '\n'] }))) records++;
  const parseSeconds = (performance.now() - started) / 1000;
  console.log(`  bare csv-parse over transactions.csv: ${Math.round(records / parseSeconds).toLocaleString('en-US')} records/s (${parseSeconds.toFixed(1)} s)`);
}
