import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/errors.js';
import { adminToken, startTestApp, type TestApp } from '../../test/support/test-app.js';
import { scoreBody } from '../../test/support/score-body.js';
import { requestDigest, toKycReferences, toTransactionRecord } from './score-request.js';
import { runPipelineStages, type PipelineRequest } from './pipeline-stages.js';

describe('the pipeline stage runner (PreCheck → Sentry → Rules)', () => {
  let sentra: TestApp;
  let sequence = 0;
  const inject = (method: 'POST' | 'PUT', url: string, payload: object) => sentra.app.inject({ method, url, headers: { authorization: `Bearer ${adminToken}` }, payload });
  const request = (sender = 'cust-1'): PipelineRequest => {
    sequence += 1;
    const body = scoreBody({ entities: { sender_entity_id: sender, device_id_hash: `p-d-${sequence}`, ip_hash: `p-i-${sequence}`, user_id: `p-u-${sequence}` } });
    return { record: toTransactionRecord(body), kycRefs: toKycReferences(body), digest: requestDigest(body), call: { tenantId: 'default', actor: 'test', source: 'pipeline', startedAt: performance.now() } };
  };
  const run = (stages: string[], input = request()) => runPipelineStages(stages, input, { scoring: sentra.runtime.scoring, rules: sentra.runtime.rules });
  const storedRuleHits = async (requestId: string) =>
    (await sentra.runtime.database.db.selectFrom('risk_scores').select('rule_hits').where('id', '=', requestId).executeTakeFirstOrThrow()).rule_hits;

  beforeAll(async () => {
    sentra = await startTestApp('pglite');
    expect((await inject('PUT', '/v1/admin/thresholds', { review_at: 1000, hold_at: 1000, block_at: 1000 })).statusCode).toBe(200);
    expect((await inject('POST', '/v1/lists', { name: 'watched', kind: 'entity_id' })).statusCode).toBe(201);
    expect((await inject('POST', '/v1/lists/watched/entries', { entries: [{ value: 'watched-1' }] })).statusCode).toBe(200);
    expect((await inject('POST', '/v1/rules', { name: 'Low confidence', expression: 'sentry.requestConfidence < 2.0', action: 'BLOCK' })).statusCode).toBe(201);
  });
  afterAll(async () => {
    await sentra.close();
  });

  it('runs PreCheck alone without scoring, and reports list matches from memory', async () => {
    const before = await sentra.runtime.database.db.selectFrom('risk_scores').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const outcome = await run(['PreCheck'], request('watched-1'));
    expect(outcome.stages).toEqual([{ stage: 'PreCheck', passed: true, list_matches: [{ list: 'watched', field: 'sender_entity_id', value: 'watched-1' }] }]);
    expect(outcome.decision).toBeUndefined();
    const after = await sentra.runtime.database.db.selectFrom('risk_scores').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });

  it('lets Rules read Sentry\'s confidence when Sentry runs first', async () => {
    const outcome = await run(['PreCheck', 'Sentry', 'Rules']);
    expect(outcome.stages.map((stage) => stage.stage)).toEqual(['PreCheck', 'Sentry', 'Rules']);
    const sentry = outcome.stages[1]!;
    expect(sentry).toMatchObject({ stage: 'Sentry', requestConfidence: Math.round((1 - outcome.scored!.modelScore / 1000) * 10_000) / 10_000 });
    expect(outcome.stages[2]).toMatchObject({ stage: 'Rules', decision: 'BLOCK', hits: [expect.objectContaining({ outcome: 'hit' })] });
    expect(outcome.decision).toBe('BLOCK');
  });

  it('hides Sentry from Rules that run before it (the rule errors, the decision stands)', async () => {
    const outcome = await run(['Rules', 'Sentry']);
    expect(outcome.decision).toBe('PASS');
    expect(outcome.stages[0]).toMatchObject({ stage: 'Rules', decision: 'PASS', hits: [] });
    expect(outcome.stages[1]).toMatchObject({ stage: 'Sentry' });
    const stored = (await storedRuleHits(outcome.scored!.response.request_id)) as { hits: { outcome: string }[] };
    expect(stored.hits.map((hit) => hit.outcome)).toEqual(['error']);
  });

  it('skips rules without the Rules stage, and refuses unknown or repeated stages', async () => {
    const outcome = await run(['Sentry']);
    expect(outcome.decision).toBe('PASS');
    expect(await storedRuleHits(outcome.scored!.response.request_id)).toBeNull();
    await expect(run(['Nope', 'Rules', 'Rules'])).rejects.toThrow(ValidationError);
    await expect(run(['Nope', 'Rules', 'Rules'])).rejects.toMatchObject({ details: [expect.objectContaining({ path: '/stages/0', code: 'enum' }), expect.objectContaining({ path: '/stages/2', code: 'duplicate' })] });
  });
});
