import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { saveDownload } from '../api/download';
import { ApiErrorNotice } from '../components/api-error-notice';
import { isoDay, lastThirtyDays } from '../components/day-range';
import { DayRangeFields } from '../components/day-range-fields';


/** A merchant's usage in a range of days: calls and amounts per service, every line, and the same as a CSV file. */
export function MerchantUsage({ merchantId }: { merchantId: string }) {
  const [draft, setDraft] = useState(lastThirtyDays);
  const [range, setRange] = useState(draft);
  const queryClient = useQueryClient();
  const params = { path: { merchant_id: merchantId } };
  const usage = useQuery({
    queryKey: ['merchant-usage', merchantId, range],
    queryFn: async () => {
      const report = unwrap(await api.GET('/v1/admin/merchants/{merchant_id}/usage', { params: { ...params, query: { from: isoDay(range.from), to: isoDay(range.to), format: 'json' } } }));
      // The route answers CSV too; format=json asks for the report.
      if (typeof report === 'string') throw new Error('The server answered CSV where the JSON report was asked for.');
      return report;
    },
    retry: false,
  });
  const download = useMutation({
    mutationFn: async () =>
      saveDownload(
        await api.GET('/v1/admin/merchants/{merchant_id}/usage', { params: { ...params, query: { from: isoDay(range.from), to: isoDay(range.to), format: 'csv' } }, parseAs: 'blob' }),
        `usage-${merchantId}.csv`,
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRange(draft);
    // The same range asked again is read again: calls keep being billed.
    void queryClient.invalidateQueries({ queryKey: ['merchant-usage', merchantId] });
  };
  return (
    <section className="card" aria-labelledby="usage-title" aria-busy={usage.isFetching}>
      <h2 id="usage-title">Usage</h2>
      <form className="inline-form" onSubmit={submit} aria-label="Usage range">
        <DayRangeFields value={draft} onChange={setDraft} />
        <button type="submit">Show usage</button>
        <button type="button" disabled={download.isPending} onClick={() => download.mutate()}>
          Download CSV
        </button>
      </form>
      <ApiErrorNotice id="usage-problems" error={usage.error} title="No usage" />
      <ApiErrorNotice id="usage-download-problems" error={download.error} title="No file" />
      {usage.data !== undefined && (
        <>
          <table>
            <caption>Totals per service</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col" className="number">
                  Calls paid
                </th>
                <th scope="col" className="number">
                  Amount ({usage.data.currency})
                </th>
              </tr>
            </thead>
            <tbody>
              {usage.data.totals.length === 0 ? (
                <tr>
                  <td colSpan={3}>No billable call in this range.</td>
                </tr>
              ) : (
                usage.data.totals.map((total) => (
                  <tr key={total.service}>
                    <th scope="row">{total.service}</th>
                    <td className="number">{total.calls}</td>
                    <td className="number">{total.amount}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
          {usage.data.truncated && <p className="status-bad">More than 10,000 lines in this range; the first 10,000 are listed. Narrow the range.</p>}
          {usage.data.lines.length > 0 && (
            <div className="scroll-table usage-lines">
              <table>
                <caption>Lines ({usage.data.lines.length})</caption>
                <thead>
                  <tr>
                    <th scope="col">At</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Service</th>
                    <th scope="col">Reference</th>
                    <th scope="col" className="number">
                      Amount
                    </th>
                    <th scope="col" className="number">
                      Balance after
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {usage.data.lines.map((line) => (
                    <tr key={line.usage_id}>
                      <td>{new Date(line.created_at).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                      <td>{line.kind.replace('_', ' ')}</td>
                      <td>{line.service ?? '—'}</td>
                      <td>
                        {line.reference === null ? (
                          '—'
                        ) : (
                          <code className="clip" title={line.reference}>
                            {line.reference}
                          </code>
                        )}
                      </td>
                      <td className="number">{line.amount}</td>
                      <td className="number">{line.balance_after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
