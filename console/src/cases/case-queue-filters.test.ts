import { describe, expect, it } from 'vitest';
import { filtersFromSearch, queryFromFilters, searchFromFilters } from './case-queue-filters';

describe('case queue filters', () => {
  it('default to the unresolved cases by priority and keep a plain address', () => {
    const filters = filtersFromSearch(new URLSearchParams(''));
    expect(filters).toEqual({ tab: 'unresolved', decision: '', assignee: '', sort: 'priority', scoreMin: '', scoreMax: '', merchant: '', createdFrom: '', createdTo: '', kyc: '', kycStatus: '' });
    expect(searchFromFilters(filters)).toEqual({});
    expect(queryFromFilters(filters, 50)).toEqual({ status: 'open,in_review,escalated', sort: 'priority', limit: '50' });
  });
  it('round-trip through the address and drop values the API would refuse', () => {
    const filters = filtersFromSearch(new URLSearchParams('tab=resolved&decision=BLOCK&assignee=me&sort=sla&score_min=700'));
    expect(filtersFromSearch(new URLSearchParams(searchFromFilters(filters)))).toEqual(filters);
    expect(queryFromFilters(filters, 25)).toEqual({ status: 'resolved', sort: 'sla', limit: '25', decision: 'BLOCK', assignee: 'me', score_min: '700' });
    expect(filtersFromSearch(new URLSearchParams('tab=x&decision=DROP&assignee=bob&sort=up&score_min=1001&score_max=-1&from=2026-13-40&to=yesterday&kyc=maybe&kyc_status=suspicious&merchant=%20m'))).toEqual(
      filtersFromSearch(new URLSearchParams('')),
    );
  });
  it('carry the score range, merchant, creation days and KYC to the API, the last day included', () => {
    const search = 'score_min=300&score_max=800&merchant=m_shop&from=2026-11-01&to=2026-11-30&kyc=true';
    const filters = filtersFromSearch(new URLSearchParams(search));
    expect(filters).toMatchObject({ scoreMin: '300', scoreMax: '800', merchant: 'm_shop', createdFrom: '2026-11-01', createdTo: '2026-11-30', kyc: 'true' });
    expect(new URLSearchParams(searchFromFilters(filters)).toString()).toBe(search);
    expect(queryFromFilters(filters, 100)).toEqual({
      status: 'open,in_review,escalated',
      sort: 'priority',
      limit: '100',
      score_min: '300',
      score_max: '800',
      merchant_id: 'm_shop',
      created_from: '2026-11-01T00:00:00.000Z',
      created_to: '2026-12-01T00:00:00.000Z',
      has_kyc: 'true',
    });
  });
  it('keep the KYC signal status in the address and pass it to the API', () => {
    for (const status of ['none', 'pending', 'ready', 'flagged']) {
      const filters = filtersFromSearch(new URLSearchParams(`kyc_status=${status}`));
      expect(filters.kycStatus).toBe(status);
      expect(searchFromFilters(filters)).toEqual({ kyc_status: status });
      expect(queryFromFilters(filters, 50)).toEqual({ status: 'open,in_review,escalated', sort: 'priority', limit: '50', kyc_status: status });
    }
  });
});
