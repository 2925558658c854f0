import type { paths } from '../api/schema';

/** The query of `GET /v1/cases`, as the generated client types it. */
export type CaseListQuery = NonNullable<paths['/v1/cases']['get']['parameters']['query']>;

/** The status tabs of the queue; "unresolved" is the analyst's default view. */
export const statusTabs = [
  { value: 'unresolved', label: 'Unresolved', statuses: ['open', 'in_review', 'escalated'] },
  { value: 'open', label: 'Open', statuses: ['open'] },
  { value: 'in_review', label: 'In review', statuses: ['in_review'] },
  { value: 'escalated', label: 'Escalated', statuses: ['escalated'] },
  { value: 'resolved', label: 'Resolved', statuses: ['resolved'] },
] as const;

/** Sort orders the API offers. */
export const sortOptions = [
  { value: 'priority', label: 'Priority (highest first)' },
  { value: 'sla', label: 'SLA (soonest due first)' },
  { value: 'created', label: 'Created (newest first)' },
] as const;

/** The queue's filters, as kept in the page address so a view can be shared and reloaded. */
export interface QueueFilters {
  tab: (typeof statusTabs)[number]['value'];
  decision: string;
  assignee: string;
  sort: (typeof sortOptions)[number]['value'];
  scoreMin: string;
}

/** Reads the filters from the address, falling back to the defaults for anything unknown. */
export function filtersFromSearch(search: URLSearchParams): QueueFilters {
  const tab = statusTabs.find((item) => item.value === search.get('tab'))?.value ?? 'unresolved';
  const sort = sortOptions.find((item) => item.value === search.get('sort'))?.value ?? 'priority';
  const decision = ['REVIEW', 'HOLD', 'BLOCK', 'PASS'].includes(search.get('decision') ?? '') ? search.get('decision')! : '';
  const assignee = ['me', 'unassigned'].includes(search.get('assignee') ?? '') ? search.get('assignee')! : '';
  const scoreMin = /^(1000|[0-9]{1,3})$/.test(search.get('score_min') ?? '') ? search.get('score_min')! : '';
  return { tab, decision, assignee, sort, scoreMin };
}

/** The address form of the filters: defaults are left out so the plain queue has a plain address. */
export function searchFromFilters(filters: QueueFilters): Record<string, string> {
  const entries: [string, string][] = [
    ['tab', filters.tab === 'unresolved' ? '' : filters.tab],
    ['decision', filters.decision],
    ['assignee', filters.assignee],
    ['sort', filters.sort === 'priority' ? '' : filters.sort],
    ['score_min', filters.scoreMin],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== ''));
}

/** The API query for the filters (without the cursor). */
export function queryFromFilters(filters: QueueFilters, limit: number): CaseListQuery {
  const tab = statusTabs.find((item) => item.value === filters.tab)!;
  return {
    status: tab.statuses.join(','),
    sort: filters.sort,
    limit: String(limit),
    ...(filters.decision === '' ? {} : { decision: filters.decision }),
    ...(filters.assignee === '' ? {} : { assignee: filters.assignee }),
    ...(filters.scoreMin === '' ? {} : { score_min: filters.scoreMin }),
  };
}
