import type { ProblemDetail } from '../errors/errors.js';

const s3UrlPattern = /^s3:\/\/([^/]+)\/(.+)$/;

/**
 * Checks the `doc_s3_url` of each KYC reference: an `s3://<bucket>/<key>` URL whose bucket is in the
 * configured allowlist (SENTRA_KYC_DOC_BUCKETS). Anything else (another scheme, another bucket, an
 * http URL that a later fetch would follow) is a problem at its JSON path, so a caller cannot make
 * Sentra store or later fetch a document from a place the operator did not approve.
 */
export function documentUrlProblems(kycRefs: readonly { doc_s3_url?: string }[] | undefined, allowedBuckets: readonly string[]): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  kycRefs?.forEach((ref, index) => {
    const url = ref.doc_s3_url;
    if (url === undefined) return;
    const path = `/kyc_refs/${index}/doc_s3_url`;
    const match = s3UrlPattern.exec(url);
    if (match === null || /[\u0000-\u001f\u007f\\]/.test(url)) {
      problems.push({ code: 'format', path, message: `${path} must be an s3://<bucket>/<key> URL` });
    } else if (!allowedBuckets.includes(match[1]!)) {
      problems.push({ code: 'bucket', path, message: `${path} names a bucket that is not approved for KYC documents (allowed: ${allowedBuckets.join(', ')})` });
    }
  });
  return problems;
}
