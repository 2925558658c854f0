/**
 * The enumerations of the scoring contract (seed 003), shared by the API, data contract v1,
 * the simulator and the feature engine. Each is an `as const` tuple with its derived union.
 */
export const directions = ['pay_in', 'pay', 'pay_out', 'payout'] as const;
/** Money direction of a payment. */
export type Direction = (typeof directions)[number];

export const channels = [
  'card',
  'bank_transfer',
  'wallet',
  'crypto_offramp',
  'spei',
  'net_banking',
  'nequi',
  'pix',
  'oxxo_pay',
  'cash',
] as const;
/** Payment channel / method. */
export type Channel = (typeof channels)[number];

export const psps = ['stripe', 'adyen', 'checkout', 'airwallex', 'todaypay', 'vamospago', 'partner'] as const;
/** Payment service provider that carried the payment. */
export type Psp = (typeof psps)[number];

export const transactionStatuses = ['completed', 'success', 'approved', 'pending', 'failed', 'error', 'refunded'] as const;
/** Gateway status of the payment at scoring time. */
export type TransactionStatus = (typeof transactionStatuses)[number];

/** Currencies with a structured mapping (seed 003). Other ISO-4217 codes are accepted with fx_rate. */
export const mappedCurrencies = [
  'USD',
  'EUR',
  'GBP',
  'SGD',
  'HKD',
  'MXN',
  'BRL',
  'COP',
  'CLP',
  'PEN',
  'ARS',
  'ECS',
  'IDR',
  'TWD',
] as const;
/** A currency Sentra converts to USD without an fx_rate. */
export type MappedCurrency = (typeof mappedCurrencies)[number];

export const decisions = ['PASS', 'REVIEW', 'HOLD', 'BLOCK'] as const;
/** The decision action of a score, in increasing severity. */
export type Decision = (typeof decisions)[number];

export const labelValues = ['fraud', 'legit'] as const;
/** Ground truth of a transaction. */
export type LabelValue = (typeof labelValues)[number];

export const labelSources = ['chargeback', 'analyst', 'partner', 'early_fraud_warning'] as const;
/** Where a label came from. */
export type LabelSource = (typeof labelSources)[number];
