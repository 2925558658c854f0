import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { createMerchant, type MerchantCredentials } from './support/merchants.js';
import { databaseFingerprint, resetFingerprintTables } from './support/route-harness.js';
import { scoreBody } from './support/score-body.js';

const admin = { authorization: `Bearer ${adminToken}` };

/** Seed 004's request example exactly as printed, trailing comma included. */
const seedRequestText = `{
    "userId": "User_24",
    "eventType": "payment_attempt",
    "sessionId": "SessionId24",
    "ipAddress": "2405:8100:8000:5ca1::17:f1c5",
    "userAgent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:141.0) Gecko/20100101 Firefox/141.0",    
    "channel": "Web",
    "screenResolution": "1536x960",
    "timezone": "Atlantic/Reykjavik",
    "platform": "Windows",
    "language": "en-US",
}`;

const firefox = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:141.0) Gecko/20100101 Firefox/141.0';
const safari = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
/** Addresses the shipped offline databases place: Koblenz (residential), London, Sydney, Google (hosting). */
const ip = { germany: '46.114.1.1', london: '81.2.69.160', sydney: '203.2.218.214', datacenter: '8.8.8.8' };
const minute = 60_000;
const hour = 60 * minute;

/** Event API (seed 004): contract, details, triggered factors from real sequences, takeover, isolation, bad input. */
describe.each(storeKinds)('POST /api/v1/Events on %s', (store) => {
  let sentra: TestApp;
  let merchant: MerchantCredentials;
  const clock = new ManualClock(Date.UTC(2026, 10, 2, 12, 0, 0));
  let userCounter = 0;
  const newUser = () => `user-${store}-${userCounter++}`;

  beforeAll(async () => {
    resetFingerprintTables();
    sentra = await startTestApp(store, {}, { clock });
    await sentra.runtime.features.networkReady;
    merchant = await createMerchant(sentra.app, adminToken, {}, '1000');
  }, 120_000);
  afterAll(async () => {
    await sentra.close();
  });

  const send = async (body: object, credentials = merchant) => {
    const response = await sentra.app.inject({ method: 'POST', url: '/api/v1/Events', headers: credentials.headers, payload: body });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };
  const event = (userId: string, overrides: object = {}) => ({
    userId,
    eventType: 'login_attempt',
    sessionId: `session-${userId}`,
    ipAddress: ip.germany,
    userAgent: firefox,
    channel: 'Web',
    screenResolution: '1920x1080',
    timezone: 'Europe/Berlin',
    platform: 'Windows',
    language: 'de-DE',
    ...overrides,
  });
  const factorsOf = async (body: object) => (await send(body)).json().triggeredFactors as string[];

  it("answers seed 004's example (minus its trailing comma) with every field, type and range of the seed's response", async () => {
    const body = JSON.parse(seedRequestText.replace(/,\s*}$/, '}'));
    const response = await send(body);
    const answer = response.json();
    expect(Object.keys(answer).sort()).toEqual(['confidence', 'decision', 'eventId', 'processedAt', 'processingTimeMs', 'recommendedActions', 'riskBreakdown', 'riskScore', 'triggeredFactors'].sort());
    expect(answer.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.isInteger(answer.riskScore) && answer.riskScore >= 0 && answer.riskScore <= 100).toBe(true);
    expect(['ALLOW', 'CHALLENGE', 'REVIEW', 'DENY']).toContain(answer.decision);
    expect(answer.confidence).toBeGreaterThanOrEqual(0);
    expect(answer.confidence).toBeLessThanOrEqual(1);
    expect(Object.keys(answer.riskBreakdown).sort()).toEqual(['behavioral', 'device', 'geo', 'ip']);
    for (const score of Object.values(answer.riskBreakdown)) expect(Number.isInteger(score) && (score as number) >= 0 && (score as number) <= 100).toBe(true);
    for (const action of answer.recommendedActions) {
      expect(Object.keys(action).sort()).toEqual(['priority', 'type']);
      expect(['HIGH', 'MEDIUM', 'LOW']).toContain(action.priority);
    }
    expect(Number.isInteger(answer.processingTimeMs) && answer.processingTimeMs >= 0).toBe(true);
    expect(new Date(answer.processedAt).toISOString()).toBe(answer.processedAt);
    // Cloudflare's network is a hosting network in Montreal; the browser says Reykjavik (UTC+0), about 5 hours off the sun there.
    expect(answer.triggeredFactors).toEqual(['TIMEZONE_MISMATCH', 'DATACENTER_IP']);
    expect(answer.riskBreakdown).toEqual({ device: 0, geo: 25, behavioral: 0, ip: 35 });
    // The engine's decision behind it: riskScore = floor(risk_score / 10), decision mapped one to one.
    const decision = (await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${String(response.headers['sentra-decision-id'])}`, headers: admin })).json();
    expect(answer.riskScore).toBe(Math.floor(decision.risk_score / 10));
    expect(answer.decision).toBe({ PASS: 'ALLOW', REVIEW: 'CHALLENGE', HOLD: 'REVIEW', BLOCK: 'DENY' }[decision.decision as string]);

    const details = await sentra.app.inject({ method: 'GET', url: `/api/v1/Events/${answer.eventId}/details`, headers: merchant.headers });
    expect(details.statusCode, details.body).toBe(200);
    const stored = details.json();
    expect(Object.keys(stored).sort()).toEqual(['createdAt', 'decision', 'eventId', 'eventType', 'processedAt', 'riskComponents', 'riskScore', 'userId'].sort());
    expect(stored).toMatchObject({ eventId: answer.eventId, userId: 'User_24', eventType: 'payment_attempt', riskScore: answer.riskScore, decision: answer.decision });
    expect(stored.riskComponents).toEqual([
      { component: 'DEVICE', score: 0, details: { deviceAge: '00:00:00.0000000', accessCount: 1 } },
      { component: 'GEO', score: 25, factors: ['TIMEZONE_MISMATCH'] },
      { component: 'BEHAVIORAL', score: 0 },
      { component: 'IP', score: 35, factors: ['DATACENTER_IP'] },
    ]);
    // The raw IP is stored nowhere.
    for (const table of ['transactions', 'merchant_events', 'risk_scores'] as const) {
      const rows = await sentra.runtime.database.db.selectFrom(table).selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain('2405:8100:8000:5ca1');
    }
  });

  it('produces each triggered factor from a sequence of real requests, and none for a habitual one', async () => {
    const user = newUser();
    clock.advance(hour);
    await send(event(user));
    clock.advance(10 * minute);
    expect(await factorsOf(event(user))).toEqual([]);
    clock.advance(10 * minute);
    expect(await factorsOf(event(user, { userAgent: safari, platform: 'MacIntel', screenResolution: '1512x982' }))).toEqual(expect.arrayContaining(['NEW_DEVICE', 'SESSION_DEVICE_SWITCHING']));

    const sharedDevice = { userAgent: safari, platform: 'MacIntel', screenResolution: '1440x900', sessionId: undefined };
    await send(event(newUser(), sharedDevice));
    await send(event(newUser(), sharedDevice));
    expect(await factorsOf(event(newUser(), sharedDevice))).toContain('DEVICE_SHARING_3_USERS');

    const switching = newUser();
    await send(event(switching, { sessionId: 'shared-session' }));
    expect(await factorsOf(event(switching, { sessionId: 'shared-session', ipAddress: '95.90.1.1' }))).toContain('SESSION_IP_SWITCHING');

    const traveller = newUser();
    await send(event(traveller));
    clock.advance(2 * hour);
    const london = await factorsOf(event(traveller, { ipAddress: ip.london, timezone: 'Europe/London' }));
    expect(london.find((factor) => factor.startsWith('LOCATION_MISMATCH_'))).toMatch(/^LOCATION_MISMATCH_(5|6)\d\dKM$/);
    expect(london).not.toContain('IMPOSSIBLE_TRAVEL');
    clock.advance(10 * minute);
    expect(await factorsOf(event(traveller, { ipAddress: ip.sydney, timezone: 'Europe/London' }))).toEqual(expect.arrayContaining(['IMPOSSIBLE_TRAVEL', 'TIMEZONE_MISMATCH']));

    const busy = newUser();
    for (let index = 0; index < 10; index++) {
      await send(event(busy));
      clock.advance(minute);
    }
    expect(await factorsOf(event(busy))).toContain('HIGH_VELOCITY');

    expect(await factorsOf(event(newUser(), { userAgent: 'python-requests/2.31.0' }))).toContain('BOT_USER_AGENT');
    expect(await factorsOf(event(newUser(), { ipAddress: ip.datacenter, timezone: 'America/Los_Angeles' }))).toContain('DATACENTER_IP');
    expect(await factorsOf(event(newUser(), { timezone: 'America/Los_Angeles' }))).toContain('TIMEZONE_MISMATCH');

    // A user who always comes at 14:00 Berlin time, then at 03:00.
    const habitual = newUser();
    const day = Date.UTC(2026, 10, 10, 13, 0, 0);
    for (let index = 0; index < 5; index++) {
      clock.set(day + index * 24 * hour);
      expect(await factorsOf(event(habitual))).not.toContain('LATE_NIGHT_ACTIVITY');
    }
    clock.set(day + 5 * 24 * hour + 13 * hour);
    expect(await factorsOf(event(habitual))).toEqual(expect.arrayContaining(['UNUSUAL_HOUR_3', 'LATE_NIGHT_ACTIVITY']));
  });

  it('flags NEW_COUNTRY only when the IP country is not among the countries the user was seen in, and they were seen in one', async () => {
    const user = newUser();
    clock.advance(hour);
    // A first sighting: no countries on record, nothing to compare with.
    expect(await factorsOf(event(user))).not.toContain('NEW_COUNTRY');
    clock.advance(hour);
    expect(await factorsOf(event(user, { ipAddress: undefined }))).not.toContain('NEW_COUNTRY');
    clock.advance(3 * hour);
    const away = (await send(event(user, { ipAddress: ip.london, timezone: 'Europe/London' }))).json();
    expect(away.triggeredFactors).toContain('NEW_COUNTRY');
    const details = (await sentra.app.inject({ method: 'GET', url: `/api/v1/Events/${away.eventId}/details`, headers: merchant.headers })).json();
    expect(details.riskComponents.find((component: { component: string }) => component.component === 'GEO').factors).toContain('NEW_COUNTRY');
    // Both countries are now the user's: neither is new again, whatever the event type.
    clock.advance(3 * hour);
    expect(await factorsOf(event(user, { ipAddress: ip.london, timezone: 'Europe/London', eventType: 'account_update' }))).not.toContain('NEW_COUNTRY');
    clock.advance(3 * hour);
    expect(await factorsOf(event(user, { eventType: 'payment_attempt', amount: 20, currency: 'EUR' }))).not.toContain('NEW_COUNTRY');
    // Countries are the user's own: another user's first sighting abroad is no NEW_COUNTRY.
    expect(await factorsOf(event(newUser(), { ipAddress: ip.sydney, timezone: 'Australia/Sydney' }))).not.toContain('NEW_COUNTRY');
    // After 30 days without the user the countries are forgotten.
    clock.advance(31 * 24 * hour);
    expect(await factorsOf(event(user, { ipAddress: ip.sydney, timezone: 'Australia/Sydney' }))).not.toContain('NEW_COUNTRY');
  });

  it('shows an account takeover across event types, in the details and to the payment scores', async () => {
    const victim = newUser();
    const start = Date.UTC(2026, 10, 20, 9, 0, 0);
    for (let index = 0; index < 4; index++) {
      clock.set(start + index * 24 * hour);
      await send(event(victim));
    }
    clock.set(start + 3 * 24 * hour + 2 * hour);
    const attacker = { ipAddress: ip.sydney, userAgent: safari, platform: 'MacIntel', screenResolution: '1512x982', timezone: 'Australia/Sydney', language: 'en-AU', sessionId: 'attacker-session' };
    const login = (await send(event(victim, attacker))).json();
    expect(login.triggeredFactors).toEqual(expect.arrayContaining(['NEW_DEVICE', 'NEW_COUNTRY', 'IMPOSSIBLE_TRAVEL']));
    expect(login.triggeredFactors.find((factor: string) => factor.startsWith('LOCATION_MISMATCH_'))).toBeDefined();
    clock.advance(2 * minute);
    const reset = (await send(event(victim, { ...attacker, eventType: 'password_reset' }))).json();
    clock.advance(3 * minute);
    const payment = await send(event(victim, { ...attacker, eventType: 'payment_attempt', amount: 2500, currency: 'EUR' }));
    const details = (await sentra.app.inject({ method: 'GET', url: `/api/v1/Events/${payment.json().eventId}/details`, headers: merchant.headers })).json();
    expect(details.riskComponents[0]).toMatchObject({ component: 'DEVICE', details: { deviceAge: '00:05:00.0000000', accessCount: 3 } });
    expect(reset.eventId).not.toBe(login.eventId);
    // A payment scored on the platform API for the same user sees the account events in its features.
    const scored = await sentra.app.inject({
      method: 'POST',
      url: '/v1/risk/score',
      headers: admin,
      payload: scoreBody({ transaction: { created_at: new Date(clock.now() + minute).toISOString(), amount: 900 }, entities: { sender_entity_id: victim, receiver_entity_id: 'shop-1', sender_country: 'DE' } }),
    });
    const decision = (await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${scored.json().request_id}`, headers: admin })).json();
    // Three account events in the hour; the home device, the attacker's and the payment's own (counted in) in 24 hours.
    expect(decision.features.sender_tx_count_1h).toBe(3);
    expect(decision.features.sender_distinct_devices_24h).toBe(3);
    expect(decision.features.sender_distinct_ips_24h).toBe(3);
  });

  it("scores a takeover with the shipped default model: the fraudster's night login from a new device on a datacenter IP above the user's ordinary logins, and the payment after the password reset above the user's ordinary payments", async () => {
    const user = newUser();
    const engineScore = async (body: object) => {
      const response = await send(body);
      const decision = (await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${response.headers['sentra-decision-id'] as string}`, headers: admin })).json();
      return { riskScore: response.json().riskScore as number, engine: decision.risk_score as number, decision: response.json().decision as string, factors: response.json().triggeredFactors as string[], features: decision.features as Record<string, number | null> };
    };
    // Two weeks of ordinary evenings: a login from the home device and IP, then a payment of 40–60.
    const start = Date.UTC(2026, 11, 1, 18, 30, 0);
    const ordinary = { sessionId: undefined as string | undefined };
    let ordinaryLogin = { riskScore: 0, engine: 0, decision: '', factors: [] as string[], features: {} as Record<string, number | null> };
    let ordinaryPayment = { riskScore: 0, engine: 0, decision: '', factors: [] as string[], features: {} as Record<string, number | null> };
    for (let day = 0; day < 14; day++) {
      clock.set(start + day * 24 * hour + (day % 3) * 17 * minute);
      ordinary.sessionId = `home-${user}-${day}`;
      ordinaryLogin = await engineScore(event(user, ordinary));
      clock.advance(4 * minute);
      ordinaryPayment = await engineScore(event(user, { ...ordinary, eventType: 'payment_attempt', amount: 40 + (day % 5) * 5, currency: 'USD' }));
    }
    expect([ordinaryLogin.decision, ordinaryPayment.decision]).toEqual(['ALLOW', 'ALLOW']);
    // At 02:40 UTC the next night: a new device on a datacenter IP, a password reset, then a payment of ten times the usual amount.
    clock.set(start + 14 * 24 * hour + 8 * hour + 10 * minute);
    const attacker = { ipAddress: ip.datacenter, userAgent: safari, platform: 'MacIntel', screenResolution: '1512x982', timezone: 'America/Los_Angeles', language: 'en-US', sessionId: `attacker-${user}` };
    const takeoverLogin = await engineScore(event(user, attacker));
    clock.advance(minute);
    await send(event(user, { ...attacker, eventType: 'password_reset' }));
    clock.advance(2 * minute);
    const takeoverPayment = await engineScore(event(user, { ...attacker, eventType: 'payment_attempt', amount: 480, currency: 'USD' }));
    expect(takeoverLogin.engine).toBeGreaterThanOrEqual(ordinaryLogin.engine + 100);
    expect(takeoverLogin.riskScore).toBeGreaterThan(ordinaryLogin.riskScore);
    // The payment after it is held back too: the default model has seen takeovers that buy at the
    // victim's usual merchants, not only payouts to mules. The payment also carries the reset of two
    // minutes before, for rules and the RECENT_ACCOUNT_CHANGE factor.
    expect(takeoverPayment.engine).toBeGreaterThanOrEqual(ordinaryPayment.engine + 300);
    expect(takeoverPayment.decision).not.toBe('ALLOW');
    expect(takeoverPayment.features).toMatchObject({ sender_seconds_since_account_change: 120 });
    expect(takeoverPayment.factors).toContain('RECENT_ACCOUNT_CHANGE');
    expect(ordinaryPayment.features).toMatchObject({ sender_seconds_since_account_change: null });
    expect(takeoverLogin.features).toMatchObject({ is_new_device_for_sender: 1, ip_is_hosting: 1 });
    expect(takeoverPayment.features).toMatchObject({ ip_is_hosting: 1, sender_distinct_devices_30d: 2 });
    expect(ordinaryPayment.features).toMatchObject({ ip_is_hosting: 0, sender_distinct_devices_30d: 1 });
  });

  it("keeps each merchant's events to itself: another merchant's or tenant's event is not found", async () => {
    const answer = (await send(event(newUser()))).json();
    const sibling = await createMerchant(sentra.app, adminToken, {}, '1');
    const otherAdmin = await sentra.addTenant(`tenant-events-${store}`, 'admin');
    const foreign = await createMerchant(sentra.app, otherAdmin, {}, '1');
    for (const credentials of [sibling, foreign]) {
      const response = await sentra.app.inject({ method: 'GET', url: `/api/v1/Events/${answer.eventId}/details`, headers: credentials.headers });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('SENTRA_ERR_NOT_FOUND');
    }
  });

  it('refuses bad input with 400, every problem by code and path, and writes and bills nothing', async () => {
    const user = newUser();
    const cases: { body: object; code: string; path: string }[] = [
      { body: event(user, { ipAddress: '999.1.1.1' }), code: 'format', path: '/ipAddress' },
      { body: event(user, { ipAddress: 'fe80::1::2' }), code: 'format', path: '/ipAddress' },
      { body: event(user, { screenResolution: '99999x1' }), code: 'range', path: '/screenResolution' },
      { body: event(user, { screenResolution: 'huge' }), code: 'pattern', path: '/screenResolution' },
      { body: event(user, { eventType: 'teleport' }), code: 'enum', path: '/eventType' },
      { body: event(user, { timezone: 'Mars/Olympus_Mons' }), code: 'format', path: '/timezone' },
      { body: event('10.0.0.7'), code: 'raw_ip', path: '/userId' },
      { body: event(user, { sessionId: '2001:db8::1' }), code: 'raw_ip', path: '/sessionId' },
      { body: event(user, { emailHash: 'someone@example.com.hashed' }), code: 'not_hashed', path: '/emailHash' },
      { body: event(user, { ip: '1.2.3.4' }), code: 'unknown_field', path: '/ip' },
      { body: { eventType: 'signup' }, code: 'required', path: '/userId' },
    ];
    const before = await databaseFingerprint(sentra.runtime.database.db);
    for (const { body, code, path } of cases) {
      const response = await sentra.app.inject({ method: 'POST', url: '/api/v1/Events', headers: merchant.headers, payload: body });
      const where = `${path} ${code} → ${response.body.slice(0, 300)}`;
      expect(response.statusCode, where).toBe(400);
      expect(response.json().error.code, where).toBe('SENTRA_ERR_VALIDATION');
      expect(response.json().error.details, where).toContainEqual(expect.objectContaining({ code, path }));
    }
    expect(await databaseFingerprint(sentra.runtime.database.db)).toBe(before);
  });
});
