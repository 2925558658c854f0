import type { Channel, TransactionStatus } from '../../contract/enums.js';
import { mapped, type FeedEvent } from '../feed-event.js';
import type { FeedItem, PspVerdict } from '../../platform/tables/feed.table.js';
import { fromMinorUnits } from '../currency-exponent.js';
import { feedTransaction, fraudLabel } from './feed-transaction.js';
import { countryCode, currencyCode, fieldsOf, minorAmount, optionalText, requiredText, unixSeconds } from './payload-fields.js';

const chargeEvents = new Set(['charge.succeeded', 'charge.failed', 'charge.pending', 'charge.captured']);
const intentEvents = new Set(['payment_intent.succeeded', 'payment_intent.payment_failed']);
const statuses: Record<string, TransactionStatus> = { succeeded: 'success', failed: 'failed', pending: 'pending', requires_payment_method: 'failed', canceled: 'failed', processing: 'pending' };
const wallets = new Set(['link', 'paypal', 'cashapp', 'amazon_pay', 'revolut_pay', 'alipay', 'wechat_pay', 'grabpay', 'mobilepay']);
const banks = new Set(['sepa_debit', 'us_bank_account', 'bacs_debit', 'au_becs_debit', 'ideal', 'sofort', 'bancontact', 'eps', 'giropay', 'p24', 'customer_balance', 'acss_debit']);

function channelOf(type: string | undefined): Channel {
  if (type === undefined || type === 'card' || type === 'card_present') return 'card';
  if (type === 'pix') return 'pix';
  if (type === 'oxxo') return 'oxxo_pay';
  if (wallets.has(type)) return 'wallet';
  return banks.has(type) ? 'bank_transfer' : 'card';
}

/** Stripe Radar's verdict on a charge (`outcome.risk_score` 0–99, `outcome.risk_level`). */
function verdictOf(charge: Record<string, unknown>): PspVerdict | null {
  const outcome = fieldsOf(charge.outcome);
  const level = optionalText(outcome.risk_level) ?? null;
  const score = typeof outcome.risk_score === 'number' ? outcome.risk_score : null;
  if (level === null && score === null) return null;
  const flagged = level === 'elevated' || level === 'highest' || outcome.type === 'blocked' || outcome.type === 'manual_review';
  return { psp: 'stripe', score, level, flagged };
}

/** A charge (or a payment intent's charge) as the merchant's transaction. */
function chargeItem(merchantId: string, charge: Record<string, unknown>, txId: string): FeedItem {
  const details = fieldsOf(charge.payment_method_details);
  const type = optionalText(details.type);
  const card = fieldsOf(details.card ?? details.card_present);
  const billing = fieldsOf(fieldsOf(charge.billing_details).address);
  const currency = currencyCode(charge.currency, 'data.object.currency');
  const customer = optionalText(charge.customer);
  const outcome = fieldsOf(charge.outcome);
  const status = statuses[optionalText(charge.status) ?? ''] ?? 'pending';
  return {
    kind: 'transaction',
    transaction: feedTransaction('stripe', merchantId, {
      txId,
      createdAt: unixSeconds(charge.created, 'data.object.created'),
      amount: fromMinorUnits('stripe', minorAmount(charge.amount, 'data.object.amount'), currency),
      currency,
      channel: channelOf(type),
      status,
      statusReason: optionalText(charge.failure_code) ?? optionalText(outcome.reason) ?? optionalText(outcome.seller_message) ?? '',
      routeId: `stripe:${type ?? 'card'}`,
      senderEntityId: customer ?? (optionalText(card.fingerprint) === undefined ? `stripe:${txId}` : `card:${optionalText(card.fingerprint)}`),
      senderCountry: countryCode(billing.country, card.country),
      userId: customer,
    }),
  };
}

/**
 * Maps a Stripe event (`{ id, type, created, data: { object } }`): charges and payment intents
 * become transactions (a payment intent under its latest charge's id, so both events name one
 * payment), `charge.dispute.created` with reason `fraudulent` a chargeback label and
 * `radar.early_fraud_warning.created` an early-fraud-warning label, both at the event's time.
 * Other events are kept and not acted on.
 */
export function mapStripeEvent(merchantId: string, body: unknown): FeedEvent {
  const event = fieldsOf(body);
  const envelope = { eventId: requiredText(event.id, 'id'), eventType: requiredText(event.type, 'type'), eventTime: unixSeconds(event.created, 'created') };
  return mapped(envelope, () => stripeItem(merchantId, envelope.eventType, envelope.eventTime, fieldsOf(fieldsOf(event.data).object)));
}

function stripeItem(merchantId: string, type: string, eventTime: number, object: Record<string, unknown>): Pick<FeedEvent, 'item' | 'pspVerdict'> {
  if (chargeEvents.has(type)) {
    return { item: chargeItem(merchantId, object, requiredText(object.id, 'data.object.id')), pspVerdict: verdictOf(object) };
  }
  if (intentEvents.has(type)) {
    const latest = object.latest_charge;
    const charge = typeof latest === 'object' && latest !== null ? fieldsOf(latest) : undefined;
    const txId = optionalText(charge?.id) ?? optionalText(latest) ?? requiredText(object.id, 'data.object.id');
    const payment = charge ?? { ...object, payment_method_details: { type: Array.isArray(object.payment_method_types) ? object.payment_method_types[0] : undefined } };
    return { item: chargeItem(merchantId, payment, txId), pspVerdict: charge === undefined ? null : verdictOf(charge) };
  }
  if (type === 'charge.dispute.created') {
    const charge = requiredText(object.charge, 'data.object.charge');
    if (object.reason !== 'fraudulent') return { item: { kind: 'other' }, pspVerdict: null };
    const currency = currencyCode(object.currency, 'data.object.currency');
    const amount = fromMinorUnits('stripe', minorAmount(object.amount, 'data.object.amount'), currency);
    return { item: fraudLabel(charge, eventTime, 'chargeback', `Stripe dispute ${optionalText(object.id) ?? ''}: fraudulent`, amount, currency), pspVerdict: null };
  }
  if (type === 'radar.early_fraud_warning.created') {
    const charge = requiredText(object.charge, 'data.object.charge');
    return { item: fraudLabel(charge, eventTime, 'early_fraud_warning', `Stripe early fraud warning: ${optionalText(object.fraud_type) ?? 'unspecified'}`, null, null), pspVerdict: null };
  }
  return { item: { kind: 'other' }, pspVerdict: null };
}
