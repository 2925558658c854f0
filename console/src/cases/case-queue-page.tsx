import { useState } from 'react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { filtersFromSearch, queryFromFilters, searchFromFilters, sortOptions, statusTabs, type QueueFilters } from './case-queue-filters';
import { BulkResolveForm } from './bulk-resolve-form';
import { slaState } from './sla';

// The queue shows 100 cases at once: a morning's work, navigable with j/k without another request.
const pageSize = 100;
const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' });

/** The case queue: status tabs with counts, filters kept in the address, cursor pages, bulk resolve. */
export function CaseQueuePage() {
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<ReadonlyMap<string, number>>(new Map());
  const cases = useInfiniteQuery({
    queryKey: ['cases', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/v1/cases', { params: { query: { ...queryFromFilters(filters, pageSize), ...(pageParam === undefined ? {} : { cursor: pageParam }) } } })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchInterval: 30_000,
  });
  const change = (next: Partial<QueueFilters>) => {
    setSelected(new Map());
    setSearch(searchFromFilters({ ...filters, ...next }));
  };
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];
  const counts = cases.data?.pages[0]?.counts;
  const now = Date.now();
  const toggle = (caseId: string, version: number) =>
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(caseId)) next.delete(caseId);
      else next.set(caseId, version);
      return next;
    });

  return (
    <div className="page cases">
      <div className="page-heading">
        <h1>Cases</h1>
      </div>
      <nav aria-label="Case status" className="section-nav">
        <ul>
          {statusTabs.map((tab) => {
            const count = counts === undefined ? undefined : tab.statuses.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
            return (
              <li key={tab.value}>
                <Link to={{ search: new URLSearchParams(searchFromFilters({ ...filters, tab: tab.value })).toString() }} className={filters.tab === tab.value ? 'active' : undefined} aria-current={filters.tab === tab.value ? 'page' : undefined}>
                  {tab.label} {count !== undefined && <span className="muted">({count})</span>}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <form className="inline-form card" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Decision{' '}
          <select value={filters.decision} onChange={(event) => change({ decision: event.target.value })}>
            <option value="">Any</option>
            {['REVIEW', 'HOLD', 'BLOCK', 'PASS'].map((decision) => (
              <option key={decision}>{decision}</option>
            ))}
          </select>
        </label>
        <label>
          Assignee{' '}
          <select value={filters.assignee} onChange={(event) => change({ assignee: event.target.value })}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="unassigned">Unassigned</option>
          </select>
        </label>
        <label>
          Minimum score{' '}
          <input type="number" min={0} max={1000} value={filters.scoreMin} onChange={(event) => change({ scoreMin: event.target.value })} />
        </label>
        <label>
          Sort{' '}
          <select value={filters.sort} onChange={(event) => change({ sort: event.target.value as QueueFilters['sort'] })}>
            {sortOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </form>
      {cases.isError && (
        <p role="alert" className="problem">
          {cases.error.message}
        </p>
      )}
      {cases.isPending ? (
        <p role="status">Loading cases…</p>
      ) : items.length === 0 ? (
        <p className="muted">No case matches these filters.</p>
      ) : (
        <div className="card scroll-table">
          <table>
            <caption className="visually-hidden">Cases matching the filters</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Select</span>
                </th>
                <th scope="col">Case</th>
                <th scope="col" className="number">
                  Priority
                </th>
                <th scope="col">Decision</th>
                <th scope="col" className="number">
                  Score
                </th>
                <th scope="col" className="number">
                  Amount
                </th>
                <th scope="col">SLA</th>
                <th scope="col">Status</th>
                <th scope="col">Assignee</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const sla = slaState(item.sla_due_at, now);
                return (
                  <tr key={item.case_id}>
                    <td>
                      {item.status !== 'resolved' && (
                        <input type="checkbox" aria-label={`Select ${item.case_id}`} checked={selected.has(item.case_id)} onChange={() => toggle(item.case_id, item.version)} />
                      )}
                    </td>
                    <th scope="row">
                      <Link to={`/cases/${item.case_id}`}>{item.case_id}</Link>
                      {item.manual && <span className="muted"> manual</span>}
                    </th>
                    <td className="number">{item.priority}</td>
                    <td>
                      <span className={`decision decision-${item.decision.toLowerCase()}`}>{item.decision}</span>
                    </td>
                    <td className="number">{item.risk_score}</td>
                    <td className="number">{item.amount_usd === null ? '—' : money.format(item.amount_usd)}</td>
                    <td className={item.status !== 'resolved' && sla.overdue ? 'status-bad' : undefined}>{item.status === 'resolved' ? '—' : sla.text}</td>
                    <td>{item.status.replace('_', ' ')}</td>
                    <td>{item.assignee ?? <span className="muted">unassigned</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="actions">
            {cases.hasNextPage && (
              <button type="button" onClick={() => void cases.fetchNextPage()} disabled={cases.isFetchingNextPage}>
                {cases.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </button>
            )}
            <span className="muted" role="status">
              Showing {items.length}
            </span>
          </div>
        </div>
      )}
      {selected.size > 0 && (
        <BulkResolveForm
          selected={selected}
          onDone={() => {
            setSelected(new Map());
            void queryClient.invalidateQueries({ queryKey: ['cases'] });
          }}
        />
      )}
    </div>
  );
}
