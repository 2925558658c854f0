import { describe, expect, it } from 'vitest';
import { slaState } from './sla';

describe('slaState', () => {
  const now = Date.parse('2026-12-02T12:00:00Z');
  it('counts down to the due time in minutes, hours and days', () => {
    expect(slaState('2026-12-02T12:45:30Z', now)).toEqual({ text: 'due in 45 min', overdue: false });
    expect(slaState('2026-12-02T15:20:00Z', now)).toEqual({ text: 'due in 3 h 20 min', overdue: false });
    expect(slaState('2026-12-05T12:00:00Z', now)).toEqual({ text: 'due in 3 d', overdue: false });
  });
  it('says by how much a passed due time is overdue', () => {
    expect(slaState('2026-12-02T11:15:00Z', now)).toEqual({ text: 'overdue by 45 min', overdue: true });
    expect(slaState('2026-11-30T11:00:00Z', now)).toEqual({ text: 'overdue by 2 d', overdue: true });
  });
});
