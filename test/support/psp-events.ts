import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { hmacValidator as HmacValidator } from '@adyen/api-library';

/**
 * PSP webhook payloads modelled on the PSPs' documented example events, and signatures made with
 * the PSPs' own libraries (Stripe's test-header helper, Adyen's HMAC validator); Checkout.com's
 * Cko-Signature is the HMAC-SHA256 of the body its docs describe.
 */

/** A Stripe charge event (`charge.succeeded` by default) shaped like Stripe's example charge object. */
export function stripeChargeEvent(options: { eventId: string; chargeId: string; createdSeconds: number; amount: number; currency?: string; customer?: string; riskScore?: number; riskLevel?: string; type?: string; status?: string; country?: string }) {
  return {
    id: options.eventId,
    object: 'event',
    api_version: '2024-06-20',
    created: options.createdSeconds,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: options.type ?? 'charge.succeeded',
    data: {
      object: {
        id: options.chargeId,
        object: 'charge',
        amount: options.amount,
        amount_captured: options.amount,
        amount_refunded: 0,
        balance_transaction: 'txn_1MiN3gLkdIwHu7ixxapQrznl',
        billing_details: { address: { city: null, country: options.country ?? 'US', line1: null, line2: null, postal_code: '94107', state: null }, email: null, name: 'Jenny Rosen', phone: null },
        captured: true,
        created: options.createdSeconds,
        currency: options.currency ?? 'usd',
        customer: options.customer ?? null,
        description: 'My First Test Charge (created for API docs)',
        failure_code: null,
        failure_message: null,
        livemode: false,
        metadata: {},
        outcome: {
          network_status: 'approved_by_network',
          reason: null,
          risk_level: options.riskLevel ?? 'normal',
          risk_score: options.riskScore ?? 32,
          seller_message: 'Payment complete.',
          type: 'authorized',
        },
        paid: true,
        payment_intent: null,
        payment_method: 'card_1MiN3gLkdIwHu7ixOhuQyHSs',
        payment_method_details: {
          card: { brand: 'visa', checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' }, country: 'US', exp_month: 3, exp_year: 2030, fingerprint: 'Xt5EWLLDS7FJjR1c', funding: 'credit', last4: '4242', network: 'visa' },
          type: 'card',
        },
        receipt_url: 'https://pay.stripe.com/receipts/example',
        refunded: false,
        status: options.status ?? 'succeeded',
      },
    },
  };
}

/** A Stripe `charge.dispute.created` event shaped like Stripe's example dispute object. */
export function stripeDisputeEvent(options: { eventId: string; chargeId: string; createdSeconds: number; amount: number; currency?: string; reason?: string }) {
  return {
    id: options.eventId,
    object: 'event',
    api_version: '2024-06-20',
    created: options.createdSeconds,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'charge.dispute.created',
    data: {
      object: {
        id: `dp_${options.eventId.slice(4)}`,
        object: 'dispute',
        amount: options.amount,
        balance_transactions: [],
        charge: options.chargeId,
        created: options.createdSeconds,
        currency: options.currency ?? 'usd',
        evidence_details: { due_by: options.createdSeconds + 7 * 86_400, has_evidence: false, past_due: false, submission_count: 0 },
        is_charge_refundable: true,
        livemode: false,
        metadata: {},
        payment_intent: null,
        reason: options.reason ?? 'fraudulent',
        status: 'warning_needs_response',
      },
    },
  };
}

/** A Stripe `radar.early_fraud_warning.created` event. */
export function stripeEarlyFraudWarningEvent(options: { eventId: string; chargeId: string; createdSeconds: number }) {
  return {
    id: options.eventId,
    object: 'event',
    api_version: '2024-06-20',
    created: options.createdSeconds,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'radar.early_fraud_warning.created',
    data: { object: { id: `issfr_${options.eventId.slice(4)}`, object: 'radar.early_fraud_warning', actionable: true, charge: options.chargeId, created: options.createdSeconds, fraud_type: 'made_with_stolen_card', livemode: false } },
  };
}

/** The Stripe-Signature header Stripe's own library makes for `payload` at `timestampSeconds`. */
export function stripeSignature(payload: string, secret: string, timestampSeconds: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: timestampSeconds });
}

/** An Adyen standard notification item as Adyen's docs show it, signed with Adyen's HMAC validator under a hex key. */
export function adyenItem(hexKey: string, fields: { eventCode: string; pspReference: string; originalReference?: string; value: number; currency: string; eventDate: string; success?: string; reason?: string; additionalData?: Record<string, string> }) {
  const item = {
    additionalData: { ...fields.additionalData } as Record<string, string>,
    amount: { currency: fields.currency, value: fields.value },
    eventCode: fields.eventCode,
    eventDate: fields.eventDate,
    merchantAccountCode: 'YOUR_MERCHANT_ACCOUNT',
    merchantReference: `order-${fields.pspReference}`,
    ...(fields.originalReference === undefined ? {} : { originalReference: fields.originalReference }),
    paymentMethod: 'visa',
    pspReference: fields.pspReference,
    reason: fields.reason ?? '033899:1111:03/2030',
    success: fields.success ?? 'true',
  };
  item.additionalData.hmacSignature = new HmacValidator().calculateHmac(item as never, hexKey);
  return item;
}

/** An Adyen notification request body holding these items. */
export function adyenNotification(items: readonly object[]) {
  return { live: 'false', notificationItems: items.map((item) => ({ NotificationRequestItem: item })) };
}

/** A Checkout.com `payment_approved` event shaped like its webhook docs' example. */
export function checkoutPaymentEvent(options: { eventId: string; paymentId: string; createdOn: string; amount: number; currency: string; flagged?: boolean; type?: string }) {
  return {
    id: options.eventId,
    type: options.type ?? 'payment_approved',
    version: '1.0.33',
    created_on: options.createdOn,
    data: {
      id: options.paymentId,
      action_id: 'act_y3oqhf46pyzuxjbcn2giaqnb44',
      amount: options.amount,
      currency: options.currency,
      approved: true,
      status: 'Authorized',
      auth_code: '770687',
      response_code: '10000',
      response_summary: 'Approved',
      '3ds': { downgraded: false, enrolled: 'Y' },
      risk: { flagged: options.flagged ?? false },
      source: { id: 'src_nwd3m4in3hkuddfpjsaevunhdy', type: 'card', billing_address: { country: 'GB' }, expiry_month: 6, expiry_year: 2030, scheme: 'Visa', last_4: '4242', fingerprint: 'F639CAB2745BEE4140BF86DF6B6D6', bin: '424242', card_type: 'Credit', issuer_country: 'GB' },
      customer: { id: 'cus_udst2tfldj6upmye2reztkmm4i', email: 'brucewayne@gmail.com' },
      processed_on: options.createdOn,
      reference: 'ORD-5023-4E89',
    },
    _links: { self: { href: 'https://api.sandbox.checkout.com/workflows/events/evt_az5sblvku4ge3dwpztvyizgcau' } },
  };
}

/** The Cko-Signature of a Checkout.com body under a webhook signature key. */
export function checkoutSignature(payload: string, key: string): string {
  return createHmac('sha256', key).update(payload).digest('hex');
}
