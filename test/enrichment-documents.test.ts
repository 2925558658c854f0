import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { eventually, importSampleList } from './support/enrichment.js';
import { fakeS3Credentials, startFakeS3, type FakeS3 } from './support/fake-s3.js';

const auth = { authorization: `Bearer ${adminToken}` };

describe('KYC documents read from S3, only from the configured buckets', () => {
  let sentra: TestApp;
  let fake: FakeS3;

  beforeAll(async () => {
    fake = await startFakeS3({ buckets: ['sentra-kyc-docs', 'someone-elses-bucket'] });
    // The standard AWS chain reads these, as in production.
    process.env.AWS_ACCESS_KEY_ID = fakeS3Credentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = fakeS3Credentials.secretAccessKey;
    const body = Buffer.from('Company name: Northwind Maritime Holdings Ltd\nIncorporated: 2026-10-01\nRegistered address: c/o Harbour Corporate Services, Road Town, British Virgin Islands\nDirectors: Ana Lima; Piet Janssen\n');
    fake.objects.set('sentra-kyc-docs/extracts/northwind.txt', { body, contentType: 'text/plain', etag: '"1"', checksumCrc32: undefined });
    fake.objects.set('someone-elses-bucket/secret.txt', { body, contentType: 'text/plain', etag: '"2"', checksumCrc32: undefined });
    sentra = await startTestApp('pglite', {
      SENTRA_WORKER_POLL_MS: '20',
      SENTRA_KYC_DOC_BUCKETS: 'sentra-kyc-docs',
      SENTRA_KYC_S3_ENDPOINT: fake.endpoint,
      SENTRA_KYC_S3_FORCE_PATH_STYLE: 'true',
      SENTRA_HIGH_RISK_COUNTRIES: 'KP,IR,VG',
    });
    await importSampleList(sentra);
  });
  afterAll(async () => {
    await sentra.close();
    await fake.close();
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
  });

  const entityDocuments = (entityId: string) =>
    eventually(async () => {
      const response = await sentra.app.inject({ method: 'GET', url: `/v1/enrichment/${entityId}`, headers: auth });
      const body = response.json();
      return response.statusCode === 200 && body.documents.every((document: { status: string }) => document.status !== 'pending') ? body : undefined;
    }, 15_000, `the documents of ${entityId} to settle`);

  it('reads a document from an allowed bucket and raises KYB red flags with quotes', async () => {
    const response = await sentra.app.inject({
      method: 'POST',
      url: '/v1/risk/score',
      headers: auth,
      payload: scoreBody({ entities: { receiver_entity_id: 'merchant-nw' }, kyc_refs: [{ entity_id: 'merchant-nw', doc_s3_url: 's3://sentra-kyc-docs/extracts/northwind.txt' }] }),
    });
    expect(response.json().llm_status).toBe('pending');
    const result = await entityDocuments('merchant-nw');
    expect(result.documents[0].status).toBe('ready');
    expect(result.signals).toMatchObject({ sanctions_match: true, recently_incorporated: true, registered_agent_address: true, high_risk_jurisdiction: true });
    const quotes = result.documents[0].evidence.map((item: { key: string; quote: string }) => `${item.key}=${item.quote}`);
    expect(quotes).toEqual(expect.arrayContaining(['sanctions_match=Northwind Maritime Holdings Ltd', 'recently_incorporated=2026-10-01', 'high_risk_jurisdiction=British Virgin Islands']));
  });

  it('refuses a URL into any other bucket: at the API, and again in the job for a reference stored before the list changed', async () => {
    const before = fake.requests.length;
    const refused = await sentra.app.inject({
      method: 'POST',
      url: '/v1/risk/score',
      headers: auth,
      payload: scoreBody({ kyc_refs: [{ entity_id: 'cust-s3', doc_s3_url: 's3://someone-elses-bucket/secret.txt' }] }),
    });
    expect(refused.statusCode).toBe(400);
    // A reference accepted under an earlier bucket list (or imported) still points there: the job must refuse it too.
    const db = sentra.runtime.database.db;
    const at = new Date();
    await db.insertInto('kyc_refs').values({ tenant_id: 'default', entity_id: 'cust-s3', ref_key: 'old-ref', doc_hash: null, doc_s3_url: 's3://someone-elses-bucket/secret.txt', text_blob: null, created_at: at, updated_at: at }).execute();
    await db
      .insertInto('jobs')
      .values({ id: 'job_old_ref', tenant_id: 'default', kind: 'kyc_enrichment', dedupe_key: 'old-ref', payload: JSON.stringify({ entity_id: 'cust-s3', ref_key: 'old-ref' }), status: 'queued', attempts: 0, run_after: at, last_error: null, created_at: at, updated_at: at })
      .execute();
    const result = await entityDocuments('cust-s3');
    expect(result.documents[0]).toMatchObject({ status: 'dead', provider: null, job_id: 'job_old_ref' });
    expect(result.documents[0].last_error).toMatch(/someone-elses-bucket.*not in SENTRA_KYC_DOC_BUCKETS.*not fetched/);
    expect(fake.requests.slice(before).filter((request) => request.path.includes('someone-elses-bucket'))).toEqual([]);
    const jobs = await sentra.app.inject({ method: 'GET', url: '/v1/admin/jobs?status=dead', headers: auth });
    expect(jobs.json().jobs.find((job: { id: string }) => job.id === 'job_old_ref')).toMatchObject({ attempts: 1 });
  });
});
