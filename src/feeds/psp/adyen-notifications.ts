import type { Channel } from '../../contract/enums.js';
import { mapped, type FeedEvent } from '../feed-event.js';
import type { PspVerdict } from '../../platform/tables/feed.table.js';
import { fromMinorUnits } from '../currency-exponent.js';
import { feedTransaction, fraudLabel } from './feed-transaction.js';
import { countryCode, currencyCode, fieldsOf, isoTime, minorAmount, optionalText, requiredText } from './payload-fields.js';

const wallets = new Set(['paypal', 'applepay', 'googlepay', 'paywithgoogle', 'amazonpay', 'alipay', 'wechatpay', 'klarna', 'mobilepay', 'vipps', 'twint']);
const banks = new Set(['ideal', 'sepadirectdebit', 'directEbanking', 'giropay', 'eps', 'trustly', 'ach', 'bankTransfer_IBAN', 'onlineBanking_PL']);
/**
 * Scheme reason codes of fraud chargebacks (Visa 10.x, Mastercard 4837/4840/4849/4863/4870/4871,
 * American Express F-codes, Discover UA-codes). A CHARGEBACK with another code is no fraud label;
 * one without a code is counted as fraud, as Adyen sends the code with its chargeback data.
 */
const fraudReasonCodes = new Set(['10.1', '10.2', '10.3', '10.4', '10.5', '4837', '4840', '4849', '4863', '4870', '4871', 'F10', 'F14', 'F24', 'F29', 'FR2', 'FR4', 'FR6', 'UA01', 'UA02', 'UA05', 'UA06']);

function channelOf(method: string | undefined): Channel {
  if (method === undefined) return 'card';
  if (method === 'pix') return 'pix';
  if (method.startsWith('oxxo')) return 'oxxo_pay';
  if (wallets.has(method)) return 'wallet';
  return banks.has(method) ? 'bank_transfer' : 'card';
}

/** Adyen's risk verdict from the item's risk data (`totalFraudScore`, `fraudResultType`, `fraudManualReview`). */
function verdictOf(data: Record<string, unknown>): PspVerdict | null {
  const scoreText = optionalText(data.totalFraudScore);
  const level = optionalText(data.fraudResultType) ?? null;
  const score = scoreText !== undefined && Number.isFinite(Number(scoreText)) ? Number(scoreText) : null;
  if (score === null && level === null) return null;
  return { psp: 'adyen', score, level, flagged: (level !== null && level !== 'GREEN') || data.fraudManualReview === 'true' };
}

/**
 * Maps one standard notification item (`NotificationRequestItem`): AUTHORISATION becomes a
 * transaction under its pspReference at `eventDate`; CHARGEBACK (with a fraud reason code) and
 * NOTIFICATION_OF_FRAUD become fraud labels on the original payment at their `eventDate`. The
 * event id is eventCode:pspReference, the pair Adyen repeats when it retries.
 */
export function mapAdyenItem(merchantId: string, item: Record<string, unknown>): FeedEvent {
  const eventCode = requiredText(item.eventCode, 'eventCode');
  const pspReference = requiredText(item.pspReference, 'pspReference');
  const envelope = { eventId: `${eventCode}:${pspReference}`, eventType: eventCode, eventTime: isoTime(item.eventDate, 'eventDate') };
  return mapped(envelope, () => {
    const data = fieldsOf(item.additionalData);
    const amount = fieldsOf(item.amount);
    if (eventCode === 'AUTHORISATION') {
      const currency = currencyCode(amount.currency, 'amount.currency');
      const method = optionalText(item.paymentMethod);
      const approved = item.success === 'true' || item.success === true;
      const shopper = optionalText(data.shopperReference);
      return {
        item: {
          kind: 'transaction',
          transaction: feedTransaction('adyen', merchantId, {
            txId: pspReference,
            createdAt: envelope.eventTime,
            amount: fromMinorUnits('adyen', minorAmount(amount.value, 'amount.value'), currency),
            currency,
            channel: channelOf(method),
            status: approved ? 'approved' : 'failed',
            statusReason: optionalText(item.reason) ?? '',
            routeId: `adyen:${method ?? 'unknown'}`,
            senderEntityId: shopper ?? optionalText(data.shopperEmail) ?? optionalText(data.cardSummary) ?? `adyen:${pspReference}`,
            senderCountry: countryCode(data.shopperCountry, data.cardIssuingCountry, data.issuerCountry),
            userId: shopper,
          }),
        },
        pspVerdict: verdictOf(data),
      };
    }
    if (eventCode === 'CHARGEBACK' || eventCode === 'NOTIFICATION_OF_FRAUD') {
      const original = requiredText(item.originalReference, 'originalReference');
      const code = optionalText(data.chargebackReasonCode);
      if (eventCode === 'CHARGEBACK' && code !== undefined && !fraudReasonCodes.has(code)) return { item: { kind: 'other' }, pspVerdict: null };
      const currency = optionalText(amount.currency) === undefined ? null : currencyCode(amount.currency, 'amount.currency');
      const value = currency === null ? null : fromMinorUnits('adyen', minorAmount(amount.value, 'amount.value'), currency);
      const source = eventCode === 'CHARGEBACK' ? 'chargeback' : 'early_fraud_warning';
      return { item: fraudLabel(original, envelope.eventTime, source, `Adyen ${eventCode}${code === undefined ? '' : ` ${code}`}: ${optionalText(item.reason) ?? ''}`.trim(), value, currency), pspVerdict: null };
    }
    return { item: { kind: 'other' }, pspVerdict: null };
  });
}
