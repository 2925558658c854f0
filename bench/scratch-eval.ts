// scratch (not committed): Sentra metrics of probability CSVs (tx_id,probability) on a world's test week
import { readFile } from 'node:fs/promises';
import { readTransactions } from '../src/datasets/dataset-readers.js';
import { labelsByTime } from '../src/datasets/replay/dataset-timeline.js';
import { GroundTruth } from '../src/training/dataset-labels.js';
import { evaluateScores } from '../src/training/evaluation.js';
const [dir, ...files] = process.argv.slice(2);
const truth = new GroundTruth(await labelsByTime(dir!));
const start = Date.parse('2018-08-08T00:00:00Z'), end = Date.parse('2018-08-15T00:00:00Z'), knownSince = Date.parse('2018-07-25T00:00:00Z');
const rows: { txId: string; createdAt: number; sender: string; target: number }[] = [];
for await (const record of readTransactions(dir!)) {
  const target = truth.observe(record);
  if (record.createdAt >= start && record.createdAt < end) rows.push({ txId: record.txId, createdAt: record.createdAt, sender: record.senderEntityId, target });
}
for (const file of files) {
  const map = new Map((await readFile(file, 'utf8')).trim().split('\n').slice(1).map((line) => { const [a, b] = line.split(','); return [a!, Number(b)]; }));
  const report = evaluateScores({ createdAt: rows.map((r) => r.createdAt), senders: rows.map((r) => r.sender), targets: rows.map((r) => r.target), probabilities: rows.map((r) => map.get(r.txId)!) }, truth.fraudEvents, { knownSince });
  console.log(`${file.padEnd(60)} AUC ${report.knownCardsRemoved.auc.toFixed(3)} AP ${report.knownCardsRemoved.averagePrecision.toFixed(3)} CP@100 ${report.cardPrecision.mean.toFixed(3)}`);
}
