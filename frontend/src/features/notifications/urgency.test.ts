import { describe, expect, it } from 'vitest';
import { byUrgency, urgencyColor, urgencyOf } from './urgency';

describe('reminder urgency', () => {
  it('colours by stage: today red, 7 days orange, 30 days gold, waiting blue', () => {
    expect(urgencyColor({ kind: 'agreement_expiring', stage: 'today' })).toBe('red');
    expect(urgencyColor({ kind: 'agreement_expiring', stage: '7_days' })).toBe('orange');
    expect(urgencyColor({ kind: 'agreement_expiring', stage: '30_days' })).toBe('gold');
    expect(urgencyColor({ kind: 'agreement_waiting', stage: null })).toBe('blue');
    expect(urgencyColor({ kind: 'amendment_waiting' })).toBe('blue');
  });

  it('falls back on the kind when there is no stage; unknown kinds count as waiting', () => {
    expect(urgencyOf({ kind: 'agreement_expiring_today', stage: null })).toBe('today');
    expect(urgencyOf({ kind: 'item_overdue' })).toBe('today');
    expect(urgencyOf({ kind: 'item_due' })).toBe('7_days');
    expect(urgencyOf({ kind: 'agreement_expiring' })).toBe('30_days');
    expect(urgencyOf({ kind: 'minutes_to_confirm' })).toBe('waiting');
    expect(urgencyOf({ kind: 'something_new' })).toBe('waiting');
  });

  it('puts the most pressing first and keeps the order among equals', () => {
    const items = [
      { id: 1, kind: 'agreement_waiting', stage: null },
      { id: 2, kind: 'agreement_expiring', stage: '30_days' as const },
      { id: 3, kind: 'amendment_waiting', stage: null },
      { id: 4, kind: 'agreement_expiring', stage: 'today' as const },
      { id: 5, kind: 'item_due', stage: null },
    ];
    expect(byUrgency(items).map((x) => x.id)).toEqual([4, 5, 2, 1, 3]);
  });
});
