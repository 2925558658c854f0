/**
 * The catalogue of every problem data contract v1 validation can report. Codes are stable: tools
 * and the console match on them. `severity: 'error'` makes a dataset invalid (it cannot be
 * imported); `'warning'` is reported but does not block an import. docs/data-contract.md documents
 * each code with an example, and a test keeps the two in sync.
 */
export const datasetProblemCatalogue = {
  SENTRA_DATASET_MANIFEST_MISSING: { severity: 'error', summary: 'manifest.json does not exist.' },
  SENTRA_DATASET_MANIFEST_INVALID: { severity: 'error', summary: 'manifest.json is not a JSON object with a string name.' },
  SENTRA_DATASET_CONTRACT_VERSION: { severity: 'error', summary: 'manifest.json contract_version is not "1".' },
  SENTRA_DATASET_TRANSACTIONS_MISSING: { severity: 'error', summary: 'Neither transactions.csv nor transactions.jsonl exists.' },
  SENTRA_DATASET_TRANSACTIONS_AMBIGUOUS: { severity: 'error', summary: 'Both transactions.csv and transactions.jsonl exist.' },
  SENTRA_DATASET_EMPTY_FILE: { severity: 'error', summary: 'A CSV file has no header line.' },
  SENTRA_DATASET_MISSING_COLUMN: { severity: 'error', summary: 'The header lacks a required column.' },
  SENTRA_DATASET_DUPLICATE_COLUMN: { severity: 'error', summary: 'The header names the same column twice.' },
  SENTRA_DATASET_ENCODING: { severity: 'error', summary: 'A file is not UTF-8 (UTF-16, or bytes of another encoding such as Latin-1); the first such line is named.' },
  SENTRA_DATASET_CSV_SYNTAX: { severity: 'error', summary: 'The CSV is malformed (e.g. a quote is not closed); the rest of the file is not checked.' },
  SENTRA_DATASET_COLUMN_COUNT: { severity: 'error', summary: 'A row has a different number of fields than the header.' },
  SENTRA_DATASET_JSON_SYNTAX: { severity: 'error', summary: 'A JSONL line is not a JSON object.' },
  SENTRA_DATASET_TYPE: { severity: 'error', summary: 'A JSONL value is not a string, a number or null.' },
  SENTRA_DATASET_REQUIRED: { severity: 'error', summary: 'A required value is empty or absent.' },
  SENTRA_DATASET_ENUM: { severity: 'error', summary: 'A value is not one of the enumeration of seed 003.' },
  SENTRA_DATASET_TIMESTAMP: { severity: 'error', summary: 'A timestamp is not ISO-8601 with a time zone.' },
  SENTRA_DATASET_NUMBER: { severity: 'error', summary: 'A numeric field (or an f_ override) is not a finite number.' },
  SENTRA_DATASET_NEGATIVE: { severity: 'error', summary: 'An amount or fee is negative, or an fx_rate is not positive.' },
  SENTRA_DATASET_CURRENCY: { severity: 'error', summary: 'A currency is not three upper-case letters.' },
  SENTRA_DATASET_COUNTRY: { severity: 'error', summary: 'A country is not two letters.' },
  SENTRA_DATASET_RAW_IP: { severity: 'error', summary: 'A hash column holds a raw IPv4 or IPv6 address.' },
  SENTRA_DATASET_URL: { severity: 'error', summary: 'doc_s3_url is not an s3:// or https:// URL.' },
  SENTRA_DATASET_DUPLICATE_TX: { severity: 'error', summary: 'A tx_id appears on more than one row.' },
  SENTRA_DATASET_LABEL_UNKNOWN_TX: { severity: 'error', summary: 'A label names a tx_id that is not in the transactions file.' },
  SENTRA_DATASET_LABEL_BEFORE_TX: { severity: 'error', summary: "A label's labeled_at is before its transaction's created_at." },
  SENTRA_DATASET_DUPLICATE_LABEL: { severity: 'error', summary: 'Two labels have the same tx_id and source.' },
  SENTRA_DATASET_DUPLICATE_ENTITY: { severity: 'error', summary: 'An entity_id appears on more than one row of entities.csv.' },
  SENTRA_DATASET_KYC_NO_DOCUMENT: { severity: 'error', summary: 'A kyc_refs row has none of doc_hash, doc_s3_url, text_blob.' },
  SENTRA_DATASET_UNKNOWN_COLUMN: { severity: 'warning', summary: 'A column is not part of the contract; it is ignored.' },
  SENTRA_DATASET_UNKNOWN_FILE: { severity: 'warning', summary: 'A file in the folder is not part of the contract; it is ignored.' },
  SENTRA_DATASET_CURRENCY_UNMAPPED: { severity: 'warning', summary: 'A currency has no built-in USD rate and the row has no fx_rate.' },
  SENTRA_DATASET_UNSORTED: { severity: 'warning', summary: 'Transactions are not in created_at order; replay sorts them first.' },
  SENTRA_DATASET_KYC_UNKNOWN_ENTITY: { severity: 'warning', summary: 'A kyc_refs entity_id is in neither entities.csv nor any transaction.' },
} as const satisfies Record<string, { severity: 'error' | 'warning'; summary: string }>;

/** A stable code of a data contract v1 problem. */
export type DatasetProblemCode = keyof typeof datasetProblemCatalogue;

/** Whether a problem blocks an import (`error`) or is informational (`warning`). */
export type DatasetProblemSeverity = (typeof datasetProblemCatalogue)[DatasetProblemCode]['severity'];

/** Every code of the catalogue, in catalogue order. */
export const datasetProblemCodes = Object.keys(datasetProblemCatalogue) as DatasetProblemCode[];
