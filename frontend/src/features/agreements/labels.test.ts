import { describe, expect, it } from 'vitest';
import { AGREEMENT_STATUSES } from '../../api/types';
import { achievedPercent, asAction, isDangerous, knownActions, needsComment, schoolYearOf, schoolYearOptions, STATUS_COLOR } from './labels';

describe('agreement labels', () => {
  it('every status has a colour, active is green and terminated red', () => {
    for (const s of AGREEMENT_STATUSES) expect(STATUS_COLOR[s]).toBeTruthy();
    expect(STATUS_COLOR.active).toBe('success');
    expect(STATUS_COLOR.terminated).toBe('error');
  });

  it('reject and terminate need a reason and are shown as dangerous', () => {
    expect(needsComment('reject')).toBe(true);
    expect(needsComment('terminate')).toBe(true);
    expect(needsComment('confirm')).toBe(false);
    expect(isDangerous('approve')).toBe(false);
    expect(isDangerous('terminate')).toBe(true);
  });

  it('keeps only known actions from the server, in a stable order', () => {
    expect(knownActions(['reject', 'confirm', 'fly'])).toEqual(['confirm', 'reject']);
    expect(knownActions([])).toEqual([]);
    expect(asAction('approve')).toBe('approve');
    expect(asAction('renew')).toBeUndefined();
  });

  it('computes school years from 1 September', () => {
    expect(schoolYearOf(new Date(2026, 7, 31))).toBe(2025);
    expect(schoolYearOf(new Date(2026, 8, 1))).toBe(2026);
    expect(schoolYearOptions(new Date(2026, 9, 1), 1, 2)).toEqual([2028, 2027, 2026, 2025]);
  });

  it('computes the share of achieved goals', () => {
    expect(achievedPercent([])).toBe(0);
    expect(achievedPercent([{ status: 'achieved' }, { status: 'planned' }, { status: 'missed' }])).toBe(33);
    expect(achievedPercent([{ status: 'achieved' }])).toBe(100);
  });
});
