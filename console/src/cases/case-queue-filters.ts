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

/** The queue's filters, as kept in the page address so a view can be shared, saved and reloaded. */
export interface QueueFilters {
  tab: (typeof statusTabs)[number]['value'];
  decision: string;
  assignee: string;
  sort: (typeof sortOptions)[number]['value'];
  scoreMin: string;
  scoreMax: string;
  merchant: string;
  /** Created on or after this UTC day (YYYY-MM-DD). */
  createdFrom: string;
  /** Created on or before this UTC day (YYYY-MM-DD). */
  createdTo: string;
  /** 'true': payments that came with KYC references; 'false': without; '' either. */
  kyc: string;
  /** Where the KYC/KYB enrichment of the parties stands (none, pending, ready, flagged); '' any. */
  kycStatus: string;
}

/** The KYC signal statuses the API filters on, with their labels. */
export const kycStatusOptions = [
  { value: 'flagged', label: 'Signal raised' },
  { value: 'pending', label: 'Pending analysis' },
  { value: 'ready', label: 'Ready, no signal' },
  { value: 'none', label: 'No documents' },
] as const satisfies readonly { value: NonNullable<CaseListQuery['kyc_status']>; label: string }[];

const scorePattern = /^(1000|[0-9]{1,3})$/;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (value: string) => dayPattern.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
/** The value of `name` in the address when `valid` accepts it, else ''. */
const kept = (search: URLSearchParams, name: string, valid: (value: string) => boolean) => {
  const value = search.get(name) ?? '';
  return valid(value) ? value : '';
};

/** Reads the filters from the address, falling back to the defaults for anything unknown. */
export function filtersFromSearch(search: URLSearchParams): QueueFilters {
  const tab = statusTabs.find((item) => item.value === search.get('tab'))?.value ?? 'unresolved';
  const sort = sortOptions.find((item) => item.value === search.get('sort'))?.value ?? 'priority';
  return {
    tab,
    sort,
    decision: kept(search, 'decision', (value) => ['REVIEW', 'HOLD', 'BLOCK', 'PASS'].includes(value)),
    assignee: kept(search, 'assignee', (value) => ['me', 'unassigned'].includes(value)),
    scoreMin: kept(search, 'score_min', (value) => scorePattern.test(value)),
    scoreMax: kept(search, 'score_max', (value) => scorePattern.test(value)),
    merchant: kept(search, 'merchant', (value) => value.trim() === value && value.length <= 256),
    createdFrom: kept(search, 'from', validDay),
    createdTo: kept(search, 'to', validDay),
    kyc: kept(search, 'kyc', (value) => ['true', 'false'].includes(value)),
    kycStatus: kept(search, 'kyc_status', (value) => kycStatusOptions.some((option) => option.value === value)),
  };
}

/** The address form of the filters: defaults are left out so the plain queue has a plain address. */
export function searchFromFilters(filters: QueueFilters): Record<string, string> {
  const entries: [string, string][] = [
    ['tab', filters.tab === 'unresolved' ? '' : filters.tab],
    ['decision', filters.decision],
    ['assignee', filters.assignee],
    ['sort', filters.sort === 'priority' ? '' : filters.sort],
    ['score_min', filters.scoreMin],
    ['score_max', filters.scoreMax],
    ['merchant', filters.merchant],
    ['from', filters.createdFrom],
    ['to', filters.createdTo],
    ['kyc', filters.kyc],
    ['kyc_status', filters.kycStatus],
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
    ...(filters.scoreMax === '' ? {} : { score_max: filters.scoreMax }),
    ...(filters.merchant === '' ? {} : { merchant_id: filters.merchant }),
    ...(filters.createdFrom === '' ? {} : { created_from: `${filters.createdFrom}T00:00:00.000Z` }),
    ...(filters.createdTo === '' ? {} : { created_to: dayAfter(filters.createdTo) }),
    ...(filters.kyc === '' ? {} : { has_kyc: filters.kyc as 'true' | 'false' }),
    ...(filters.kycStatus === '' ? {} : { kyc_status: filters.kycStatus as NonNullable<CaseListQuery['kyc_status']> }),
  };
}

/** The start of the UTC day after `day`: the API's upper bound is exclusive, the filter's last day is included. */
function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}
