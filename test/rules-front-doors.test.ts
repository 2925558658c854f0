import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { createMerchant, sentryMinimalRequest, type MerchantCredentials } from './support/merchants.js';

const admin = { authorization: `Bearer ${adminToken}` };

/** The tenant's rules apply to every front door: the event API (seed 004) and the confidence API (seed 002) too. */
describe('rules on the merchant front doors', () => {
  let sentra: TestApp;
  let merchant: MerchantCredentials;
  let blockRule: string;
  let scoreRule: string;
  let shadowRules: string[];

  beforeAll(async () => {
    sentra = await startTestApp('pglite');
    await sentra.runtime.features.networkReady;
    // Thresholds no model score reaches: only a rule can decide anything but PASS.
    merchant = await createMerchant(sentra.app, adminToken, { thresholds: { challenge_at: 100, review_at: 100, deny_at: 100 } }, '10');
    const create = async (body: object) => {
      const response = await sentra.app.inject({ method: 'POST', url: '/v1/rules', headers: admin, payload: body });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().rule_id as string;
    };
    blockRule = await create({ name: 'Blocked user', expression: 'entities.user_id == "door-blocked"', action: 'BLOCK' });
    scoreRule = await create({ name: 'Raise on probe', expression: 'has(custom.probe) && custom.probe == "raise"', action: { score: 1000 } });
    // Shadow rules on the variables a merchant request brings: the model's verdict, the time, the network and session signals.
    shadowRules = [
      await create({ name: 'Model verdict and time', mode: 'shadow', action: 'REVIEW', expression: 'model.score >= 0 && model.probability >= 0.0 && model.decision == "PASS" && model.version != "" && now >= tx.created_at' }),
      await create({ name: 'Network and session', mode: 'shadow', action: 'REVIEW', expression: 'has(signals.network.country) && signals.network.country.size() == 2 && signals.session.user_agent.contains("Chrome") && signals.session.session_age_seconds >= 1800' }),
    ];
  }, 120_000);
  afterAll(async () => {
    await sentra.close();
  });

  const post = (url: string, body: object) => sentra.app.inject({ method: 'POST', url, headers: merchant.headers, payload: body });
  const storedDecision = async (decisionId: unknown) => {
    const response = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${String(decisionId)}`, headers: admin });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { decision: string; risk_score: number; rule_hits: { points: number; hits: { rule_id: string; outcome: string; mode: string }[] } | null };
  };
  // Each user on a device and IP address of their own: two users on one device within seconds is a
  // pattern the model itself may deny, and these tests are about the rules alone.
  const event = (userId: string, host = 1) => ({
    userId,
    eventType: 'login_attempt',
    sessionId: `session-${userId}`,
    ipAddress: `46.114.1.${host}`,
    userAgent: `Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:141.0) Gecko/20100101 Firefox/14${host}.0`,
    channel: 'Web',
  });

  it('a BLOCK rule denies an event of the user it names, and lets another through', async () => {
    const blocked = await post('/api/v1/Events', event('door-blocked'));
    expect(blocked.statusCode, blocked.body).toBe(200);
    expect(blocked.json().decision).toBe('DENY');
    const stored = await storedDecision(blocked.headers['sentra-decision-id']);
    expect(stored.decision).toBe('BLOCK');
    expect(stored.rule_hits?.hits).toContainEqual(expect.objectContaining({ rule_id: blockRule, outcome: 'hit', mode: 'live' }));
    const other = await post('/api/v1/Events', event('door-other', 2));
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json().decision).toBe('ALLOW');
    expect((await storedDecision(other.headers['sentra-decision-id'])).rule_hits?.hits.filter((hit) => hit.mode === 'live' && hit.outcome === 'hit')).toEqual([]);
  });

  it("a score rule on a custom input moves the confidence API's answer", async () => {
    const raised = await post('/api/v1/sentry', { ...sentryMinimalRequest(), customInputs: { probe: 'raise' } });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json().sentryResponse.requestConfidence).toBe(0);
    const stored = await storedDecision(raised.headers['sentra-decision-id']);
    expect(stored).toMatchObject({ risk_score: 1000, decision: 'BLOCK' });
    expect(stored.rule_hits?.points).toBe(1000);
    expect(stored.rule_hits?.hits).toContainEqual(expect.objectContaining({ rule_id: scoreRule, outcome: 'hit' }));
    const plain = await post('/api/v1/sentry', sentryMinimalRequest());
    expect(plain.statusCode, plain.body).toBe(200);
    const unruled = await storedDecision(plain.headers['sentra-decision-id']);
    expect(unruled.rule_hits?.points).toBe(0);
    // Both shadow rules read their variables without a run-time error, and match.
    const shadowHits = unruled.rule_hits?.hits.filter((hit) => hit.mode === 'shadow');
    expect(shadowHits?.map((hit) => [hit.rule_id, hit.outcome]).sort(), JSON.stringify(shadowHits)).toEqual(shadowRules.map((id) => [id, 'hit']).sort());
    expect(plain.json().sentryResponse.requestConfidence).toBeCloseTo(1 - unruled.risk_score / 1000, 10);
  });
});
