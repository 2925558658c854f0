import { Type, type Static } from '@sinclair/typebox';

const Text = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, description });

/** `device` of the confidence request (seed 002): the most important signals, the IP first. */
export const SentryDevice = Type.Object(
  {
    ipAddress: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Client IPv4 or IPv6 address. Used for lookups, then only a keyed hash is stored. Without it signals are reduced (the answer says so in Sentra-Signal-Quality).' })),
    userAgent: Type.Optional(Text(1024, 'The browser user agent.')),
    acceptLanguage: Type.Optional(Text(256, 'The Accept-Language header the client sent.')),
    sessionId: Type.Optional(Text(128, 'A stable session identifier.')),
    sessionAge: Type.Optional(Type.Integer({ minimum: 0, maximum: 315_360_000, description: 'Age of the session in seconds.' })),
  },
  { additionalProperties: false },
);

/** The event types the confidence API evaluates. */
export const sentryEventTypes = ['PURCHASE', 'RECURRING_PURCHASE'] as const;

/** `event` of the confidence request. */
export const SentryEvent = Type.Object(
  {
    type: Type.Optional(Type.Unsafe<(typeof sentryEventTypes)[number]>({ type: 'string', enum: [...sentryEventTypes], description: 'PURCHASE for a standard checkout (the default); RECURRING_PURCHASE for a renewal.' })),
    transactionId: Type.Optional(Text(128, "The merchant's transaction id; a call repeated with the same id is scored as the same transaction.")),
    timestamp: Type.Optional(Type.String({ format: 'date-time', maxLength: 64, description: 'When the event happened at the merchant (ISO-8601).' })),
  },
  { additionalProperties: false },
);

const Amount = Type.Number({ minimum: 0, maximum: 1e12, description: 'Amount in currency units.' });

/** `order` of the confidence request: the economic context. */
export const SentryOrder = Type.Object(
  {
    amount: Type.Optional(Amount),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO-4217 code, upper case.' })),
    affiliateId: Type.Optional(Text(128, 'Affiliate or referral identifier.')),
    discountCodes: Type.Optional(Type.Array(Text(64, 'A discount code.'), { maxItems: 20 })),
    referrerUrl: Type.Optional(Text(2048, 'The referring page (an http or https URL).')),
  },
  { additionalProperties: false },
);

/** `account` of the confidence request. */
export const SentryAccount = Type.Object(
  {
    userId: Type.Optional(Text(128, "The merchant's user id; the profile the request is folded into.")),
    username: Type.Optional(Text(256, 'The account name.')),
  },
  { additionalProperties: false },
);

/** One cart line. */
export const SentryCartItem = Type.Object(
  {
    itemId: Type.Optional(Text(128, 'Product id.')),
    category: Type.Optional(Text(128, 'Product category.')),
    price: Type.Optional(Amount),
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  },
  { additionalProperties: false },
);

/** `cart` of the confidence request. */
export const SentryCart = Type.Object({ items: Type.Array(SentryCartItem, { maxItems: 200 }) }, { additionalProperties: false });

/** A custom input value: anything but null. */
export const CustomInputValue = Type.Unsafe<string | number | boolean | object>({
  not: { type: 'null' },
  description: 'Any JSON value but null.',
});

/** `POST /api/v1/sentry` request body (seed 002). */
export const SentryRequest = Type.Object(
  {
    device: SentryDevice,
    event: Type.Optional(SentryEvent),
    order: Type.Optional(SentryOrder),
    account: Type.Optional(SentryAccount),
    cart: Type.Optional(SentryCart),
    customInputs: Type.Optional(
      Type.Record(Type.String({ minLength: 1, maxLength: 64 }), CustomInputValue, {
        maxProperties: 100,
        description: 'Merchant-defined signals; values must not be null; at most 16 KB as JSON.',
      }),
    ),
  },
  { additionalProperties: false, $id: 'SentryRequest' },
);
/** A schema-valid confidence request. */
export type SentryRequest = Static<typeof SentryRequest>;

/** A money amount of the billing object. */
export const Money = Type.Object({
  currency: Type.String({ description: "The merchant's currency." }),
  amount: Type.Number({ description: 'Exact to 4 decimals (held as integer units of 1/10,000).' }),
});

/** The billing object of a merchant answer (seed 002). */
export const Billing = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        feeType: Type.String({ description: 'SENTRY, EVENTS or PIPELINE.' }),
        fee: Money,
        completed: Type.Boolean(),
      }),
    ),
    remainingBalance: Money,
    amountAuthorized: Money,
    amountClosed: Money,
  },
  { $id: 'Billing' },
);
/** A billing object. */
export type Billing = Static<typeof Billing>;

/** One problem of a failed confidence call. */
export const SentryError = Type.Object({
  code: Type.String({ description: 'Stable error code, SENTRA_ERR_*.' }),
  reason: Type.String({ description: 'What is wrong at `path`: required, format, type, raw_ip, too_large, … (the code itself when the whole request failed).' }),
  path: Type.String({ description: 'JSON pointer of the offending field; empty for the whole request.' }),
  message: Type.String(),
});

/** `POST /api/v1/sentry` answer, success and failure alike (seed 002). */
export const SentryResponse = Type.Object(
  {
    isSuccess: Type.Boolean(),
    sentryResponse: Type.Union([Type.Object({ requestConfidence: Type.Number({ minimum: 0, maximum: 1, description: '0–1, higher = more likely legitimate: 1 − risk_score / 1000.' }) }), Type.Null()]),
    billing: Type.Union([Billing, Type.Null()]),
    errors: Type.Union([Type.Array(SentryError), Type.Null()]),
  },
  { $id: 'SentryResponse' },
);
/** A confidence answer. */
export type SentryResponse = Static<typeof SentryResponse>;
