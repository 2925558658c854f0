import type { LabelRecord, TransactionRecord } from '../contract/transaction-record.js';
import { datasetFileNames, type DatasetFileName } from '../contract/datasets.js';
import type { EntityRecord } from './entity-row.js';
import type { KycRefRecord } from './kyc-ref-row.js';
import { contractVersion } from './manifest.js';
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
} from './record-format.js';

const overrideNames = ['ip_is_hosting', 'ip_country_mismatch'] as const;

const exampleTransaction: TransactionRecord = {
  txId: 'tx_0001',
  createdAt: Date.parse('2024-03-01T09:15:00Z'),
  amount: 42.5,
  currency: 'USD',
  fxRate: undefined,
  direction: 'pay_in',
  channel: 'card',
  psp: 'stripe',
  routeId: 'stripe-us-card',
  status: 'approved',
  statusReason: 'approved',
  feeTotal: 1.53,
  senderEntityId: 'cus_1',
  receiverEntityId: 'mer_1',
  senderCountry: 'US',
  receiverCountry: 'US',
  userId: 'usr_1',
  merchantId: 'mer_1',
  ipHash: 'f9694d4afc1619f01642014e828c1915e8ada46ed24de715b360ea7595083028',
  deviceIdHash: 'dd5e8641af47e250fe2bdb2b4e4d0cb910154cee5c4122d814b5b7ce6b78f3bb',
  sessionId: 'ses_1',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Safari/537.36',
  overrides: { ip_is_hosting: 0, ip_country_mismatch: 0 },
};

const exampleLabel: LabelRecord = { txId: exampleTransaction.txId, label: 'fraud', labeledAt: Date.parse('2024-03-08T09:15:00Z'), source: 'chargeback', reason: '10.4 fraud, card absent' };

const exampleEntity: EntityRecord = { entityId: exampleTransaction.senderEntityId, entityType: 'individual', country: 'US', createdAt: Date.parse('2023-01-10T00:00:00Z'), name: 'Alice Example' };

const exampleKycRef: KycRefRecord = { entityId: exampleTransaction.receiverEntityId, docHash: undefined, docS3Url: 's3://sentra-kyc-docs/mer_1/incorporation.pdf', textBlob: undefined };

/**
 * The templates of data contract v1: per file its header and one example row, written by the same
 * formatters the simulator and the export use, so a template always matches the contract the
 * validator enforces. Together (with one of the two transactions files) they form a valid dataset.
 */
export const datasetTemplates: Readonly<Record<DatasetFileName, string>> = {
  [datasetFileNames.manifest]: `${JSON.stringify({ contract_version: contractVersion, name: 'example dataset' }, null, 2)}\n`,
  [datasetFileNames.transactionsCsv]: transactionCsvHeader(overrideNames) + formatTransactionCsv(exampleTransaction, overrideNames),
  [datasetFileNames.transactionsJsonl]: formatTransactionJson(exampleTransaction),
  [datasetFileNames.labels]: labelCsvHeader + formatLabelCsv(exampleLabel),
  [datasetFileNames.entities]: entityCsvHeader + formatEntityCsv(exampleEntity),
  [datasetFileNames.kycRefs]: kycRefCsvHeader + formatKycRefCsv(exampleKycRef),
};

/** The media type a template (or an uploaded file) of the contract is served as. */
export function datasetFileMediaType(file: DatasetFileName): string {
  if (file.endsWith('.json')) return 'application/json; charset=utf-8';
  if (file.endsWith('.jsonl')) return 'application/x-ndjson; charset=utf-8';
  return 'text/csv; charset=utf-8';
}
