import { quoteValue } from './field-values.js';
import { RowChecker, type RowResult } from './row-checker.js';
import type { RowFields } from './row-fields.js';

/** A row of kyc_refs.csv: a KYC/KYB document reference of an entity, for asynchronous enrichment. */
export interface KycRefRecord {
  entityId: string;
  /** A stable hash of the document, the enrichment cache key when present. */
  docHash: string | undefined;
  /** Where the document is stored: `s3://bucket/key` or an https URL. */
  docS3Url: string | undefined;
  /** Copied document text, only where retention and masking policy allow it. */
  textBlob: string | undefined;
}

const documentUrlPattern = /^(?:s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](?:\/\S*)?|https:\/\/\S+)$/;

/** Parses and checks one row of kyc_refs.csv; a row must reference at least one document. */
export function parseKycRefRow(fields: RowFields): RowResult<KycRefRecord> {
  const check = new RowChecker(fields);
  const entityId = check.text('entity_id', true);
  const docHash = check.text('doc_hash', false);
  const docS3Url = check.text('doc_s3_url', false);
  const textBlob = check.text('text_blob', false);
  if (docS3Url !== undefined && !documentUrlPattern.test(docS3Url)) {
    check.report('SENTRA_DATASET_URL', 'doc_s3_url', `doc_s3_url ${quoteValue(docS3Url)} is not an s3://bucket/key or https:// URL`);
  }
  if (docHash === undefined && docS3Url === undefined && textBlob === undefined) {
    check.report('SENTRA_DATASET_KYC_NO_DOCUMENT', 'entity_id', 'the row has none of doc_hash, doc_s3_url, text_blob');
  }
  return check.result(() => ({ entityId: entityId!, docHash, docS3Url, textBlob }));
}
