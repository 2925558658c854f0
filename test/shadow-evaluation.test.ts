import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import type { MerchantCredentials } from './support/merchants.js';
import { stripeChargeEvent, stripeDisputeEvent, stripeEarlyFraudWarningEvent } from './support/psp-events.js';
import { merchantWithStripeFeed, sendStripeEvent } from './support/stripe-feed.js';
import { startWebhookReceiver, until, verifySentraSignature, type WebhookReceiver } from './support/webhook-receiver.js';

const admin = { authorization: `Bearer ${adminToken}` };
const secret = 'whsec_shadow_merchant_0123456789abcdef';
const day = 86_400;
const start = Date.UTC(2026, 8, 1) / 1000;

/** A deterministic generator (mulberry32), so the simulated merchant is the same on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface SimulatedPayment {
  chargeId: string;
  created: number;
  cents: number;
  fraud: boolean;
  pspFlagged: boolean;
  disputeCents: number;
}

/** 60 days of a merchant's card payments; about 5% fraud, disputed (fraudulent) or warned days later, some after the window. */
function simulate() {
  const next = random(20261203);
  const payments: SimulatedPayment[] = [];
  const events: object[] = [];
  for (let index = 0; index < 420; index++) {
    const created = start + Math.floor(next() * 60 * day);
    const cents = 500 + Math.floor(next() * 49_500);
    const fraud = next() < 0.05;
    const pspFlagged = next() < (fraud ? 0.5 : 0.05);
    const chargeId = `ch_sim_${index.toString().padStart(4, '0')}`;
    const customer = `cus_sim_${Math.floor(next() * 120)}`;
    events.push(stripeChargeEvent({ eventId: `evt_charge_${index}`, chargeId, createdSeconds: created, amount: cents, customer, riskScore: pspFlagged ? 80 : 20, riskLevel: pspFlagged ? 'elevated' : 'normal' }));
    let disputeCents = 0;
    if (fraud) {
      const reported = created + Math.floor((3 + next() * 20) * day);
      if (next() < 0.7) {
        disputeCents = cents;
        events.push(stripeDisputeEvent({ eventId: `evt_dispute_${index}`, chargeId, createdSeconds: reported, amount: cents }));
      } else {
        events.push(stripeEarlyFraudWarningEvent({ eventId: `evt_efw_${index}`, chargeId, createdSeconds: reported }));
      }
    } else if (next() < 0.02) {
      // A dispute for another reason is no fraud label.
      events.push(stripeDisputeEvent({ eventId: `evt_dispute_${index}`, chargeId, createdSeconds: created + 5 * day, amount: cents, reason: 'product_not_received' }));
    }
    payments.push({ chargeId, created, cents, fraud, pspFlagged, disputeCents });
  }
  // Delivered out of order, and one in eight twice.
  const shuffled = events.map((event) => ({ event, key: next() })).sort((a, b) => a.key - b.key).map(({ event }) => event);
  const deliveries = shuffled.flatMap((event) => (next() < 0.125 ? [event, event] : [event]));
  return { payments, deliveries };
}

interface Point {
  flagged: number;
  review_rate: number | null;
  fraud_caught: number;
  fraud_caught_usd: number;
  false_positives: number;
  precision: number | null;
  recall: number | null;
  chargeback_avoided_usd: number;
}

/** The figures computed directly from the simulated data and the stored scores. */
function expectedPoint(payments: readonly (SimulatedPayment & { score: number })[], flagged: (payment: SimulatedPayment & { score: number }) => boolean): Point {
  const hits = payments.filter(flagged);
  const caught = hits.filter((payment) => payment.fraud);
  const fraud = payments.filter((payment) => payment.fraud).length;
  return {
    flagged: hits.length,
    review_rate: payments.length === 0 ? null : hits.length / payments.length,
    fraud_caught: caught.length,
    fraud_caught_usd: caught.reduce((sum, payment) => sum + payment.cents, 0) / 100,
    false_positives: hits.length - caught.length,
    precision: hits.length === 0 ? null : caught.length / hits.length,
    recall: fraud === 0 ? null : caught.length / fraud,
    chargeback_avoided_usd: caught.reduce((sum, payment) => sum + payment.disputeCents, 0) / 100,
  };
}

/** Shadow mode end to end: 60 simulated days as signed Stripe events → the evaluation report, promotion, demotion. */
describe.each(storeKinds)('shadow mode and the evaluation report on %s', (store) => {
  let sentra: TestApp;
  let merchant: MerchantCredentials;
  let receiver: WebhookReceiver;
  let endpointSecret: string;
  const clock = new ManualClock((start + 61 * day) * 1000);
  const { payments, deliveries } = simulate();
  const scores = new Map<string, number>();

  const send = (event: object) => sendStripeEvent(sentra.app, merchant.merchantId, event, secret, Math.floor(clock.now() / 1000));

  beforeAll(async () => {
    sentra = await startTestApp(store, { SENTRA_WEBHOOK_ALLOW_PRIVATE: 'true', SENTRA_FEED_REORDER_MS: '0', ...(store === 'postgres' ? { SENTRA_FEED_KEY: 'b2'.repeat(32) } : {}) }, { clock });
    // Every payment escalates at review_at 0, so every shadow decision would open a case in a live merchant's queue.
    merchant = await merchantWithStripeFeed(sentra.app, adminToken, secret, { name: 'Shadow shop', mode: 'shadow', thresholds: { challenge_at: 0, review_at: 60, deny_at: 90 } });
    // The merchant's production endpoint is registered from the start: shadow mode must send it nothing.
    receiver = await startWebhookReceiver();
    const endpoint = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks`, headers: admin, payload: { url: receiver.url, events: ['decision.created', 'case.resolved', 'enrichment.ready'] } });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
    endpointSecret = endpoint.json().secret as string;
    let duplicates = 0;
    for (const event of deliveries) {
      const response = await send(event);
      expect(response.statusCode, response.body).toBe(200);
      duplicates += (response.json() as { duplicates: number }).duplicates;
    }
    expect(duplicates).toBe(deliveries.length - new Set(deliveries).size);
    await sentra.feeds.processor.drain();
    const listed = await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/feeds/events?status=processed&limit=1000`, headers: admin });
    for (const event of (listed.json() as { items: { kind: string; tx_id: string; decision_id: string | null }[] }).items) {
      if (event.kind !== 'transaction' || event.decision_id === null) continue;
      const decision = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${event.decision_id}`, headers: admin });
      expect(decision.json().shadow).toBe(true);
      scores.set(event.tx_id, decision.json().risk_score as number);
    }
  }, 300_000);
  afterAll(async () => {
    await sentra.close();
    await receiver.close();
  });

  it('scores every simulated payment once, in shadow, with no case in the live queue and every case kept apart as shadow', async () => {
    expect(scores.size).toBe(payments.length);
    const live = await sentra.app.inject({ method: 'GET', url: `/v1/cases?merchant_id=${merchant.merchantId}&limit=200`, headers: admin });
    expect(live.json().items).toEqual([]);
    const shadow = await sentra.app.inject({ method: 'GET', url: `/v1/cases?merchant_id=${merchant.merchantId}&shadow=true&limit=200`, headers: admin });
    expect(shadow.json().items.length).toBe(200);
    expect(shadow.json().items.every((item: { shadow: boolean }) => item.shadow)).toBe(true);
    const logged = await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks/deliveries`, headers: admin });
    expect(logged.json().items).toEqual([]);
    expect(receiver.received).toEqual([]);
  });

  it('reports the figures computed directly from the same data, counting labels that arrived after the window', async () => {
    const from = new Date(start * 1000);
    const to = new Date((start + 50 * day) * 1000);
    const response = await sentra.app.inject({ method: 'GET', url: `/v1/merchants/${merchant.merchantId}/evaluation?from=${from.toISOString()}&to=${to.toISOString()}`, headers: admin });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    const inWindow = payments.filter((payment) => payment.created * 1000 >= from.getTime() && payment.created * 1000 < to.getTime()).map((payment) => ({ ...payment, score: scores.get(payment.chargeId)! }));
    expect(inWindow.some((payment) => payment.fraud && payment.created + 23 * day > start + 50 * day)).toBe(true);
    expect(report.totals).toEqual({
      payments: inWindow.length,
      shadow_payments: inWindow.length,
      fraud: inWindow.filter((payment) => payment.fraud).length,
      fraud_usd: inWindow.filter((payment) => payment.fraud).reduce((sum, payment) => sum + payment.cents, 0) / 100,
      chargeback_usd: inWindow.reduce((sum, payment) => sum + payment.disputeCents, 0) / 100,
    });
    expect(report.totals.fraud).toBeGreaterThan(5);
    expect(report.thresholds).toEqual({ review_at: 0, hold_at: 600, block_at: 900, source: 'merchant' });
    for (const point of report.operating_points as (Point & { cutoff: number; name: string })[]) {
      expect({ ...point, name: undefined, cutoff: undefined }, point.name).toEqual({ ...expectedPoint(inWindow, (payment) => payment.score >= point.cutoff), name: undefined, cutoff: undefined });
    }
    expect(report.operating_points.map((point: { name: string }) => point.name)).toEqual(['review_at', 'hold_at', 'block_at', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `alternative_${n * 100}`)]);
    expect(report.score_distribution).toEqual(
      Array.from({ length: 10 }, (_, band) => {
        const members = inWindow.filter((payment) => payment.score >= band * 100 && payment.score <= (band === 9 ? 1000 : band * 100 + 99));
        return { from: band * 100, to: band === 9 ? 1000 : band * 100 + 99, payments: members.length, fraud: members.filter((payment) => payment.fraud).length };
      }),
    );
    for (const point of report.precision_recall as { cutoff: number; flagged: number; precision: number | null; recall: number | null }[]) {
      const expected = expectedPoint(inWindow, (payment) => payment.score >= point.cutoff);
      expect(point).toEqual({ cutoff: point.cutoff, flagged: expected.flagged, precision: expected.precision, recall: expected.recall });
    }
    expect(report.psp_comparison).toEqual({ payments: inWindow.length, psp: expectedPoint(inWindow, (payment) => payment.pspFlagged), sentra: expectedPoint(inWindow, (payment) => payment.score >= 0) });

    const csv = await sentra.app.inject({ method: 'GET', url: `/v1/merchants/${merchant.merchantId}/evaluation?from=${from.toISOString()}&to=${to.toISOString()}&format=csv`, headers: admin });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('section,name,cutoff,payments,flagged,review_rate,fraud,fraud_caught,fraud_caught_usd,false_positives,precision,recall,chargeback_avoided_usd');
    const hold = report.operating_points[1] as Point;
    expect(lines[2]).toBe(['operating_point', 'hold_at', 600, inWindow.length, hold.flagged, hold.review_rate, report.totals.fraud, hold.fraud_caught, hold.fraud_caught_usd, hold.false_positives, hold.precision ?? '', hold.recall ?? '', hold.chargeback_avoided_usd].join(','));

    const html = await sentra.app.inject({ method: 'GET', url: `/v1/merchants/${merchant.merchantId}/evaluation?from=${from.toISOString()}&to=${to.toISOString()}`, headers: { ...admin, accept: 'text/html' } });
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['content-security-policy']).toContain("style-src 'unsafe-inline'");
    expect(html.body).toContain('Shadow shop');
    expect(html.body).toContain('<svg');
    expect(html.body).not.toMatch(/<script|src=|href=/);
    expect(html.body).toContain(`${inWindow.length} payments`);
  });

  it('promotes to live with the same feed: the next payment is live, opens a case in the live queue and reaches the local receiver signed; its resolution follows as case.resolved; demotion goes back, both dated in the report', async () => {
    const promoted = await sentra.app.inject({ method: 'POST', url: `/v1/merchants/${merchant.merchantId}/promote`, headers: admin });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json()).toMatchObject({ merchant_id: merchant.merchantId, mode: 'live' });
    expect((await sentra.app.inject({ method: 'POST', url: `/v1/merchants/${merchant.merchantId}/promote`, headers: admin })).statusCode).toBe(409);
    expect((await send(stripeChargeEvent({ eventId: 'evt_after_promotion', chargeId: 'ch_after_promotion', createdSeconds: Math.floor(clock.now() / 1000) - 60, amount: 2500 }))).statusCode).toBe(200);
    await sentra.feeds.processor.drain();
    const live = await sentra.app.inject({ method: 'GET', url: `/v1/cases?merchant_id=${merchant.merchantId}`, headers: admin });
    expect(live.json().items.map((item: { tx_id: string; shadow: boolean }) => [item.tx_id, item.shadow])).toEqual([['ch_after_promotion', false]]);

    const nowSeconds = Math.floor(clock.now() / 1000);
    await until(() => receiver.received.length === 1, 'the decision.created delivery');
    const decided = receiver.received[0]!;
    expect(verifySentraSignature(String(decided.headers['sentra-signature']), decided.body, endpointSecret, nowSeconds)).toBe(true);
    expect(JSON.parse(decided.body)).toMatchObject({ type: 'decision.created', data: { tx_id: 'ch_after_promotion', merchant_id: merchant.merchantId, decision: live.json().items[0].decision } });

    const opened = live.json().items[0] as { case_id: string; version: number };
    const resolved = await sentra.app.inject({ method: 'POST', url: `/v1/cases/${opened.case_id}/resolve`, headers: admin, payload: { version: opened.version, label: 'legit', reason: 'known customer' } });
    expect(resolved.statusCode, resolved.body).toBe(200);
    await until(() => receiver.received.length === 2, 'the case.resolved delivery');
    const closed = receiver.received[1]!;
    expect(verifySentraSignature(String(closed.headers['sentra-signature']), closed.body, endpointSecret, nowSeconds)).toBe(true);
    expect(JSON.parse(closed.body)).toMatchObject({ type: 'case.resolved', data: { case_id: opened.case_id, tx_id: 'ch_after_promotion', resolution: 'legit', reason: 'known customer' } });
    clock.advance(60_000);
    const demoted = await sentra.app.inject({ method: 'POST', url: `/v1/merchants/${merchant.merchantId}/demote`, headers: admin });
    expect(demoted.json()).toMatchObject({ mode: 'shadow' });
    const report = (await sentra.app.inject({ method: 'GET', url: `/v1/merchants/${merchant.merchantId}/evaluation`, headers: admin })).json();
    expect(report.mode).toBe('shadow');
    expect(report.mode_changes.map((change: { mode: string }) => change.mode)).toEqual(['live', 'shadow']);
    const audit = await sentra.runtime.database.db.selectFrom('audit_log').select('action').where('subject', '=', merchant.merchantId).execute();
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['merchant.promoted', 'merchant.demoted']));
  });
});
