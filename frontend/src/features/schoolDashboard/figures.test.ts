import { describe, expect, it } from 'vitest';
import { complianceByAgreement, nextMeetingByAgreement, overdueFirst, pairComplianceHref, sideOf, sortPairs } from './figures';

describe('school dashboard', () => {
  const pair = { supporting_school_id: 3, supporting_school_name: '城关中学', receiving_school_name: '山区小学' };

  it('tells our side of a pair and names the other school', () => {
    expect(sideOf(pair, 3)).toEqual({ side: 'supporting', partner: '山区小学' });
    expect(sideOf(pair, 8)).toEqual({ side: 'receiving', partner: '城关中学' });
  });

  it("opens the meeting compliance report on one pair: the partner school narrows our own pairs to it", () => {
    const a = { supporting_school_id: 3, receiving_school_id: 8 };
    expect(pairComplianceHref(a, 3, 2026)).toBe('/compliance/meetings?school_year=2026&school_id=8');
    expect(pairComplianceHref(a, 8, 2026)).toBe('/compliance/meetings?school_year=2026&school_id=3');
  });

  it('puts the pairs in force first, the finished ones last', () => {
    const pairs = [
      { id: 1, status: 'completed' as const, start_date: '2025-09-01' },
      { id: 2, status: 'draft' as const, start_date: '2026-09-01' },
      { id: 3, status: 'active' as const, start_date: '2024-09-01' },
      { id: 4, status: 'active' as const, start_date: '2026-09-01' },
    ];
    expect(sortPairs(pairs).map((p) => p.id)).toEqual([4, 3, 2, 1]);
  });

  it("finds each pair's next planned meeting and its compliance", () => {
    const meetings = [
      { id: 1, agreement_id: 5, scheduled_date: '2026-11-03', status: 'planned' as const },
      { id: 2, agreement_id: 5, scheduled_date: '2026-10-20', status: 'planned' as const },
      { id: 3, agreement_id: 6, scheduled_date: '2026-09-01', status: 'held' as const },
    ];
    const next = nextMeetingByAgreement(meetings);
    expect(next.get(5)?.id).toBe(2);
    expect(next.has(6)).toBe(false);
    expect(complianceByAgreement([{ agreement_id: 5, status: 'at_risk' }]).get(5)).toBe('at_risk');
  });

  it('lists overdue items first, each by due date', () => {
    const items = [
      { id: 1, overdue: false, due_date: '2026-10-01' },
      { id: 2, overdue: true, due_date: '2026-09-20' },
      { id: 3, overdue: false, due_date: '2026-09-25' },
      { id: 4, overdue: true, due_date: '2026-09-10' },
    ];
    expect(overdueFirst(items).map((i) => i.id)).toEqual([4, 2, 3, 1]);
  });
});
