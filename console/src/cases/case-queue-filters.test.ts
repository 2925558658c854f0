import { describe, expect, it } from 'vitest';
import { filtersFromSearch, queryFromFilters, searchFromFilters } from './case-queue-filters';

describe('case queue filters', () => {
  it('default to the unresolved cases by priority and keep a plain address', () => {
    const filters = filtersFromSearch(new URLSearchParams(''));
    expect(filters).toEqual({ tab: 'unresolved', decision: '', assignee: '', sort: 'priority', scoreMin: '' });
    expect(searchFromFilters(filters)).toEqual({});
    expect(queryFromFilters(filters, 50)).toEqual({ status: 'open,in_review,escalated', sort: 'priority', limit: '50' });
  });
  it('round-trip through the address and drop values the API would refuse', () => {
    const filters = filtersFromSearch(new URLSearchParams('tab=resolved&decision=BLOCK&assignee=me&sort=sla&score_min=700'));
    expect(filtersFromSearch(new URLSearchParams(searchFromFilters(filters)))).toEqual(filters);
    expect(queryFromFilters(filters, 25)).toEqual({ status: 'resolved', sort: 'sla', limit: '25', decision: 'BLOCK', assignee: 'me', score_min: '700' });
    expect(filtersFromSearch(new URLSearchParams('tab=x&decision=DROP&assignee=bob&sort=up&score_min=1001'))).toEqual(filtersFromSearch(new URLSearchParams('')));
  });
});
