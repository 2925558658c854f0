import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LabelSource } from '../../contract/enums.js';
import { SentraError } from '../../errors/errors.js';
import { BufferedFileWriter } from '../buffered-file-writer.js';
import { datasetFileNames } from '../../contract/datasets.js';
import { contractVersion } from '../manifest.js';
import {
  entityCsvHeader,
  formatEntityCsv,
  formatKycRefCsv,
  formatLabelCsv,
  formatTransactionCsv,
  formatTransactionJson,
  kycRefCsvHeader,
  labelCsvHeader,
  transactionCsvHeader,
} from '../record-format.js';
import type { EntityRegistry } from './entity-registry.js';
import { SeededRandom } from './seeded-random.js';
import { resolveSimulationOptions, type ResolvedSimulationOptions, type SimulationOptions } from './simulation-options.js';
import { buildSimulationWorld } from './simulation-world.js';
import { DayBuckets, fraudReasons, simulatedOverrideColumns, type FraudReason } from './simulated-transaction.js';

const dayMs = 86_400_000;
/** Share of fraud labels that arrive as an early fraud warning rather than a chargeback. */
export const earlyFraudWarningShare = 0.2;
const labelStream = 8;
const signalStream = 10;
/**
 * Share of online payments sent with a hashed IP only (the scoring API's `ip_hash` without a raw
 * IP): their `f_ip_is_hosting` / `f_ip_country_mismatch` are left empty, unknown, as the engine has
 * them for such a payment. Without these rows a model never sees an IP whose signals are unknown
 * and scores such an ordinary payment as if it came from a datacenter abroad. Account events keep
 * theirs: the event API always looks the raw IP up.
 */
export const hashedIpOnlyShare = 0.3;

/** What a simulation wrote. */
export interface SimulationSummary {
  out: string;
  options: Omit<ResolvedSimulationOptions, 'startMs'>;
  transactions: number;
  fraudTransactions: number;
  /** fraudTransactions / transactions. */
  fraudRate: number;
  fraudByReason: Record<FraudReason, number>;
  labels: number;
  entities: number;
  kycRefs: number;
  /** Wall time; not written to the manifest, which must not vary between identical runs. */
  durationMs: number;
}

/**
 * Simulates a contract-v1 dataset into `out` (created if needed): transactions in created_at
 * order with stable tx_ids `tx_000000001`…, a label row for every fraud (source chargeback, or
 * early_fraud_warning for 20%; labeled_at = created_at + labelDelayDays; reason = the scenario),
 * entities, KYB references of the online merchants, and a manifest recording options and counts.
 * Generation and writing stream day by day. Files are written under `.partial` names and renamed
 * at the end. Refuses (SENTRA_ERR_CONFLICT) a folder that already holds contract files unless
 * `force`, which replaces them.
 */
export async function simulateDataset(out: string, input: SimulationOptions = {}, force = false): Promise<SimulationSummary> {
  const started = performance.now();
  const options = resolveSimulationOptions(input);
  await prepareFolder(out, force);
  const world = buildSimulationWorld(options);
  const transactionsFile = options.format === 'csv' ? datasetFileNames.transactionsCsv : datasetFileNames.transactionsJsonl;
  const transactionsWriter = new BufferedFileWriter(join(out, transactionsFile));
  const labelsWriter = new BufferedFileWriter(join(out, datasetFileNames.labels));
  const writers = [transactionsWriter, labelsWriter];
  const labelRandom = new SeededRandom(options.seed, labelStream);
  const signalRandom = new SeededRandom(options.seed, signalStream);
  const fraudByReason = Object.fromEntries(fraudReasons.map((reason) => [reason, 0])) as Record<FraudReason, number>;
  let transactions = 0;
  let fraudTransactions = 0;
  const overrideColumns = simulatedOverrideColumns(options.scenarios.includes('accounts'));
  try {
    if (options.format === 'csv') await transactionsWriter.write(transactionCsvHeader(overrideColumns));
    await labelsWriter.write(labelCsvHeader);
    const buckets = new DayBuckets(options.startMs);
    const emit = buckets.add.bind(buckets);
    for (let day = 0; day < options.days; day++) {
      for (const generator of world.generators) generator.generateDay(day, emit);
      let lines: string[] = [];
      const labelLines: string[] = [];
      for (const { record, fraudReason } of buckets.take(day)) {
        transactions++;
        record.txId = `tx_${String(transactions).padStart(9, '0')}`;
        if (record.ipHash !== undefined && record.overrides?.['is_account_event'] === undefined && signalRandom.chance(hashedIpOnlyShare)) record.overrides = undefined;
        lines.push(options.format === 'csv' ? formatTransactionCsv(record, overrideColumns) : formatTransactionJson(record));
        // Joining small groups keeps the many short-lived rope strings of a line from surviving a scavenge.
        if (lines.length === 256) {
          await transactionsWriter.write(lines.join(''));
          lines = [];
        }
        if (fraudReason === undefined) continue;
        fraudTransactions++;
        fraudByReason[fraudReason]++;
        const source: LabelSource = labelRandom.chance(earlyFraudWarningShare) ? 'early_fraud_warning' : 'chargeback';
        labelLines.push(formatLabelCsv({ txId: record.txId, label: 'fraud', labeledAt: record.createdAt + options.labelDelayDays * dayMs, source, reason: fraudReason }));
      }
      await transactionsWriter.write(lines.join(''));
      await labelsWriter.write(labelLines.join(''));
    }
    const summary: SimulationSummary = {
      out,
      options: withoutStart(options),
      transactions,
      fraudTransactions,
      fraudRate: transactions === 0 ? 0 : fraudTransactions / transactions,
      fraudByReason,
      labels: fraudTransactions,
      entities: world.entities.entities.length,
      kycRefs: world.entities.kycRefs.length,
      durationMs: 0,
    };
    await writeSmallFiles(out, world.entities, summary, writers);
    for (const writer of writers) await writer.commit();
    return { ...summary, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    await Promise.all(writers.map((writer) => writer.abort()));
    throw error;
  }
}

async function writeSmallFiles(
  out: string,
  entities: EntityRegistry,
  summary: SimulationSummary,
  writers: BufferedFileWriter[],
): Promise<void> {
  const entitiesWriter = new BufferedFileWriter(join(out, datasetFileNames.entities));
  writers.push(entitiesWriter);
  await entitiesWriter.write(entityCsvHeader + entities.entities.map(formatEntityCsv).join(''));
  if (entities.kycRefs.length > 0) {
    const kycWriter = new BufferedFileWriter(join(out, datasetFileNames.kycRefs));
    writers.push(kycWriter);
    await kycWriter.write(kycRefCsvHeader + entities.kycRefs.map(formatKycRefCsv).join(''));
  }
  const manifestWriter = new BufferedFileWriter(join(out, datasetFileNames.manifest));
  writers.push(manifestWriter);
  const { out: _out, durationMs: _durationMs, options, ...counts } = summary;
  const manifest = {
    contract_version: contractVersion,
    name: `sentra-simulation-seed-${options.seed}`,
    description: 'Synthetic card and online payments with labelled fraud, generated by `sentra simulate` (see docs/data-contract.md).',
    generator: { name: 'sentra simulate', version: 1, ...options },
    summary: counts,
  };
  await manifestWriter.write(`${JSON.stringify(manifest, null, 2)}\n`);
}

function withoutStart(options: ResolvedSimulationOptions): Omit<ResolvedSimulationOptions, 'startMs'> {
  const { startMs: _startMs, ...rest } = options;
  return rest;
}

const contractFileNames: readonly string[] = Object.values(datasetFileNames);

async function prepareFolder(out: string, force: boolean): Promise<void> {
  await mkdir(out, { recursive: true });
  const existing = (await readdir(out)).filter((name) => contractFileNames.includes(name));
  if (existing.length === 0) return;
  if (!force) {
    throw new SentraError('SENTRA_ERR_CONFLICT', `${out} already holds dataset files (${existing.join(', ')}); choose an empty folder or pass --force`);
  }
  await Promise.all(existing.map((name) => rm(join(out, name), { force: true })));
}
