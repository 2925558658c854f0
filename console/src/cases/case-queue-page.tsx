import { useRef, useState } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useShortcuts } from '../components/use-shortcuts';
import { filtersFromSearch, queryFromFilters, searchFromFilters, kycStatusOptions, sortOptions, statusTabs, type QueueFilters } from './case-queue-filters';
import { BulkResolveForm } from './bulk-resolve-form';
import { SavedViewsPanel } from './saved-views-panel';
import { slaState } from './sla';

// The queue shows 100 cases at once: a morning's work, navigable with j/k without another request.
const pageSize = 100;
const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' });
// New cases appear without a reload: the queue asks again this often (and when the tab regains focus).
const refreshMs = 5_000;

/**
 * The case queue: status tabs with counts, filters kept in the address, saved views, cursor pages,
 * bulk resolve, live refresh, and keys: j / k move between cases, Enter opens, a assigns to me, /
 * goes to the filters.
 */
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
    refetchInterval: refreshMs,
  });
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState('');
  const table = useRef<HTMLTableSectionElement>(null);
  const filterForm = useRef<HTMLFormElement>(null);
  const assign = useMutation({
    mutationFn: async (item: { case_id: string; version: number }) =>
      unwrap(await api.POST('/v1/cases/{case_id}/assign', { params: { path: { case_id: item.case_id } }, body: { assignee: 'me', version: item.version } })),
    onSuccess: (assigned) => setNotice(`${assigned.case_id} is assigned to you.`),
    onError: (error, item) => setNotice(`${item.case_id} could not be assigned: ${error.message}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
  const change = (next: Partial<QueueFilters>) => {
    setSelected(new Map());
    setSearch(searchFromFilters({ ...filters, ...next }));
  };
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];
  const counts = cases.data?.pages[0]?.counts;
  const now = Date.now();
  const activeIndex = items.findIndex((item) => item.case_id === activeId);
  const move = (step: number) => {
    if (items.length === 0) return;
    const next = items[Math.min(items.length - 1, Math.max(0, activeIndex === -1 ? 0 : activeIndex + step))]!;
    setActiveId(next.case_id);
    // Focus the case's link: Enter then opens it, as with any link.
    table.current?.querySelector<HTMLAnchorElement>(`a[data-case-id="${CSS.escape(next.case_id)}"]`)?.focus();
  };
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    a: () => {
      const item = items[activeIndex];
      if (item !== undefined && item.status !== 'resolved' && !assign.isPending) assign.mutate(item);
    },
    '/': () => filterForm.current?.querySelector<HTMLElement>('select, input')?.focus(),
  });
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
        <p className="muted" id="queue-keys">
          Keys: <kbd>j</kbd> / <kbd>k</kbd> next / previous case, <kbd>Enter</kbd> open, <kbd>a</kbd> assign to me, <kbd>/</kbd> filters
        </p>
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
      <form ref={filterForm} className="inline-form card filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
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
          Maximum score{' '}
          <input type="number" min={0} max={1000} value={filters.scoreMax} onChange={(event) => change({ scoreMax: event.target.value })} />
        </label>
        <label>
          Merchant <input value={filters.merchant} maxLength={256} onChange={(event) => change({ merchant: event.target.value.trim() })} />
        </label>
        <label>
          Created from <input type="date" value={filters.createdFrom} onChange={(event) => change({ createdFrom: event.target.value })} />
        </label>
        <label>
          Created to <input type="date" value={filters.createdTo} onChange={(event) => change({ createdTo: event.target.value })} />
        </label>
        <label>
          KYC documents{' '}
          <select value={filters.kyc} onChange={(event) => change({ kyc: event.target.value })}>
            <option value="">Either</option>
            <option value="true">Sent with the payment</option>
            <option value="false">None sent</option>
          </select>
        </label>
        <label>
          KYC status{' '}
          <select value={filters.kycStatus} onChange={(event) => change({ kycStatus: event.target.value })}>
            <option value="">Any</option>
            {kycStatusOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
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
      <SavedViewsPanel search={search.toString()} />
      <p role="status" className="muted queue-notice">
        {notice}
      </p>
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
                <th scope="col">KYC</th>
                <th scope="col">Assignee</th>
              </tr>
            </thead>
            <tbody ref={table}>
              {items.map((item) => {
                const sla = slaState(item.sla_due_at, now);
                return (
                  <tr key={item.case_id} className={item.case_id === activeId ? 'active-row' : undefined}>
                    <td>
                      {item.status !== 'resolved' && (
                        <input type="checkbox" aria-label={`Select ${item.case_id}`} checked={selected.has(item.case_id)} onChange={() => toggle(item.case_id, item.version)} />
                      )}
                    </td>
                    <th scope="row">
                      <Link to={`/cases/${item.case_id}`} data-case-id={item.case_id} onFocus={() => setActiveId(item.case_id)}>
                        {item.case_id}
                      </Link>
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
                    <td className={item.kyc_status === 'flagged' ? 'status-bad' : undefined}>{item.kyc_status === 'none' ? <span className="muted">none</span> : item.kyc_status}</td>
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
