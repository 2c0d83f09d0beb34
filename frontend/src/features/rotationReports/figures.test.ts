import { describe, expect, it } from 'vitest';
import type { RosterRow, RotationComplianceRow } from '../../api/types';
import {
  attendancePercent,
  bySeverity,
  candidatesPath,
  daysPercent,
  pageOf,
  pickRosterYear,
  pickSchoolYear,
  rotationProgress,
  schoolYearChoices,
  schoolYearOf,
  sharePercent,
  shareVsMinimum,
  sortComplianceRows,
  sortRoster,
  splitRoster,
  yearsSince,
} from './figures';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
};

describe('the school year', () => {
  it('starts on 1 September', () => {
    expect(schoolYearOf(day('2026-08-31'))).toBe(2025);
    expect(schoolYearOf(day('2026-09-01'))).toBe(2026);
    expect(schoolYearOf(day('2027-01-15'))).toBe(2026);
    expect(schoolYearOf(day('2026-12-31'))).toBe(2026);
  });

  it('comes from the URL when valid, else the current one', () => {
    const today = day('2026-12-01');
    expect(pickSchoolYear('2024', today)).toBe(2024);
    expect(pickSchoolYear(null, today)).toBe(2026);
    expect(pickSchoolYear('', today)).toBe(2026);
    expect(pickSchoolYear('abc', today)).toBe(2026);
    expect(pickSchoolYear('1999', today)).toBe(2026);
    expect(pickSchoolYear('2101', today)).toBe(2026);
    expect(pickSchoolYear('2026.5', today)).toBe(2026);
  });

  it('the roster may show every year', () => {
    const today = day('2026-12-01');
    expect(pickRosterYear('all', today)).toBeUndefined();
    expect(pickRosterYear(undefined, today)).toBe(2026);
    expect(pickRosterYear('2025', today)).toBe(2025);
  });

  it('offers a few years back and the next one, newest first', () => {
    expect(schoolYearChoices(day('2026-09-01'), 2, 1)).toEqual([2027, 2026, 2025, 2024]);
  });
});

describe('shares', () => {
  it('show at most one decimal', () => {
    expect(sharePercent(1 / 12)).toBe('8.3%');
    expect(sharePercent(0.1)).toBe('10%');
    expect(sharePercent(0.125)).toBe('12.5%');
    expect(sharePercent(0.15625)).toBe('15.6%');
    expect(sharePercent(0)).toBe('0%');
    expect(sharePercent(1)).toBe('100%');
    expect(sharePercent(null)).toBe('—');
    expect(sharePercent(Number.NaN)).toBe('—');
  });

  it('read against the minimum', () => {
    expect(shareVsMinimum(0.0833, 0.1)).toBe('8.3% / 10%');
    expect(shareVsMinimum(null, 0.15)).toBe('— / 15%');
  });
});

describe('bars', () => {
  it('count approved teachers, then the planned ones on top, never past 100', () => {
    expect(rotationProgress({ rotated: 1, planned: 0, required: 2 })).toEqual({ approved: 50, withPlanned: 50 });
    expect(rotationProgress({ rotated: 1, planned: 1, required: 3 })).toEqual({ approved: 33.3, withPlanned: 66.7 });
    expect(rotationProgress({ rotated: 3, planned: 1, required: 1 })).toEqual({ approved: 100, withPlanned: 100 });
    // nothing required (no eligible teacher): nothing is missing
    expect(rotationProgress({ rotated: 0, planned: 0, required: 0 })).toEqual({ approved: 100, withPlanned: 100 });
  });

  it('measure days served against the rule', () => {
    expect(daysPercent(334, 365)).toBe(91.5);
    expect(daysPercent(400, 365)).toBe(100);
    expect(daysPercent(0, 1095)).toBe(0);
  });

  it('show attendance with one decimal, nothing before the first school day', () => {
    expect(attendancePercent(0.8889)).toBe(88.9);
    expect(attendancePercent(1)).toBe(100);
    expect(attendancePercent(null)).toBeNull();
  });
});

function row(p: Partial<RotationComplianceRow> & Pick<RotationComplianceRow, 'school_name'>): RotationComplianceRow {
  return {
    school_id: 1,
    eligible_teachers: 10,
    eligible_backbone: 2,
    rotated: 1,
    planned: 0,
    required: 1,
    gap: 0,
    rotated_share: 0.1,
    backbone_rotated: 0,
    backbone_required: 0,
    backbone_gap: 0,
    backbone_share: null,
    status: 'compliant',
    ...p,
  };
}

describe('compliance rows', () => {
  const a = row({ school_name: '甲校', status: 'compliant', rotated_share: 0.2 });
  const b = row({ school_name: '乙校', status: 'non_compliant', gap: 1, rotated_share: 0 });
  const c = row({ school_name: '丙校', status: 'non_compliant', gap: 3, rotated_share: null });
  const d = row({ school_name: '丁校', status: 'at_risk', gap: 1 });

  it('put the worst first: non-compliant with the largest gap on top', () => {
    expect([a, b, c, d].sort(bySeverity).map((r) => r.school_name)).toEqual(['丙校', '乙校', '丁校', '甲校']);
    expect(sortComplianceRows([a, b, c, d], null).map((r) => r.school_name)).toEqual(['丙校', '乙校', '丁校', '甲校']);
  });

  it('sort by a column either way, unknown sorts falling back to severity', () => {
    expect(sortComplianceRows([a, b, c, d], '-gap').map((r) => r.school_name)[0]).toBe('丙校');
    expect(sortComplianceRows([a, b, c, d], 'rotated_share').map((r) => r.school_name)).toEqual(['丙校', '乙校', '丁校', '甲校']);
    expect(sortComplianceRows([a, b, c, d], '-rotated_share')[0].school_name).toBe('甲校');
    expect(sortComplianceRows([a, b, c, d], 'nonsense').map((r) => r.school_name)).toEqual(['丙校', '乙校', '丁校', '甲校']);
  });
});

function rotation(id: number, from: number, to: number, start: string, status: RosterRow['status'] = 'active'): RosterRow {
  return {
    id,
    teacher_id: id,
    teacher_name: `T${id}`,
    from_school_id: from,
    from_school_name: `S${from}`,
    to_school_id: to,
    to_school_name: `S${to}`,
    agreement_id: null,
    direction: 'dispatch',
    kind: 'teaching',
    subjects: [],
    start_date: start,
    end_date: '2027-01-31',
    weekly_periods: 12,
    personnel_moved: false,
    living_allowance_yuan: '0.00',
    transport_allowance_yuan: '0.00',
    status,
    withdraw_reason: '',
    allowed_actions: [],
    next_actor: null,
    version: 1,
    created_at: '2026-08-01T00:00:00Z',
    present_days: 0,
    absent_days: 0,
    leave_days: 0,
    attendance_rate: null,
    flagged_days: 0,
    log_count: 0,
    pending_leaves: 0,
  };
}

describe('a school roster', () => {
  const rows = [rotation(1, 5, 7, '2026-09-01'), rotation(2, 2, 5, '2026-09-01'), rotation(3, 5, 4, '2027-02-01', 'planned'), rotation(4, 3, 4, '2026-09-01')];

  it('splits into the teachers sent out and the ones hosted', () => {
    const { outgoing, incoming } = splitRoster(rows, 5);
    expect(outgoing.map((r) => r.id)).toEqual([1, 3]);
    expect(incoming.map((r) => r.id)).toEqual([2]);
  });

  it('sorts like the server, newest start first by default', () => {
    expect(sortRoster(rows, null).map((r) => r.id)).toEqual([3, 4, 2, 1]);
    expect(sortRoster(rows, 'start_date').map((r) => r.id)).toEqual([4, 2, 1, 3]);
    expect(sortRoster(rows, 'status').map((r) => r.id)).toEqual([4, 2, 1, 3]);
  });

  it('pages in the browser, an out-of-range page showing the last one', () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    expect(pageOf(items, 1, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pageOf(items, 3, 10)).toEqual([20, 21, 22, 23, 24]);
    expect(pageOf(items, 9, 10)).toEqual([20, 21, 22, 23, 24]);
    expect(pageOf([], 2, 10)).toEqual([]);
  });
});

describe('years at the school', () => {
  it('counts whole years up to a day', () => {
    expect(yearsSince('2020-09-01', '2026-09-01')).toBe(6);
    expect(yearsSince('2020-09-02', '2026-09-01')).toBe(5);
    expect(yearsSince('1996-09-01', '2026-09-01')).toBe(30);
    expect(yearsSince('2027-01-01', '2026-09-01')).toBe(0);
  });
});

describe('the candidates link', () => {
  it('carries the school, the year and the programme when chosen', () => {
    expect(candidatesPath(3, 2026)).toBe('/compliance/rotations/candidates?school_id=3&school_year=2026');
    expect(candidatesPath(3, 2026, 1)).toBe('/compliance/rotations/candidates?school_id=3&school_year=2026&programme_id=1');
  });
});
