import { describe, expect, it } from 'vitest';
import { documentUrlProblems } from './document-url.js';

describe('documentUrlProblems', () => {
  const allowed = ['sentra-kyc-docs', 'acme-kyc'];
  it('accepts s3 URLs in an approved bucket', () => {
    expect(documentUrlProblems([{ doc_s3_url: 's3://sentra-kyc-docs/merchants/m1/cert.pdf' }, {}, { doc_s3_url: 's3://acme-kyc/a' }], allowed)).toEqual([]);
  });
  it('names each bad URL by its path: other schemes, other buckets, no key, control characters', () => {
    const problems = documentUrlProblems(
      [
        { doc_s3_url: 'https://sentra-kyc-docs.s3.amazonaws.com/x' },
        { doc_s3_url: 's3://attacker-bucket/x' },
        { doc_s3_url: 's3://sentra-kyc-docs/' },
        { doc_s3_url: 'file:///etc/passwd' },
        { doc_s3_url: 's3://sentra-kyc-docs/a\nb' },
        { doc_s3_url: 'http://169.254.169.254/latest/meta-data/' },
      ],
      allowed,
    );
    expect(problems.map((problem) => [problem.path, problem.code])).toEqual([
      ['/kyc_refs/0/doc_s3_url', 'format'],
      ['/kyc_refs/1/doc_s3_url', 'bucket'],
      ['/kyc_refs/2/doc_s3_url', 'format'],
      ['/kyc_refs/3/doc_s3_url', 'format'],
      ['/kyc_refs/4/doc_s3_url', 'format'],
      ['/kyc_refs/5/doc_s3_url', 'format'],
    ]);
  });
});
