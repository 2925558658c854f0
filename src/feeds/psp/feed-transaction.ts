import type { Channel, Psp, TransactionStatus } from '../../contract/enums.js';
import type { TransactionRecord } from '../../contract/transaction-record.js';
import type { FeedItem } from '../../platform/tables/feed.table.js';

/** What a PSP's payment says, before it becomes a data contract v1 transaction. */
export interface PaymentFacts {
  txId: string;
  createdAt: number;
  /** Major units (already divided by the currency's minor-unit exponent). */
  amount: number;
  currency: string;
  channel: Channel;
  status: TransactionStatus;
  statusReason: string;
  /** The payment method as the PSP names it (`stripe:card`, `adyen:visa`). */
  routeId: string;
  /** The payer: the PSP's customer, else the card fingerprint, else the payment itself. */
  senderEntityId: string;
  senderCountry: string;
  userId: string | undefined;
}

/**
 * A feed payment as a transaction of the merchant: money flows in (`pay_in`) from the payer to
 * the merchant, whose Sentra id is the receiver, so every feed of a merchant builds one profile.
 * The merchant's own country is not in the PSPs' payment events: the receiver country is `ZZ`
 * (unknown) here, and the merchant's registered country takes its place when the payment is scored
 * (`withMerchantCountry`).
 */
export function feedTransaction(psp: Psp, merchantId: string, facts: PaymentFacts): TransactionRecord {
  return {
    txId: facts.txId,
    createdAt: facts.createdAt,
    amount: facts.amount,
    currency: facts.currency,
    fxRate: undefined,
    direction: 'pay_in',
    channel: facts.channel,
    psp,
    routeId: facts.routeId,
    status: facts.status,
    statusReason: facts.statusReason,
    feeTotal: 0,
    senderEntityId: facts.senderEntityId,
    receiverEntityId: merchantId,
    senderCountry: facts.senderCountry,
    receiverCountry: 'ZZ',
    userId: facts.userId,
    merchantId,
    ipHash: undefined,
    deviceIdHash: undefined,
    sessionId: undefined,
    userAgent: undefined,
    overrides: undefined,
  };
}

/** A fraud label on a payment at the event's time, with the disputed amount when the PSP gives one. */
export function fraudLabel(txId: string, labeledAt: number, source: 'chargeback' | 'early_fraud_warning', reason: string, amount: number | null, currency: string | null): FeedItem {
  return { kind: 'label', label: { txId, label: 'fraud', labeledAt, source, reason }, amount, currency };
}

/**
 * The payment with the merchant's registered country as its receiver country, when the payload
 * named none (`ZZ`); a country the payload gives (the generic feed's `receiver_country`) is kept.
 */
export function withMerchantCountry(transaction: TransactionRecord, merchantCountry: string | null): TransactionRecord {
  return transaction.receiverCountry === 'ZZ' && merchantCountry !== null ? { ...transaction, receiverCountry: merchantCountry } : transaction;
}
