import { Type, type Static } from '@sinclair/typebox';
import { ExpiresAt, ExpiresAtView } from './admin.js';

/**
 * How a merchant's calls act: `live` answers decisions the merchant acts on; `shadow` scores and
 * stores exactly the same way while the merchant only compares (seed 000), and is billed the same.
 */
export const merchantModes = ['live', 'shadow'] as const;
/** A merchant's mode. */
export type MerchantMode = (typeof merchantModes)[number];
/**
 * The mode of a merchant created without one: seed 000's first phase. A new merchant is evaluated
 * on its own payments before anything reaches its production, then promoted with the same
 * integration (`POST /v1/merchants/{merchant_id}/promote`).
 */
export const defaultMerchantMode: MerchantMode = 'shadow';

/** Services a merchant pays for per call (the `feeType` of a billing item). */
export const billableServices = ['SENTRY', 'EVENTS', 'PIPELINE'] as const;
/** One billable service. */
export type BillableService = (typeof billableServices)[number];

/**
 * What a usage line records: a call paid, a charge given back (a fee of a version before migration
 * 0077 whose call never stored its decision, or given back by that version), money added.
 */
export const usageKinds = ['charge', 'refund', 'top_up'] as const;
/** One kind of usage line. */
export type UsageKind = (typeof usageKinds)[number];

const Decimal = (description: string) => Type.String({ pattern: '^[0-9]{1,12}(\\.[0-9]{1,4})?$', description: `${description} A decimal string with at most 4 decimals, e.g. "0.0500".` });
const SignedDecimal = Type.String({ pattern: '^-?[0-9]{1,12}\\.[0-9]{4}$', description: 'Exact decimal string with 4 decimals.' });
const modeDescription = 'live: decisions are acted on; shadow: scored and stored the same, the merchant only compares.';
/** The schema of a merchant's mode, with what a use of it adds (a default, more description). */
const modeSchema = (extra: { default?: MerchantMode; description?: string } = {}) =>
  Type.Unsafe<MerchantMode>({ type: 'string', enum: [...merchantModes], ...extra, description: `${modeDescription}${extra.description === undefined ? '' : ` ${extra.description}`}` });
const Mode = modeSchema();
const Service = Type.Unsafe<BillableService>({ type: 'string', enum: [...billableServices] });
const RiskScore100 = Type.Integer({ minimum: 0, maximum: 100 });
const Country = Type.Union([Type.String({ pattern: '^[A-Z]{2}$' }), Type.Null()], {
  description: "The merchant's own country, an assigned ISO 3166-1 alpha-2 code (upper case): the receiver country of its feed payments when the PSP's payload names none. null: unknown (ZZ).",
});

/** A merchant's own thresholds on the event API's riskScore (0–100). */
export const MerchantThresholdsBody = Type.Object(
  {
    challenge_at: RiskScore100,
    review_at: RiskScore100,
    deny_at: RiskScore100,
  },
  { additionalProperties: false, description: 'riskScore from which the event API answers CHALLENGE, REVIEW, DENY (engine scale × 10). null: the tenant thresholds.' },
);

const Fees = Type.Object(
  { SENTRY: Type.Optional(Decimal('Fee per confidence call.')), EVENTS: Type.Optional(Decimal('Fee per event call.')), PIPELINE: Type.Optional(Decimal('Fee per pipeline call.')) },
  { additionalProperties: false },
);

const settings = {
  mode: Type.Optional(Mode),
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO-4217 currency of the balance and fees (default USD).' })),
  overdraft: Type.Optional(Decimal('How far the balance may go below zero before calls answer 402 (default 0).')),
  fees: Type.Optional(Fees),
  thresholds: Type.Optional(Type.Union([MerchantThresholdsBody, Type.Null()])),
  rate_limit_per_second: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 100_000 }), Type.Null()], { description: 'Requests per second per key; null: the server default (SENTRA_MERCHANT_RATE_LIMIT).' })),
  country: Type.Optional(Country),
};
const Name = Type.String({ minLength: 1, maxLength: 200 });

/** `POST /v1/admin/merchants` body. */
export const CreateMerchantBody = Type.Object(
  {
    name: Name,
    ...settings,
    mode: Type.Optional(modeSchema({ default: defaultMerchantMode, description: `A new merchant starts in ${defaultMerchantMode} mode unless this says otherwise, and is promoted when its evaluation convinces.` })),
  },
  { additionalProperties: false },
);
/** A create-merchant body. */
export type CreateMerchantBody = Static<typeof CreateMerchantBody>;

/** `PATCH /v1/admin/merchants/{merchant_id}` body: any subset of the settings. */
export const UpdateMerchantBody = Type.Object({ name: Type.Optional(Name), ...settings }, { additionalProperties: false, minProperties: 1 });
/** An update-merchant body. */
export type UpdateMerchantBody = Static<typeof UpdateMerchantBody>;

/** A merchant as admin routes show it (money as exact decimal strings). */
export const MerchantView = Type.Object({
  merchant_id: Type.String({ description: 'Send as X-Merchant-Id.' }),
  name: Type.String(),
  mode: Mode,
  currency: Type.String(),
  balance: SignedDecimal,
  overdraft: SignedDecimal,
  fees: Type.Object({ SENTRY: SignedDecimal, EVENTS: SignedDecimal, PIPELINE: SignedDecimal }),
  thresholds: Type.Union([MerchantThresholdsBody, Type.Null()]),
  rate_limit_per_second: Type.Union([Type.Integer(), Type.Null()]),
  country: Type.Union([Type.String(), Type.Null()], { description: 'ISO 3166-1 alpha-2; null: unknown.' }),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});
/** A merchant view. */
export type MerchantView = Static<typeof MerchantView>;

/** `GET /v1/admin/merchants` answer. */
export const MerchantList = Type.Object({ items: Type.Array(MerchantView) });

/** `POST /v1/admin/merchants/{merchant_id}/keys` body. */
export const CreateMerchantKeyBody = Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), expires_at: Type.Optional(ExpiresAt) }, { additionalProperties: false });

/** A key as issued: the only time its secret is shown. */
export const IssuedMerchantKeyView = Type.Object({
  key_id: Type.String(),
  api_key: Type.String({ description: 'Send as X-Api-Key. Shown only in this answer; Sentra stores a hash.' }),
  name: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  expires_at: ExpiresAtView,
});

/** `GET /v1/admin/merchants/{merchant_id}/keys` answer. */
export const MerchantKeyList = Type.Object({
  items: Type.Array(
    Type.Object({
      key_id: Type.String(),
      name: Type.String(),
      created_at: Type.String({ format: 'date-time' }),
      last_used_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'Last authentication, to within the authentication cache lifetime (5 s).' }),
      revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      expires_at: ExpiresAtView,
    }),
  ),
});

/** `POST /v1/admin/merchants/{merchant_id}/balance` body. */
export const TopUpBody = Type.Object({ amount: Decimal('Amount to add to the prepaid balance (more than zero).') }, { additionalProperties: false });

/** The balance after a top-up. */
export const BalanceView = Type.Object({ merchant_id: Type.String(), currency: Type.String(), balance: SignedDecimal });

/** `GET /v1/admin/merchants/{merchant_id}/usage` query. */
export const UsageQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Start (inclusive); default 30 days before `to`.' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'End (exclusive); default now.' })),
    format: Type.Optional(Type.Unsafe<'json' | 'csv'>({ type: 'string', enum: ['json', 'csv'], description: 'csv: one usage line per row (also with Accept: text/csv).' })),
  },
  { additionalProperties: false },
);
/** A usage query. */
export type UsageQuery = Static<typeof UsageQuery>;

/** `GET /v1/admin/merchants/{merchant_id}/usage` answer (JSON). */
export const UsageReport = Type.Object({
  merchant_id: Type.String(),
  currency: Type.String(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  balance: SignedDecimal,
  totals: Type.Array(Type.Object({ service: Service, calls: Type.Integer({ description: 'Calls paid: charges less refunds.' }), amount: SignedDecimal })),
  lines: Type.Array(
    Type.Object({
      usage_id: Type.String(),
      kind: Type.Unsafe<UsageKind>({ type: 'string', enum: [...usageKinds] }),
      service: Type.Union([Service, Type.Null()]),
      reference: Type.Union([Type.String(), Type.Null()]),
      amount: SignedDecimal,
      balance_after: SignedDecimal,
      created_at: Type.String({ format: 'date-time' }),
    }),
  ),
  truncated: Type.Boolean({ description: 'More than 10,000 lines in the range: narrow it.' }),
});
