import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { rowCounts } from './support/row-counts.js';

describe('doc_s3_url at the scoring API', () => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp('pglite', { SENTRA_KYC_DOC_BUCKETS: 'sentra-kyc-docs,acme-kyc' });
  });
  afterAll(async () => {
    await sentra.close();
  });

  const score = (docS3Url: string) =>
    sentra.app.inject({
      method: 'POST',
      url: '/v1/risk/score',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: scoreBody({ kyc_refs: [{ entity_id: 'cust-1001', doc_hash: 'sha256:1' }, { entity_id: 'cust-1001', doc_s3_url: docS3Url }] }),
    });

  it('accepts a document in an approved bucket', async () => {
    expect((await score('s3://acme-kyc/merchants/m1/certificate.pdf')).statusCode).toBe(200);
    expect((await score('s3://sentra-kyc-docs/merchants/m1/certificate.pdf')).statusCode).toBe(200);
  });

  it.each([
    ['s3://attacker-bucket/x.pdf', 'bucket'],
    ['https://attacker.example/x.pdf', 'format'],
    ['http://169.254.169.254/latest/meta-data/', 'format'],
    ['file:///etc/passwd', 'format'],
    ['s3://acme-kyc/', 'format'],
  ])('rejects %s with a 400 at its path and writes nothing', async (url, code) => {
    const before = await rowCounts(sentra.runtime.database.db);
    const response = await score(url);
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('SENTRA_ERR_VALIDATION');
    expect(error.details).toEqual([expect.objectContaining({ path: '/kyc_refs/1/doc_s3_url', code })]);
    expect(await rowCounts(sentra.runtime.database.db)).toEqual(before);
  });
});
