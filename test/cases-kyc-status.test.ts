import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import type { RiskScoreRequest } from '../src/contract/risk-score.js';
import { eventually, importSampleList } from './support/enrichment.js';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** A passport of a person on the sample sanctions list, expired: its result raises signals. */
const sanctionedPassport = [
  'REPUBLIC OF EXAMPLE - PASSPORT',
  'Full name: Viktor A. Kolesnikov',
  'Date of birth: 12.04.1968',
  'Nationality: RU',
  'Date of issue: 2010-01-05',
  'Date of expiry: 2020-01-04',
].join('\n');

/** A valid passport of nobody on any list, of the sender's country: its result raises nothing. */
const cleanPassport = ['UNITED STATES - PASSPORT', 'Full name: Martha Quill', 'Date of birth: 1987-06-02', 'Nationality: US', 'Date of issue: 2022-03-01', 'Date of expiry: 2032-02-28'].join('\n');

describe.each(storeKinds)('case queue by KYC signal status on %s', (store) => {
  let sentra: TestApp;
  let otherTenant: string;
  const cases: Record<string, string> = {};

  const inject = (url: string, token = adminToken, payload?: object) =>
    sentra.app.inject({ method: payload === undefined ? 'GET' : 'POST', url, headers: auth(token), ...(payload === undefined ? {} : { payload }) });
  /** Scores a payment of `sender` to `receiver` saved as a case; returns the case id. */
  const openCase = async (sender: string, receiver: string, refs: NonNullable<RiskScoreRequest['kyc_refs']> = [], token = adminToken) => {
    const scored = await inject('/v1/risk/score?save_as_case=true', token, scoreBody({ entities: { sender_entity_id: sender, receiver_entity_id: receiver }, ...(refs.length === 0 ? {} : { kyc_refs: refs }) }));
    expect(scored.statusCode).toBe(200);
    const decision = (await inject(`/v1/decisions/${scored.json().request_id}`, token)).json();
    return decision.case.case_id as string;
  };
  const readyEnrichment = (entityId: string) =>
    eventually<{ signals: { flags: string[] } }>(async () => {
      const response = await inject(`/v1/enrichment/${entityId}`);
      return response.statusCode === 200 && response.json().status === 'ready' ? response.json() : undefined;
    }, 15_000, `the enrichment of ${entityId}`);
  const queue = async (query: string, token = adminToken) => {
    const response = await inject(`/v1/cases?limit=200&${query}`, token);
    expect(response.statusCode).toBe(200);
    return response.json().items as { case_id: string; kyc_status: string }[];
  };

  beforeAll(async () => {
    sentra = await startTestApp(store, { SENTRA_WORKER_POLL_MS: '20' });
    otherTenant = await sentra.addTenant('tenant-kyc-b', 'admin');
    await importSampleList(sentra);
    cases.none = await openCase('kq-none-s', 'kq-none-r');
    // A document stored for the receiver with no result yet (as an import leaves it until its job has run).
    const at = new Date();
    await sentra.runtime.database.db
      .insertInto('kyc_refs')
      .values({ tenant_id: 'default', entity_id: 'kq-pending-r', ref_key: 'kq-pending-doc', doc_hash: 'kq-pending-hash', doc_s3_url: null, text_blob: null, created_at: at, updated_at: at })
      .execute();
    cases.pending = await openCase('kq-pending-s', 'kq-pending-r');
    cases.ready = await openCase('kq-ready-s', 'kq-ready-r', [{ entity_id: 'kq-ready-s', text_blob: cleanPassport }]);
    cases.flagged = await openCase('kq-flag-s', 'kq-flag-r', [{ entity_id: 'kq-flag-s', text_blob: sanctionedPassport }]);
    const clean = await readyEnrichment('kq-ready-s');
    expect(clean.signals.flags).toEqual([]);
    const flagged = await readyEnrichment('kq-flag-s');
    expect(flagged.signals.flags).toContain('sanctions_match');
    // A later payment to the flagged entity, without documents of its own: flagged through its receiver.
    cases.flaggedReceiver = await openCase('kq-ready-s', 'kq-flag-s');
  }, 60_000);
  afterAll(async () => {
    await sentra.close();
  });

  it('returns exactly the cases of each status, and each row carries its status', async () => {
    const expected: Record<string, string[]> = {
      none: [cases.none!],
      pending: [cases.pending!],
      ready: [cases.ready!],
      flagged: [cases.flagged!, cases.flaggedReceiver!],
    };
    for (const [status, ids] of Object.entries(expected)) {
      const items = await queue(`kyc_status=${status}`);
      expect(items.map((item) => item.case_id).sort(), status).toEqual([...ids].sort());
      expect(items.every((item) => item.kyc_status === status)).toBe(true);
    }
    const all = await queue('');
    expect(Object.fromEntries(all.map((item) => [item.case_id, item.kyc_status]))).toEqual({
      [cases.none!]: 'none',
      [cases.pending!]: 'pending',
      [cases.ready!]: 'ready',
      [cases.flagged!]: 'flagged',
      [cases.flaggedReceiver!]: 'flagged',
    });
  });

  it('combines with the other filters and counts under the filter', async () => {
    const response = await inject(`/v1/cases?kyc_status=flagged&sender_entity_id=kq-flag-s`);
    expect(response.json().items.map((item: { case_id: string }) => item.case_id)).toEqual([cases.flagged]);
    const counts = (await inject('/v1/cases?kyc_status=flagged')).json().counts;
    expect(Object.values(counts).reduce((sum: number, n) => sum + (n as number), 0)).toBe(2);
  });

  it('keeps tenants apart: the same entity ids in another tenant have no documents there', async () => {
    const theirs = await openCase('kq-flag-s', 'kq-ready-s', [], otherTenant);
    expect(await queue('kyc_status=flagged', otherTenant)).toEqual([]);
    expect((await queue('kyc_status=none', otherTenant)).map((item) => item.case_id)).toEqual([theirs]);
    expect((await queue('kyc_status=none')).map((item) => item.case_id)).toEqual([cases.none]);
  });

  it('refuses an unknown status with 400, its code and the field path', async () => {
    const response = await inject('/v1/cases?kyc_status=suspicious');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('SENTRA_ERR_VALIDATION');
    expect(response.json().error.details[0].path).toBe('/querystring/kyc_status');
  });
});
