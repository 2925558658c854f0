/**
 * Data contract v1: the public surface of the datasets module for the CLI, the HTTP upload, import
 * and replay. Modules inside src/datasets import each other directly, never through this file.
 */
export { datasetProblemCatalogue, datasetProblemCodes, type DatasetProblemCode, type DatasetProblemSeverity } from './problem-codes.js';
export { datasetProblem, formatProblem, ProblemCollector, type DatasetProblem, type ProblemSink } from './dataset-problem.js';
export {
  entityColumns,
  entityTypes,
  kycRefColumns,
  labelColumns,
  overrideColumnPrefix,
  overrideName,
  transactionColumns,
  type EntityType,
  type FileColumns,
} from './dataset-columns.js';
export { containsRawIpAddress, isCountryCode, isCurrencyCode, parseDecimal, parseTimestamp } from './field-values.js';
export { CsvRowFields, objectRowFields, type RowFields } from './row-fields.js';
export { RowChecker, type RowResult } from './row-checker.js';
export { parseTransactionRow } from './transaction-row.js';
export { parseLabelRow } from './label-row.js';
export { parseEntityRow, type EntityRecord } from './entity-row.js';
export { parseKycRefRow, type KycRefRecord } from './kyc-ref-row.js';
export { checkCsvHeader, isKnownColumn } from './header-check.js';
export { inspectDataset, type DatasetLayout, type TransactionsFormat } from './dataset-files.js';
export { checkManifest, contractVersion, type DatasetManifest } from './manifest.js';
export { validateDataset, type ValidateOptions, type ValidationReport } from './validate-dataset.js';
export type { FileCounts } from './dataset-rows.js';
export type { LabelCounts } from './validate-related-files.js';
export { readEntities, readKycRefs, readLabels, readManifest, readTransactions } from './dataset-readers.js';
export { datasetHash } from './dataset-hash.js';
export {
  csvField,
  entityCsvHeader,
  formatEntityCsv,
  formatKycRefCsv,
  formatLabelCsv,
  formatTransactionCsv,
  formatTransactionJson,
  kycRefCsvHeader,
  labelCsvHeader,
  transactionCsvHeader,
} from './record-format.js';
export { simulateDataset, type SimulationSummary } from './simulator/simulate-dataset.js';
export {
  resolveSimulationOptions,
  scenarioNames,
  simulationDefaults,
  type ScenarioName,
  type SimulationOptions,
} from './simulator/simulation-options.js';
export { fraudReasons, simulatedOverrideNames, type FraudReason } from './simulator/simulated-transaction.js';
