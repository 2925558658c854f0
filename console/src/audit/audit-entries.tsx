import { useState, type FormEvent } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiErrorNotice } from '../components/api-error-notice';
import { isoDay } from '../components/day-range';

const pageSize = 50;

/** The entry filters as typed: empty means no filter; days are `<input type="date">` values. */
interface EntryFilters {
  action: string;
  subject: string;
  from: string;
  to: string;
}
const noFilters: EntryFilters = { action: '', subject: '', from: '', to: '' };

/** The API query of the filters that are set. */
const queryOf = (filters: EntryFilters) => ({
  ...(filters.action === '' ? {} : { action: filters.action.trim() }),
  ...(filters.subject === '' ? {} : { subject: filters.subject.trim() }),
  ...(filters.from === '' ? {} : { from: isoDay(filters.from) }),
  ...(filters.to === '' ? {} : { to: isoDay(filters.to) }),
});

/** The tenant's audit entries newest first, filtered by action, subject and days, with older pages on demand. */
export function AuditEntries() {
  const [draft, setDraft] = useState<EntryFilters>(noFilters);
  const [filters, setFilters] = useState<EntryFilters>(noFilters);
  const entries = useInfiniteQuery({
    queryKey: ['audit-entries', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/v1/audit/entries', { params: { query: { ...queryOf(filters), limit: String(pageSize), ...(pageParam === undefined ? {} : { cursor: pageParam }) } } })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Applying the same filters again asks again: new entries may have been written since.
    if (JSON.stringify(draft) === JSON.stringify(filters)) void entries.refetch();
    else setFilters(draft);
  };
  const field = (name: keyof EntryFilters) => ({ value: draft[name], onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }) });
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="card" aria-labelledby="entries-title" aria-busy={entries.isFetching}>
      <h2 id="entries-title">Entries</h2>
      <form className="inline-form" onSubmit={submit} aria-label="Entry filters">
        <label>
          Action <input {...field('action')} maxLength={128} placeholder="thresholds.changed" />
        </label>
        <label>
          Subject <input {...field('subject')} maxLength={256} />
        </label>
        <label>
          Since (day) <input type="date" {...field('from')} />
        </label>
        <label>
          Before (day) <input type="date" {...field('to')} />
        </label>
        <button type="submit">Apply filters</button>
        <button
          type="button"
          onClick={() => {
            setDraft(noFilters);
            setFilters(noFilters);
          }}
        >
          Clear
        </button>
      </form>
      <ApiErrorNotice id="entries-problems" error={entries.error} title="No entries" />
      {entries.data === undefined ? (
        !entries.isError && <p role="status">Loading entries…</p>
      ) : items.length === 0 ? (
        <p>No entry matches.</p>
      ) : (
        <div className="scroll-table">
          <table>
            <caption className="visually-hidden">Audit entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Subject</th>
                <th scope="col" className="number">
                  Seq
                </th>
                <th scope="col">Payload</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.seq}>
                  <td>
                    <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
                  </td>
                  <td>{entry.actor}</td>
                  <th scope="row">{entry.action}</th>
                  <td>{entry.subject}</td>
                  <td className="number">{entry.seq}</td>
                  <td>
                    <details>
                      <summary>
                        Payload<span className="visually-hidden"> of entry {entry.seq}</span>
                      </summary>
                      <pre className="expression">{JSON.stringify(entry.payload, null, 2)}</pre>
                      <p className="muted">
                        Hash <code className="clip">{entry.hash}</code>
                      </p>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries.hasNextPage && (
        <button type="button" disabled={entries.isFetchingNextPage} onClick={() => void entries.fetchNextPage()}>
          Older entries
        </button>
      )}
    </section>
  );
}
