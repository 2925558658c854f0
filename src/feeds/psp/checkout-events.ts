import type { Channel, TransactionStatus } from '../../contract/enums.js';
import { mapped, type FeedEvent } from '../feed-event.js';
import type { PspVerdict } from '../../platform/tables/feed.table.js';
import { fromMinorUnits } from '../currency-exponent.js';
import { feedTransaction, fraudLabel } from './feed-transaction.js';
import { countryCode, currencyCode, fieldsOf, isoTime, minorAmount, optionalText, requiredText } from './payload-fields.js';

const paymentStatuses: Record<string, TransactionStatus> = {
  payment_approved: 'approved',
  payment_declined: 'failed',
  payment_pending: 'pending',
  payment_captured: 'completed',
};
const disputeEvents = new Set(['dispute_received', 'dispute_evidence_required']);

function channelOf(type: string | undefined): Channel {
  if (type === undefined || type === 'card') return 'card';
  if (type === 'pix') return 'pix';
  if (type === 'oxxo') return 'oxxo_pay';
  return ['applepay', 'googlepay', 'paypal', 'alipay', 'wechatpay', 'klarna'].includes(type) ? 'wallet' : 'bank_transfer';
}

/** Checkout.com's risk verdict (`risk.flagged`, and `risk.score` when the account returns it). */
function verdictOf(data: Record<string, unknown>): PspVerdict | null {
  const risk = fieldsOf(data.risk);
  if (typeof risk.flagged !== 'boolean') return null;
  return { psp: 'checkout', score: typeof risk.score === 'number' ? risk.score : null, level: risk.flagged ? 'flagged' : 'not_flagged', flagged: risk.flagged };
}

/**
 * Maps a Checkout.com webhook event (`{ id, type, created_on, data }`): payment_approved,
 * payment_declined, payment_pending and payment_captured become the transaction of `data.id`;
 * dispute_received and dispute_evidence_required with category `fraudulent` a chargeback label on
 * `data.payment_id` at the event's time. Other events are kept and not acted on.
 */
export function mapCheckoutEvent(merchantId: string, body: unknown): FeedEvent {
  const event = fieldsOf(body);
  const envelope = { eventId: requiredText(event.id, 'id'), eventType: requiredText(event.type, 'type'), eventTime: isoTime(event.created_on, 'created_on') };
  return mapped(envelope, () => {
    const data = fieldsOf(event.data);
    const status = paymentStatuses[envelope.eventType];
    if (status !== undefined) {
      const currency = currencyCode(data.currency, 'data.currency');
      const source = fieldsOf(data.source);
      const customer = fieldsOf(data.customer);
      const txId = requiredText(data.id, 'data.id');
      const customerId = optionalText(customer.id);
      const fingerprint = optionalText(source.fingerprint);
      return {
        item: {
          kind: 'transaction',
          transaction: feedTransaction('checkout', merchantId, {
            txId,
            createdAt: optionalText(data.processed_on) === undefined ? envelope.eventTime : isoTime(data.processed_on, 'data.processed_on'),
            amount: fromMinorUnits('checkout', minorAmount(data.amount, 'data.amount'), currency),
            currency,
            channel: channelOf(optionalText(source.type)),
            status,
            statusReason: optionalText(data.response_summary) ?? '',
            routeId: `checkout:${optionalText(source.type) ?? 'card'}`,
            senderEntityId: customerId ?? optionalText(customer.email) ?? (fingerprint === undefined ? `checkout:${txId}` : `card:${fingerprint}`),
            senderCountry: countryCode(fieldsOf(source.billing_address).country, source.issuer_country),
            userId: customerId,
          }),
        },
        pspVerdict: verdictOf(data),
      };
    }
    if (disputeEvents.has(envelope.eventType)) {
      if (data.category !== 'fraudulent') return { item: { kind: 'other' }, pspVerdict: null };
      const currency = currencyCode(data.currency, 'data.currency');
      const amount = fromMinorUnits('checkout', minorAmount(data.amount, 'data.amount'), currency);
      const reason = `Checkout.com dispute ${optionalText(data.id) ?? ''}: fraudulent${optionalText(data.reason_code) === undefined ? '' : ` (${optionalText(data.reason_code)})`}`;
      return { item: fraudLabel(requiredText(data.payment_id, 'data.payment_id'), envelope.eventTime, 'chargeback', reason, amount, currency), pspVerdict: null };
    }
    return { item: { kind: 'other' }, pspVerdict: null };
  });
}
