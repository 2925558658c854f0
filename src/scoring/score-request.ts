import { hash } from 'node:crypto';
import type { RiskScoreRequest } from '../contract/risk-score.js';
import type { TransactionRecord } from '../contract/transaction-record.js';
import { looksLikeRawIp } from '../contract/raw-ip.js';
import { canonicalJson } from '../audit/audit-chain.js';
import { ValidationError, type ProblemDetail } from '../errors/errors.js';
import type { KycReference } from './decision-record.js';
import { maskSensitiveText } from '../enrichment/masking.js';

/**
 * Checks a schema-valid request for what JSON Schema cannot say, listing every problem: raw IP
 * addresses in hash fields, KYC references with no document, timestamps outside a sane range. (NUL
 * characters and unpaired surrogates are refused for every route before validation:
 * src/http/nul-characters.ts.)
 */
export function checkScoreRequest(body: RiskScoreRequest): void {
  const problems: ProblemDetail[] = [];
  for (const field of ['ip_hash', 'device_id_hash'] as const) {
    const value = body.entities[field];
    if (value !== undefined && looksLikeRawIp(value)) {
      problems.push({ code: 'raw_ip', path: `/entities/${field}`, message: `${field} must be a hash, not a raw IP address` });
    }
  }
  body.kyc_refs?.forEach((ref, index) => {
    if (ref.doc_hash === undefined && ref.doc_s3_url === undefined && ref.text_blob === undefined) {
      problems.push({ code: 'required', path: `/kyc_refs/${index}`, message: 'a KYC reference needs doc_hash, doc_s3_url or text_blob' });
    }
  });
  const createdAt = Date.parse(body.transaction.created_at);
  if (!Number.isFinite(createdAt) || createdAt < Date.UTC(2000, 0, 1) || createdAt > Date.UTC(2200, 0, 1)) {
    problems.push({ code: 'range', path: '/transaction/created_at', message: 'created_at must be a real date between 2000 and 2200' });
  }
  const amount = Number(body.transaction.amount);
  if (!Number.isFinite(amount) || amount > 1e15) {
    problems.push({ code: 'range', path: '/transaction/amount', message: 'amount must be a finite number below 1e15' });
  }
  const fee = Number(body.transaction.fee_total);
  if (!Number.isFinite(fee) || fee > 1e15) {
    problems.push({ code: 'range', path: '/transaction/fee_total', message: 'fee_total must be a finite number below 1e15' });
  }
  if (problems.length > 0) throw new ValidationError(problems);
}

/** The normalized transaction of a validated request. */
export function toTransactionRecord(body: RiskScoreRequest): TransactionRecord {
  const { transaction, entities } = body;
  return {
    txId: transaction.tx_id,
    createdAt: Date.parse(transaction.created_at),
    amount: Number(transaction.amount),
    currency: transaction.currency,
    fxRate: transaction.fx_rate === undefined ? undefined : Number(transaction.fx_rate),
    direction: transaction.direction,
    channel: transaction.channel,
    psp: transaction.psp,
    routeId: transaction.route_id,
    status: transaction.status,
    statusReason: transaction.status_reason,
    feeTotal: Number(transaction.fee_total),
    senderEntityId: entities.sender_entity_id,
    receiverEntityId: entities.receiver_entity_id,
    senderCountry: entities.sender_country,
    receiverCountry: entities.receiver_country,
    userId: entities.user_id,
    merchantId: entities.merchant_id,
    ipHash: entities.ip_hash,
    deviceIdHash: entities.device_id_hash,
    sessionId: undefined,
    userAgent: undefined,
    overrides: body.feature_overrides,
  };
}

const sha256 = (text: string) => hash('sha256', text, 'hex');

/**
 * A KYC reference with its cache key: doc_hash when given, else a SHA-256 of the URL or the text as
 * sent. The text itself is masked here, so no document number, email, phone or card number is stored.
 */
export function kycReference(entityId: string, docHash: string | undefined, docS3Url: string | undefined, textBlob: string | undefined): KycReference {
  const masked = textBlob === undefined ? undefined : maskSensitiveText(textBlob).text;
  return { entityId, refKey: docHash ?? sha256(docS3Url ?? textBlob ?? ''), docHash, docS3Url, textBlob: masked };
}

/** The KYC references of a request with their cache keys. */
export function toKycReferences(body: RiskScoreRequest): KycReference[] {
  return (body.kyc_refs ?? []).map((ref) => kycReference(ref.entity_id, ref.doc_hash, ref.doc_s3_url, ref.text_blob));
}

/** A digest of the request as received (canonical JSON, SHA-256): proves later what was scored. */
export function requestDigest(body: unknown): string {
  return sha256(canonicalJson(body));
}
