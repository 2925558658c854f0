import type { EventRequest } from '../contract/events.js';
import { eventTypeOverrides } from '../contract/event-types.js';
import type { TransactionRecord } from '../contract/transaction-record.js';
import { ValidationError, type ProblemDetail } from '../errors/errors.js';
import type { NetworkObservation, NetworkSignals } from '../features/network/network-signals.js';
import { requestDigest } from '../scoring/score-request.js';
import { checkIpAddress, checkNoRawIp } from './request-checks.js';
import { deviceFingerprint } from './device-fingerprint.js';
import type { Merchant } from './merchant.repository.js';
import type { MerchantCall } from './merchant-call.js';
import { isTimeZone, utcOffsetHours } from './time-zone.js';

/** Screen sides a real display has, in pixels. */
const screenSide = { minimum: 100, maximum: 20_000 };

/** Checks what the schema cannot say about an event, listing every problem. */
export function checkEventRequest(body: EventRequest): void {
  const problems: ProblemDetail[] = [];
  checkIpAddress(body.ipAddress, '/ipAddress', problems);
  if (body.screenResolution !== undefined) {
    const sides = body.screenResolution.split('x').map(Number);
    if (sides.some((side) => side < screenSide.minimum || side > screenSide.maximum)) {
      problems.push({ code: 'range', path: '/screenResolution', message: `each side of screenResolution must be ${screenSide.minimum}–${screenSide.maximum} pixels` });
    }
  }
  if (body.timezone !== undefined && !isTimeZone(body.timezone)) problems.push({ code: 'format', path: '/timezone', message: 'timezone must be an IANA time zone name such as Europe/Berlin' });
  checkNoRawIp(
    [
      ['/userId', body.userId],
      ['/sessionId', body.sessionId],
      ['/orderId', body.orderId],
      ['/channel', body.channel],
      ['/platform', body.platform],
      ['/userAgent', body.userAgent],
      ['/emailHash', body.emailHash],
      ['/phoneHash', body.phoneHash],
    ],
    problems,
  );
  if (body.emailHash?.includes('@') === true) problems.push({ code: 'not_hashed', path: '/emailHash', message: 'emailHash holds an e-mail address; send a hash of it' });
  if (body.phoneHash !== undefined && /^\+?[\d\s().-]{6,24}$/.test(body.phoneHash)) problems.push({ code: 'not_hashed', path: '/phoneHash', message: 'phoneHash holds a phone number; send a hash of it' });
  if (problems.length > 0) throw new ValidationError(problems);
}

/** An event mapped for the engine, with what the answer needs besides the features. */
export interface EventCall extends MerchantCall {
  /** What the offline databases say about the IP (undefined without one, or unknown). */
  located: NetworkObservation | undefined;
  /** The browser's UTC offset at the event, hours; undefined without a time zone. */
  browserOffsetHours: number | undefined;
  /** Device traits beyond the user agent were sent (screen, platform or time zone). */
  richDevice: boolean;
}

/**
 * An event as the engine's transaction: the user is the sender (the same profile payments of that
 * user build), the merchant the receiver, the IP's country the sender's country (`ZZ` unknown), the
 * device the keyed fingerprint of user agent, screen, platform, time zone and language. Account
 * events (login, signup, password reset, account update) carry amount 0 unless one is sent, and
 * their type reaches the model as `event_type_code` (1–6 in the order of `eventTypes`) and
 * `is_account_event`; payments and withdrawals carry no override, as on `POST /v1/risk/score` and in
 * the simulator's rows (see `eventTypeOverrides`).
 */
export function eventCall(body: EventRequest, eventId: string, merchant: Merchant, now: number, deviceKey: Buffer, network: NetworkSignals): EventCall {
  const ipAddress = body.ipAddress?.trim();
  const located = ipAddress === undefined ? undefined : network.lookup(ipAddress);
  const deviceId = deviceFingerprint(deviceKey, { userAgent: body.userAgent, screenResolution: body.screenResolution, platform: body.platform, timezone: body.timezone, language: body.language });
  const country = located?.country ?? 'ZZ';
  const record: TransactionRecord = {
    txId: `${merchant.merchantId}:${eventId}`,
    createdAt: now,
    amount: body.amount ?? 0,
    currency: body.currency ?? merchant.currency,
    fxRate: undefined,
    direction: body.eventType === 'withdrawal_attempt' ? 'payout' : 'pay_in',
    channel: 'card',
    psp: 'partner',
    routeId: `event:${body.eventType}`,
    status: 'pending',
    statusReason: `${body.eventType} event${body.channel === undefined ? '' : ` (${body.channel})`}`,
    feeTotal: 0,
    senderEntityId: body.userId,
    receiverEntityId: merchant.merchantId,
    senderCountry: country,
    receiverCountry: country,
    userId: body.userId,
    merchantId: merchant.merchantId,
    ipHash: undefined,
    deviceIdHash: deviceId,
    sessionId: body.sessionId,
    userAgent: body.userAgent,
    overrides: eventTypeOverrides(body.eventType),
  };
  return {
    record,
    online: { ipAddress, userAgent: body.userAgent, acceptLanguage: body.language },
    digest: requestDigest(body),
    missingSignals: ipAddress === undefined ? ['ipAddress'] : [],
    located,
    browserOffsetHours: body.timezone === undefined ? undefined : utcOffsetHours(body.timezone, now),
    richDevice: body.screenResolution !== undefined || body.platform !== undefined || body.timezone !== undefined,
  };
}
