import { Type, type Static } from '@sinclair/typebox';
import { channels, decisions, directions, psps, transactionStatuses } from './enums.js';

const decimalPattern = '^[0-9]+(\\.[0-9]+)?$';

/** A non-negative amount sent as a JSON number or a decimal string ("12.50"). */
const Amount = Type.Union([Type.Number({ minimum: 0 }), Type.String({ pattern: decimalPattern, maxLength: 32 })], {
  description: 'Non-negative number, or a decimal string such as "12.50".',
});

const PositiveRate = Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.String({ pattern: decimalPattern, maxLength: 32 })], {
  description: 'Units of USD per unit of currency; number or decimal string.',
});

const Identifier = (description: string) => Type.String({ minLength: 1, maxLength: 256, description });
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO-3166 alpha-2 country code, upper case.' });
const stringEnum = <T extends readonly string[]>(values: T, description: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description });

/** `transaction` of the scoring request (seed 003). */
export const ScoreTransaction = Type.Object({
  tx_id: Identifier('Stable transaction identifier from the payment platform.'),
  created_at: Type.String({ format: 'date-time', description: 'ISO-8601 timestamp with a time zone.' }),
  amount: Amount,
  currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO-4217 currency code, upper case.' }),
  direction: stringEnum(directions, 'Money direction.'),
  channel: stringEnum(channels, 'Payment channel.'),
  psp: stringEnum(psps, 'Payment service provider.'),
  route_id: Identifier('Internal route or corridor identifier.'),
  status: stringEnum(transactionStatuses, 'Gateway status.'),
  status_reason: Type.String({ minLength: 1, maxLength: 2048, description: 'Gateway or internal reason text; not empty (as in data contract v1).' }),
  fee_total: Amount,
  fx_rate: Type.Optional(PositiveRate),
});

/** `entities` of the scoring request (seed 003). */
export const ScoreEntities = Type.Object({
  user_id: Type.Optional(Identifier('User identifier.')),
  merchant_id: Type.Optional(Identifier('Merchant identifier.')),
  sender_entity_id: Identifier('Sender / user entity identifier.'),
  receiver_entity_id: Identifier('Receiver / merchant entity identifier.'),
  sender_country: Country,
  receiver_country: Country,
  ip_hash: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'Hashed IP; never a raw IP address.' })),
  device_id_hash: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'Hashed device id.' })),
});

/** One KYC/KYB document reference. At least one of doc_hash, doc_s3_url, text_blob is required. */
export const KycRef = Type.Object({
  entity_id: Identifier('Entity the document belongs to.'),
  doc_hash: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  doc_s3_url: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
  text_blob: Type.Optional(Type.String({ minLength: 1, maxLength: 200_000 })),
});

/** `POST /v1/risk/score` request body. */
export const RiskScoreRequest = Type.Object(
  {
    transaction: ScoreTransaction,
    entities: ScoreEntities,
    kyc_refs: Type.Optional(Type.Array(KycRef, { maxItems: 50 })),
    feature_overrides: Type.Optional(
      Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,127}$' }), Type.Number(), {
        maxProperties: 500,
        description: 'Model features available online, aligned by name to the active model.',
      }),
    ),
  },
  { $id: 'RiskScoreRequest' },
);
/** A validated scoring request. */
export type RiskScoreRequest = Static<typeof RiskScoreRequest>;

/** One piece of evidence behind a decision. */
export const Evidence = Type.Object({
  source: Type.String({ description: 'Where it comes from: model, rule, threshold, kyc.' }),
  key: Type.String({ description: 'The feature, rule or document key.' }),
  quote: Type.Optional(Type.String()),
  span: Type.Optional(Type.String()),
});
/** One piece of evidence. */
export type Evidence = Static<typeof Evidence>;

/** `POST /v1/risk/score` response body (seed 003). */
export const RiskScoreResponse = Type.Object(
  {
    risk_score: Type.Integer({ minimum: 0, maximum: 1000 }),
    decision: stringEnum(decisions, 'Decision action.'),
    reasons: Type.Array(Type.String(), { description: 'Stable reason codes, strongest first.' }),
    evidence: Type.Array(Evidence),
    model_version: Type.String(),
    llm_version: Type.String(),
    request_id: Type.String({ description: 'Decision reference id; GET /v1/decisions/{request_id}.' }),
    latency_ms: Type.Number(),
    llm_status: Type.Unsafe<'pending' | 'ready'>({ type: 'string', enum: ['pending', 'ready'] }),
  },
  { $id: 'RiskScoreResponse' },
);
/** A scoring response. */
export type RiskScoreResponse = Static<typeof RiskScoreResponse>;
