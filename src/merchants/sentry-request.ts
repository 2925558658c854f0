import type { SentryRequest } from '../contract/sentry.js';
import type { TransactionRecord } from '../contract/transaction-record.js';
import { ValidationError, type ProblemDetail } from '../errors/errors.js';
import type { NetworkSignals } from '../features/network/network-signals.js';
import { newId } from '../platform/ids.js';
import { requestDigest } from '../scoring/score-request.js';
import { checkCustomInputs, checkHttpUrl, checkIpAddress, checkNoRawIp, checkTimestamp, customInputFeatures } from './request-checks.js';
import { deviceFingerprint } from './device-fingerprint.js';
import type { Merchant } from './merchant.repository.js';
import type { MerchantCall } from './merchant-call.js';

/** Checks what the schema cannot say about a confidence request, listing every problem. */
export function checkSentryRequest(body: SentryRequest): void {
  const problems = sentryRequestProblems(body);
  if (problems.length > 0) throw new ValidationError(problems);
}

/** What the schema cannot say about a confidence request: every problem, by code and path. */
export function sentryRequestProblems(body: SentryRequest): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const { device } = body;
  if (device.ipAddress === undefined && device.userAgent === undefined && device.sessionId === undefined) {
    problems.push({ code: 'required', path: '/device', message: 'device needs at least one of ipAddress, userAgent and sessionId' });
  }
  checkIpAddress(device.ipAddress, '/device/ipAddress', problems);
  checkNoRawIp(
    [
      ['/device/sessionId', device.sessionId],
      ['/device/userAgent', device.userAgent],
      ['/event/transactionId', body.event?.transactionId],
      ['/account/userId', body.account?.userId],
      ['/account/username', body.account?.username],
      ['/order/affiliateId', body.order?.affiliateId],
      ...(body.cart?.items ?? []).flatMap((item, index) => [[`/cart/items/${index}/itemId`, item.itemId] as const, [`/cart/items/${index}/category`, item.category] as const]),
    ],
    problems,
  );
  checkTimestamp(body.event?.timestamp, '/event/timestamp', problems);
  checkHttpUrl(body.order?.referrerUrl, '/order/referrerUrl', problems);
  checkCustomInputs(body.customInputs, problems);
  return problems;
}

/** Cart and order context as features (`cart_*`, `order_*`, `custom_*` overrides the model aligns by name). */
function orderFeatures(body: SentryRequest): Record<string, number> {
  const items = body.cart?.items ?? [];
  const categories = new Set(items.flatMap((item) => (item.category === undefined ? [] : [item.category.toLowerCase()])));
  const features: Record<string, number> = {
    cart_line_count: items.length,
    cart_quantity_total: items.reduce((sum, item) => sum + (item.quantity ?? 1), 0),
    cart_distinct_categories: categories.size,
    cart_max_item_price: items.reduce((max, item) => Math.max(max, item.price ?? 0), 0),
    order_discount_code_count: body.order?.discountCodes?.length ?? 0,
    order_has_affiliate: body.order?.affiliateId === undefined ? 0 : 1,
    order_has_referrer: body.order?.referrerUrl === undefined ? 0 : 1,
    is_recurring_purchase: body.event?.type === 'RECURRING_PURCHASE' ? 1 : 0,
  };
  return { ...features, ...customInputFeatures(body.customInputs) };
}

/**
 * A confidence request as the engine's transaction: the merchant is the receiver, the account (or,
 * without one, the session, then the device) the sender, the IP's country the sender's country
 * (`ZZ` when unknown), the device the keyed fingerprint of user agent and language. The raw IP
 * goes to the engine as an online signal only.
 */
export function sentryCall(body: SentryRequest, merchant: Merchant, now: number, deviceKey: Buffer, network: NetworkSignals): MerchantCall {
  const { device } = body;
  const ipAddress = device.ipAddress?.trim();
  const located = ipAddress === undefined ? undefined : network.lookup(ipAddress);
  const deviceId = deviceFingerprint(deviceKey, { userAgent: device.userAgent, language: device.acceptLanguage });
  const sender = body.account?.userId ?? (device.sessionId === undefined ? undefined : `session:${device.sessionId}`) ?? deviceId ?? 'anonymous';
  const eventType = body.event?.type ?? 'PURCHASE';
  const record: TransactionRecord = {
    txId: `${merchant.merchantId}:${body.event?.transactionId ?? newId('sen', now)}`,
    createdAt: now,
    amount: body.order?.amount ?? 0,
    currency: body.order?.currency ?? merchant.currency,
    fxRate: undefined,
    direction: 'pay_in',
    channel: 'card',
    psp: 'partner',
    routeId: `sentry:${eventType.toLowerCase()}`,
    status: 'pending',
    statusReason: `confidence request (${eventType})`,
    feeTotal: 0,
    senderEntityId: sender,
    receiverEntityId: merchant.merchantId,
    senderCountry: located?.country ?? 'ZZ',
    receiverCountry: located?.country ?? 'ZZ',
    userId: body.account?.userId,
    merchantId: merchant.merchantId,
    ipHash: undefined,
    deviceIdHash: deviceId,
    sessionId: device.sessionId,
    userAgent: device.userAgent,
    overrides: orderFeatures(body),
  };
  return {
    record,
    online: { ipAddress, userAgent: device.userAgent, acceptLanguage: device.acceptLanguage, sessionAgeSeconds: device.sessionAge },
    digest: requestDigest(body),
    missingSignals: ipAddress === undefined ? ['ipAddress'] : [],
    ...(body.customInputs === undefined ? {} : { custom: body.customInputs }),
  };
}
