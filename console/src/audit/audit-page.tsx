import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { saveDownload } from '../api/download';
import { ApiErrorNotice } from '../components/api-error-notice';
import { isoDay, lastThirtyDays } from '../components/day-range';
import { DayRangeFields } from '../components/day-range-fields';
import { AuditEntries } from './audit-entries';

/** Admin: the audit trail — the chain's verification, a signed export of a window, the key that checks exports, and the entries. */
export function AuditPage() {
  const verify = useQuery({ queryKey: ['audit-verify'], queryFn: async () => unwrap(await api.GET('/v1/audit/verify')), staleTime: 0 });
  const publicKey = useQuery({ queryKey: ['audit-public-key'], queryFn: async () => unwrap(await api.GET('/v1/audit/public-key')), staleTime: Infinity });
  const [range, setRange] = useState(lastThirtyDays);
  const queryClient = useQueryClient();
  const exported = useMutation({
    // An export is itself an audit entry.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit-entries'] }),
    mutationFn: async () =>
      saveDownload(await api.GET('/v1/audit/export', { params: { query: { from: isoDay(range.from), to: isoDay(range.to) } }, parseAs: 'blob' }), `sentra-audit-${range.from}.jsonl`),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    exported.mutate();
  };
  const report = verify.data;
  return (
    <div className="page audit">
      <h1>Audit trail</h1>
      <div className="two-columns">
        <section className="card" aria-labelledby="verify-title" aria-busy={verify.isFetching}>
          <h2 id="verify-title">Verification</h2>
          {verify.isError && <p role="alert">{verify.error.message}</p>}
          {report === undefined ? (
            !verify.isError && <p role="status">Verifying the chain…</p>
          ) : report.ok ? (
            <p role="status" className="status-ok">
              Intact: {report.entries} entries chained, {report.checkpoints} signed checkpoints checked.
            </p>
          ) : (
            <div role="alert" className="problems">
              <h3>Broken at entry {report.problem?.seq}</h3>
              <p>
                <code>{report.problem?.kind}</code> {report.problem?.message}
              </p>
              <p>Entries read before it: {report.entries}.</p>
            </div>
          )}
          {report !== undefined && (
            <dl className="facts" aria-label="Chain facts">
              <dt>Tenant</dt>
              <dd>{report.tenant_id}</dd>
              <dt>Head</dt>
              <dd>
                {report.head === null ? (
                  'no entry yet'
                ) : (
                  <>
                    entry {report.head.seq}, <code className="clip">{report.head.hash}</code>
                  </>
                )}
              </dd>
            </dl>
          )}
          <button type="button" disabled={verify.isFetching} onClick={() => void verify.refetch()}>
            Verify again
          </button>
        </section>
        <div className="stack">
          <form className="card" onSubmit={submit} aria-labelledby="export-title">
            <h2 id="export-title">Export</h2>
            <p className="help">Entries of the window as JSON lines, ending in a summary signed with the installation's key.</p>
            <div className="inline-form">
              <DayRangeFields value={range} onChange={setRange} />
              <button type="submit" className="primary" disabled={exported.isPending}>
                Download export
              </button>
            </div>
            <ApiErrorNotice id="export-problems" error={exported.error} title="No export" />
          </form>
          <section className="card" aria-labelledby="public-key-title">
            <h2 id="public-key-title">Public key</h2>
            {publicKey.isError && <p role="alert">{publicKey.error.message}</p>}
            {publicKey.data !== undefined && (
              <>
                <p>
                  Key <code>{publicKey.data.key_id}</code> (Ed25519). Save it as <code>key.pem</code> and check an export offline with{' '}
                  <code>sentra audit verify --file export.jsonl --public-key key.pem</code>.
                </p>
                <pre className="expression" aria-label="Audit public key">
                  {publicKey.data.public_key_pem}
                </pre>
              </>
            )}
          </section>
        </div>
      </div>
      <AuditEntries />
    </div>
  );
}
