import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

interface StoredHits {
  rule_set: number;
  model_score: number;
  model_decision: string;
  points: number;
  hits: { rule_id: string; version: number; mode: string; outcome: string; error?: string }[];
}

describe.each(storeKinds)('rules and lists on %s', (store) => {
  let sentra: TestApp;
  let analyst: string;
  let rivalAdmin: string;
  const clock = new ManualClock(Date.now());

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string, payload?: object) =>
    sentra.app.inject({ method, url, headers: auth(token), ...(payload === undefined ? {} : { payload }) });
  const db = () => sentra.runtime.database.db;
  const count = async (table: 'rules' | 'rule_versions' | 'rule_lists' | 'rule_list_entries') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const thresholds = async (review_at: number, hold_at: number, block_at: number) =>
    expect((await inject('PUT', '/v1/admin/thresholds', adminToken, { review_at, hold_at, block_at })).statusCode).toBe(200);
  const createRule = async (body: object, token = adminToken) => {
    const response = await inject('POST', '/v1/rules', token, { name: `rule ${Math.random()}`, ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { rule_id: string; version: number; name: string };
  };
  const archiveAll = async () => {
    const rules = (await inject('GET', '/v1/rules', adminToken)).json().rules as { rule_id: string }[];
    for (const rule of rules) expect((await inject('DELETE', `/v1/rules/${rule.rule_id}`, adminToken)).statusCode).toBe(200);
  };
  let sequence = 0;
  const score = async (overrides: Parameters<typeof scoreBody>[0] = {}, token = adminToken) => {
    // Fresh device, IP and user each time: velocity on shared ones would push the model to 1000.
    sequence += 1;
    const fresh = { device_id_hash: `device-${store}-${sequence}`, ip_hash: `ip-${store}-${sequence}`, user_id: `user-${store}-${sequence}` };
    const response = await inject('POST', '/v1/risk/score', token, scoreBody({ ...overrides, entities: { ...fresh, ...overrides.entities } }));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { decision: string; risk_score: number; reasons: string[]; evidence: { source: string; key: string; quote?: string }[]; request_id: string };
    const row = await db().selectFrom('risk_scores').select(['rule_hits', 'decision']).where('id', '=', body.request_id).executeTakeFirstOrThrow();
    return { ...body, stored: row.rule_hits as StoredHits | null };
  };

  beforeAll(async () => {
    sentra = await startTestApp(store, {}, { clock });
    analyst = (await inject('POST', '/v1/admin/tokens', adminToken, { name: 'analyst', role: 'analyst' })).json().token as string;
    rivalAdmin = (await inject('POST', '/v1/admin/tenants', adminToken, { tenant_id: 'rival', name: 'Rival' })).json().admin_token.token as string;
  });
  afterAll(async () => {
    await sentra.close();
  });

  it('a BLOCK rule decides over a passing model, with its reason and evidence; without rules nothing is stored', async () => {
    await archiveAll();
    await thresholds(1000, 1000, 1000);
    expect((await score()).stored).toBeNull();
    const rule = await createRule({ name: 'Card over 100', expression: 'tx.channel == "card" && tx.amount > 100', action: 'BLOCK' });
    expect(rule.version).toBe(1);
    const hit = await score();
    expect(hit.decision).toBe('BLOCK');
    expect(hit.reasons[0]).toBe(`RULE_${rule.rule_id}`);
    expect(hit.evidence).toContainEqual({ source: 'rule', key: rule.rule_id, quote: 'Card over 100' });
    expect(hit.stored?.hits).toEqual([expect.objectContaining({ rule_id: rule.rule_id, version: 1, mode: 'live', outcome: 'hit' })]);
    expect(hit.stored?.model_decision).toBe('PASS');
    const miss = await score({ transaction: { amount: 50 } });
    expect(miss.decision).toBe('PASS');
    expect(miss.reasons.some((reason) => reason.startsWith('RULE_'))).toBe(false);
  });

  it('applies the precedence: BLOCK > HOLD > REVIEW > model; ALLOW overrides the model but not a rule; rules never loosen the thresholds', async () => {
    await archiveAll();
    await thresholds(1000, 1000, 1000);
    const review = await createRule({ expression: 'tx.amount > 10', action: 'REVIEW', priority: 5 });
    const hold = await createRule({ expression: 'tx.amount > 20', action: 'HOLD' });
    const block = await createRule({ expression: 'tx.amount > 30', action: 'BLOCK' });
    expect((await score({ transaction: { amount: 15 } })).decision).toBe('REVIEW');
    expect((await score({ transaction: { amount: 25 } })).decision).toBe('HOLD');
    const all = await score({ transaction: { amount: 35 } });
    expect(all.decision).toBe('BLOCK');
    // Reasons follow priority, then id.
    expect(all.reasons.slice(0, 3)).toEqual([`RULE_${review.rule_id}`, ...[hold.rule_id, block.rule_id].sort().map((id) => `RULE_${id}`)]);
    await archiveAll();
    await thresholds(0, 0, 0);
    await createRule({ expression: 'tx.amount > 10', action: 'REVIEW' });
    expect((await score()).decision).toBe('BLOCK');
    const allow = await createRule({ expression: 'entities.sender_entity_id == "vip-1"', action: 'ALLOW' });
    const allowedButReviewed = await score({ entities: { sender_entity_id: 'vip-1' } });
    expect(allowedButReviewed.decision).toBe('REVIEW');
    await inject('POST', `/v1/rules/${allow.rule_id}/disable`, adminToken);
    await archiveAll();
    await createRule({ expression: 'entities.sender_entity_id == "vip-1"', action: 'ALLOW' });
    const allowed = await score({ entities: { sender_entity_id: 'vip-1' } });
    expect(allowed.decision).toBe('PASS');
    expect(allowed.stored?.model_decision).toBe('BLOCK');
  });

  it('adds score points before the thresholds, clamped to 0–1000', async () => {
    await archiveAll();
    await thresholds(300, 600, 850);
    await createRule({ expression: 'tx.amount > 0', action: { score: 1000 } });
    const raised = await score();
    expect(raised.risk_score).toBe(1000);
    expect(raised.decision).toBe('BLOCK');
    expect(raised.stored?.points).toBe(1000);
    await archiveAll();
    await createRule({ expression: 'tx.amount > 0', action: { score: -1000 } });
    const lowered = await score();
    expect(lowered.risk_score).toBe(0);
    expect(lowered.decision).toBe('PASS');
    await archiveAll();
    await createRule({ expression: 'tx.amount > 0', action: { score: 40 } });
    await createRule({ expression: 'tx.amount > 0', action: { score: 2 } });
    const added = await score();
    expect(added.risk_score).toBe(Math.min(1000, added.stored!.model_score + 42));
  });

  it('stores shadow hits without changing the decision', async () => {
    await archiveAll();
    await thresholds(1000, 1000, 1000);
    const shadow = await createRule({ expression: 'tx.amount > 0', action: 'BLOCK', mode: 'shadow' });
    const scored = await score();
    expect(scored.decision).toBe('PASS');
    expect(scored.reasons.some((reason) => reason.startsWith('RULE_'))).toBe(false);
    expect(scored.stored?.hits).toEqual([expect.objectContaining({ rule_id: shadow.rule_id, mode: 'shadow', outcome: 'hit' })]);
    const decision = (await inject('GET', `/v1/decisions/${scored.request_id}`, analyst)).json();
    expect(decision.rule_hits).toMatchObject({ evaluated: 1, model_decision: 'PASS', points: 0, hits: [{ rule_id: shadow.rule_id, version: 1, action: 'BLOCK', mode: 'shadow', outcome: 'hit' }] });
  });

  it('keeps every version, audits every change and records the versions a decision evaluated', async () => {
    await archiveAll();
    await thresholds(1000, 1000, 1000);
    const rule = await createRule({ name: 'Versioned', expression: 'tx.amount > 1000000', action: 'REVIEW', tags: ['velocity'], owner: 'risk-team' });
    const edited = await inject('PUT', `/v1/rules/${rule.rule_id}`, adminToken, { name: 'Versioned', expression: 'tx.amount > 1', action: 'HOLD', owner: 'risk-team' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ rule_id: rule.rule_id, version: 2, action: 'HOLD', enabled: true, status: 'active' });
    const detail = (await inject('GET', `/v1/rules/${rule.rule_id}`, analyst)).json();
    expect(detail.versions.map((version: { version: number; expression: string }) => [version.version, version.expression])).toEqual([
      [2, 'tx.amount > 1'],
      [1, 'tx.amount > 1000000'],
    ]);
    const scored = await score();
    expect(scored.decision).toBe('HOLD');
    expect(scored.stored?.hits[0]?.version).toBe(2);
    const ruleSet = await db().selectFrom('rule_sets').select('rules').where('tenant_id', '=', 'default').where('version', '=', scored.stored!.rule_set).executeTakeFirstOrThrow();
    expect(ruleSet.rules).toContainEqual({ rule_id: rule.rule_id, version: 2 });
    expect((await inject('POST', `/v1/rules/${rule.rule_id}/disable`, adminToken)).json()).toMatchObject({ enabled: false, version: 2 });
    expect((await score()).decision).toBe('PASS');
    expect((await inject('POST', `/v1/rules/${rule.rule_id}/enable`, adminToken)).json()).toMatchObject({ enabled: true });
    expect((await score()).decision).toBe('HOLD');
    expect((await inject('DELETE', `/v1/rules/${rule.rule_id}`, adminToken)).json()).toMatchObject({ status: 'archived' });
    expect((await score()).decision).toBe('PASS');
    expect((await inject('PUT', `/v1/rules/${rule.rule_id}`, adminToken, { name: 'Versioned', expression: 'true', action: 'HOLD' })).statusCode).toBe(409);
    expect((await inject('GET', `/v1/rules/${rule.rule_id}`, adminToken)).json().versions).toHaveLength(2);
    const audit = await db().selectFrom('audit_log').select('action').where('subject', '=', rule.rule_id).orderBy('seq').execute();
    expect(audit.map((entry) => entry.action)).toEqual(['rule.created', 'rule.updated', 'rule.disabled', 'rule.enabled', 'rule.archived']);
  });

  it('refuses what does not compile, with its position, and saves nothing', async () => {
    await archiveAll();
    const before = [await count('rules'), await count('rule_versions')];
    const refuse = async (expression: string, code: string, extra: object = {}) => {
      const response = await inject('POST', '/v1/rules', adminToken, { name: `bad ${code}`, expression, action: 'BLOCK', ...extra });
      expect(response.statusCode, response.body).toBe(400);
      const error = response.json().error as { code: string; details: { code: string; path: string; message: string }[] };
      expect(error.code).toBe('SENTRA_ERR_VALIDATION');
      expect(error.details.map((detail) => detail.code)).toContain(code);
      return error.details;
    };
    const [syntax] = await refuse('tx.amount >\n  && true', 'syntax');
    expect(syntax).toMatchObject({ path: '/expression', message: expect.stringContaining('line 2, column 3') });
    expect((await refuse('velocity > 3', 'unknown_variable'))[0]?.message).toContain('column 1');
    await refuse('features.no_such_feature > 3', 'unknown_feature');
    await refuse('tx.no_such_field == "x"', 'unknown_field');
    await refuse('entities.sender_entity_id in lists.nowhere', 'unknown_list');
    await refuse('tx.amount + 1', 'not_boolean');
    await refuse(`${'('.repeat(10_000)}true${')'.repeat(10_000)}`, 'too_deep');
    await refuse(`tx.amount > ${'1'.repeat(1024 * 1024)}`, 'length');
    // Named values are answered with what they may be, each problem once and at its own place.
    expect(await refuse('true', 'enum', { action: 'DENY' })).toEqual([{ code: 'enum', path: '/action', message: '/action must be one of BLOCK, HOLD, REVIEW, ALLOW or an object' }]);
    expect(await refuse('true', 'enum', { mode: 'dry' })).toEqual([{ code: 'enum', path: '/mode', message: '/mode must be one of live, shadow' }]);
    expect(await refuse('true', 'range', { action: { score: 5000 } })).toEqual([{ code: 'range', path: '/action/score', message: '/action/score must be <= 1000' }]);
    await createRule({ name: 'Unique name', expression: 'true', action: 'REVIEW' });
    const afterFirst = [await count('rules'), await count('rule_versions')];
    await refuse('true', 'duplicate', { name: 'unique NAME' });
    expect([await count('rules'), await count('rule_versions')]).toEqual(afterFirst);
    expect(afterFirst).toEqual([before[0]! + 1, before[1]! + 1]);
  });

  it('records a run-time error as an error hit with a metric and still answers', async () => {
    await archiveAll();
    await thresholds(1000, 1000, 1000);
    const broken = await createRule({ expression: 'custom.loyalty_tier > 2', action: 'BLOCK' });
    const typed = await createRule({ expression: 'tx.channel > 3', action: 'BLOCK' });
    const scored = await score();
    expect(scored.decision).toBe('PASS');
    const errors = scored.stored!.hits.filter((hit) => hit.outcome === 'error').map((hit) => hit.rule_id);
    expect(errors.sort()).toEqual([broken.rule_id, typed.rule_id].sort());
    const metrics = await sentra.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/sentra_rule_outcomes_total\{mode="live",outcome="error"\} [1-9]/);
  });

  it('holds lists in memory: JSON and CSV uploads, membership, deletion and expiry', async () => {
    await archiveAll();
    await thresholds(1000, 1000, 1000);
    const created = await inject('POST', '/v1/lists', adminToken, { name: 'blocked_senders', kind: 'entity_id', description: 'mules' });
    expect(created.statusCode, created.body).toBe(201);
    expect((await inject('POST', '/v1/lists', adminToken, { name: 'blocked_senders', kind: 'entity_id' })).statusCode).toBe(400);
    const expiresAt = new Date(clock.now() + 60_000).toISOString();
    const expiresLater = new Date(clock.now() + 180_000).toISOString();
    const added = await inject('POST', '/v1/lists/blocked_senders/entries', adminToken, {
      entries: [{ value: 'mule-4', expires_at: expiresLater }, { value: 'mule-1', note: 'chargebacks' }, { value: 'mule-2', expires_at: expiresAt }],
    });
    expect(added.json()).toMatchObject({ received: 3, written: 3 });
    const csv = await sentra.app.inject({ method: 'POST', url: '/v1/lists/blocked_senders/entries', headers: { ...auth(adminToken), 'content-type': 'text/csv' }, payload: 'value,note\nmule-3,"from, a csv"\n' });
    expect(csv.statusCode, csv.body).toBe(200);
    const countries = await inject('POST', '/v1/lists', adminToken, { name: 'risky_countries', kind: 'country' });
    expect(countries.statusCode).toBe(201);
    const bad = await inject('POST', '/v1/lists/risky_countries/entries', adminToken, { entries: [{ value: 'ng' }, { value: 'Nigeria' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: '/entries/1/value' })]);
    expect((await inject('GET', '/v1/lists/risky_countries', adminToken)).json().entry_count).toBe(0);
    await createRule({ expression: 'entities.sender_entity_id in lists.blocked_senders', action: 'BLOCK' });
    for (const sender of ['mule-1', 'mule-2', 'mule-3', 'mule-4']) expect((await score({ entities: { sender_entity_id: sender } })).decision).toBe('BLOCK');
    const honest = await score({ entities: { sender_entity_id: 'honest-1' } });
    expect(honest.decision, JSON.stringify(honest.stored)).toBe('PASS');
    const detail = (await inject('GET', '/v1/lists/blocked_senders?limit=2', analyst)).json();
    expect(detail).toMatchObject({ entry_count: 4, next_after: 'mule-2' });
    expect(detail.entries.map((entry: { value: string }) => entry.value)).toEqual(['mule-1', 'mule-2']);
    clock.advance(120_000);
    expect((await score({ entities: { sender_entity_id: 'mule-2' } })).decision).toBe('PASS');
    // Entries expire one by one, each at its own time.
    expect((await score({ entities: { sender_entity_id: 'mule-4' } })).decision).toBe('BLOCK');
    expect((await inject('GET', '/v1/lists/blocked_senders', analyst)).json().entry_count).toBe(3);
    clock.advance(120_000);
    expect((await score({ entities: { sender_entity_id: 'mule-4' } })).decision).toBe('PASS');
    expect((await inject('GET', '/v1/lists/blocked_senders', analyst)).json().entry_count).toBe(2);
    const removed = await inject('DELETE', '/v1/lists/blocked_senders/entries', adminToken, { values: ['mule-1'] });
    expect(removed.json()).toMatchObject({ deleted: 1 });
    expect((await score({ entities: { sender_entity_id: 'mule-1' } })).decision).toBe('PASS');
    expect((await score({ entities: { sender_entity_id: 'mule-3' } })).decision).toBe('BLOCK');
  });

  it('normalizes each kind of list entry and refuses what does not fit its kind, by path, writing nothing', async () => {
    const kinds = [
      { kind: 'entity_id', good: ' cust-9 ', stored: 'cust-9', bad: ' ' },
      { kind: 'string', good: 'Any Text', stored: 'Any Text', bad: '' },
      { kind: 'device_hash', good: 'a3f1c9d2e8b7', stored: 'a3f1c9d2e8b7', bad: '10.1.2.3' },
      { kind: 'ip_hash', good: '9b2e44c1d0aa', stored: '9b2e44c1d0aa', bad: '2001:db8::1' },
      { kind: 'email_hash', good: '5d41402abc4b2a76', stored: '5d41402abc4b2a76', bad: 'someone@example.com' },
      { kind: 'card_bin', good: '41111111', stored: '41111111', bad: '4111' },
      { kind: 'country', good: 'ng', stored: 'NG', bad: 'NGA' },
      { kind: 'asn', good: 'as13335', stored: '13335', bad: 'AS-x' },
    ];
    for (const { kind, good, stored, bad } of kinds) {
      const name = `kind_${kind}`;
      expect((await inject('POST', '/v1/lists', adminToken, { name, kind })).statusCode).toBe(201);
      const refused = await inject('POST', `/v1/lists/${name}/entries`, adminToken, { entries: [{ value: good }, { value: bad }] });
      expect(refused.statusCode, `${kind} ${bad}`).toBe(400);
      expect(refused.json().error.details, kind).toEqual([expect.objectContaining({ path: '/entries/1/value' })]);
      expect((await inject('GET', `/v1/lists/${name}`, adminToken)).json().entry_count, kind).toBe(0);
      expect((await inject('POST', `/v1/lists/${name}/entries`, adminToken, { entries: [{ value: good }] })).statusCode, kind).toBe(200);
      expect((await inject('GET', `/v1/lists/${name}`, adminToken)).json().entries.map((entry: { value: string }) => entry.value), kind).toEqual([stored]);
    }
  });

  it('deletes a whole list only once no rule that is not archived names it, with its entries and an audit entry', async () => {
    await archiveAll();
    await thresholds(1000, 1000, 1000);
    expect((await inject('POST', '/v1/lists', adminToken, { name: 'doomed', kind: 'entity_id' })).statusCode).toBe(201);
    expect((await inject('POST', '/v1/lists/doomed/entries', adminToken, { entries: [{ value: 'gone-1' }, { value: 'gone-2' }] })).statusCode).toBe(200);
    const user = await createRule({ name: 'Uses doomed', expression: 'entities.sender_entity_id in lists["doomed"]', action: 'BLOCK' });
    expect((await inject('POST', `/v1/rules/${user.rule_id}/disable`, adminToken)).statusCode).toBe(200);
    const entriesBefore = await count('rule_list_entries');

    // Even a disabled rule keeps the list: deleting it is refused, naming the rule, and nothing is deleted.
    const refused = await inject('DELETE', '/v1/lists/doomed', adminToken);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'SENTRA_ERR_CONFLICT', details: [{ code: 'list_in_use', path: `/rules/${user.rule_id}` }] });
    expect(await count('rule_list_entries')).toBe(entriesBefore);
    expect((await inject('DELETE', '/v1/lists/doomed', analyst)).statusCode).toBe(403);
    expect((await inject('DELETE', '/v1/lists/doomed', rivalAdmin)).statusCode).toBe(404);
    expect((await inject('DELETE', '/v1/lists/never_made', adminToken)).statusCode).toBe(404);

    expect((await inject('DELETE', `/v1/rules/${user.rule_id}`, adminToken)).statusCode).toBe(200);
    const deleted = await inject('DELETE', '/v1/lists/doomed', adminToken);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toEqual({ name: 'doomed', deleted_entries: 2 });
    expect(await count('rule_list_entries')).toBe(entriesBefore - 2);
    expect((await inject('GET', '/v1/lists/doomed', adminToken)).statusCode).toBe(404);
    const audit = await db().selectFrom('audit_log').select(['action', 'payload']).where('action', '=', 'list.deleted').where('subject', '=', 'doomed').execute();
    expect(audit).toHaveLength(1);
    // A rule naming the deleted list no longer compiles; a list made again under the name starts empty.
    expect((await inject('POST', '/v1/rules', adminToken, { name: 'late', expression: 'entities.sender_entity_id in lists.doomed', action: 'BLOCK' })).statusCode).toBe(400);
    expect((await inject('POST', '/v1/lists', adminToken, { name: 'doomed', kind: 'entity_id' })).statusCode).toBe(201);
    expect((await inject('GET', '/v1/lists/doomed', adminToken)).json().entry_count).toBe(0);
  });

  it('keeps tenants apart and rule writes to admins', async () => {
    await archiveAll();
    await thresholds(1000, 1000, 1000);
    const rule = await createRule({ expression: 'tx.amount > 0', action: 'BLOCK' });
    expect((await inject('POST', '/v1/rules', analyst, { name: 'analyst rule', expression: 'true', action: 'BLOCK' })).statusCode).toBe(403);
    expect((await inject('POST', `/v1/rules/${rule.rule_id}/disable`, analyst)).statusCode).toBe(403);
    expect((await inject('POST', '/v1/lists', analyst, { name: 'mine', kind: 'string' })).statusCode).toBe(403);
    expect((await inject('GET', '/v1/rules', analyst)).statusCode).toBe(200);
    expect((await inject('GET', `/v1/rules/${rule.rule_id}`, rivalAdmin)).statusCode).toBe(404);
    expect((await inject('DELETE', `/v1/rules/${rule.rule_id}`, rivalAdmin)).statusCode).toBe(404);
    expect((await inject('GET', '/v1/rules', rivalAdmin)).json().rules).toEqual([]);
    expect((await inject('GET', '/v1/lists/blocked_senders', rivalAdmin)).statusCode).toBe(404);
    // The rival's own rule may share a name with ours.
    await createRule({ name: 'Shared name', expression: 'true', action: 'REVIEW' }, rivalAdmin);
    await createRule({ name: 'Shared name', expression: 'true', action: 'REVIEW' });
    expect((await inject('GET', '/v1/rules', adminToken)).json().rules).toHaveLength(2);
  });
});
