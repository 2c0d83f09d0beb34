import { describe, expect, it } from 'vitest';
import {
  KPI_KEYS,
  complianceTarget,
  kindsTarget,
  kindTarget,
  kpiTargets,
  monthlyTarget,
  networkTarget,
  subjectTarget,
  uncoveredTarget,
  yearActivitiesTarget,
} from './targets';
import { activityWindow, coveragePercent, formatCount, isoMonth, monthRange, schoolYearRange, yuanAmount } from './figures';
import type { PairCompliance } from '../../api/types';

describe('KPI click-through', () => {
  it('leads every card to the list behind it, with the filters that list reads from its URL', () => {
    expect(kpiTargets({ schoolYear: 2026 })).toEqual({
      active_agreements: '/agreements?status=active',
      receiving_covered: '/schools?covered=true',
      teachers_on_rotation: '/rotations?status=active',
      teacher_days: '/compliance/rotations?school_year=2026',
      meeting_compliance: '/compliance/meetings?school_year=2026',
      rotation_share: '/compliance/rotations?school_year=2026',
      donations: '/donations?from=2026-09-01&to=2027-08-31',
      overdue_items: '/follow-up-items?status=open&overdue=true',
    });
  });

  it('carries the programme to the lists that filter by it', () => {
    const t = kpiTargets({ schoolYear: 2025, programmeId: 7 });
    expect(t.active_agreements).toBe('/agreements?status=active&programme_id=7');
    expect(t.teacher_days).toBe('/compliance/rotations?school_year=2025&programme_id=7');
    expect(t.meeting_compliance).toBe('/compliance/meetings?school_year=2025&programme_id=7');
    // the donations dated in the school year, of the programme
    expect(t.donations).toBe('/donations?from=2025-09-01&to=2026-08-31&programme_id=7');
    // the schools covered by an agreement of the programme in force
    expect(t.receiving_covered).toBe('/schools?covered=true&programme_id=7');
    // the rotation and follow-up lists have no programme filter
    expect(t.teachers_on_rotation).toBe('/rotations?status=active');
    expect(t.overdue_items).toBe('/follow-up-items?status=open&overdue=true');
  });

  it('has a target for every card', () => {
    const t = kpiTargets({ schoolYear: 2026 });
    expect(Object.keys(t).sort()).toEqual([...KPI_KEYS].sort());
    expect(new Set(KPI_KEYS).size).toBe(8);
  });
});

describe('coverage click-through', () => {
  it('the schools still waiting for a pair: to be helped, not covered (of the programme)', () => {
    expect(uncoveredTarget({ schoolYear: 2026 })).toBe('/schools?assisted=true&covered=false');
    expect(uncoveredTarget({ schoolYear: 2026, programmeId: 4 })).toBe('/schools?assisted=true&covered=false&programme_id=4');
  });
});

describe('activity click-through', () => {
  const window = { activities_from: '2026-09-01', activities_to: '2027-01-31' };
  // the chart draws the kinds most first, ties in the enum's order
  const byKind = { lecture: 1, demonstration_lesson: 0, seminar: 5, joint_research: 5 };

  it("a kind's bar opens that kind's activities in the summary's window", () => {
    expect(kindTarget({ schoolYear: 2026 }, window, byKind, { dataIndex: 0 })).toBe(
      '/activities?kind=joint_research&from=2026-09-01&to=2027-01-31',
    );
    expect(kindTarget({ schoolYear: 2026, programmeId: 7 }, window, byKind, { dataIndex: 1 })).toBe(
      '/activities?kind=seminar&from=2026-09-01&to=2027-01-31&programme_id=7',
    );
    expect(kindTarget({ schoolYear: 2026 }, window, byKind, { dataIndex: 2 })).toBe('/activities?kind=lecture&from=2026-09-01&to=2027-01-31');
    expect(kindTarget({ schoolYear: 2026 }, window, byKind, { dataIndex: 99 })).toBeNull();
  });

  it('the whole kinds chart opens every activity of the window', () => {
    expect(kindsTarget({ schoolYear: 2026, programmeId: 3 }, window)).toBe('/activities?from=2026-09-01&to=2027-01-31&programme_id=3');
  });

  it("a month's activity bar opens that month's activities; the check-in line leads nowhere", () => {
    const monthly = [{ month: '2026-09' }, { month: '2026-10' }, { month: '2027-02' }];
    expect(monthlyTarget({ schoolYear: 2026 }, monthly, { dataIndex: 1, seriesIndex: 0 })).toBe('/activities?from=2026-10-01&to=2026-10-31');
    expect(monthlyTarget({ schoolYear: 2026, programmeId: 2 }, monthly, { dataIndex: 2, seriesIndex: 0 })).toBe(
      '/activities?from=2027-02-01&to=2027-02-28&programme_id=2',
    );
    expect(monthlyTarget({ schoolYear: 2026 }, monthly, { dataIndex: 0, seriesIndex: 1 })).toBeNull();
    expect(monthlyTarget({ schoolYear: 2026 }, monthly, { dataIndex: 5, seriesIndex: 0 })).toBeNull();
  });

  it('the whole trend opens the activities of the school year', () => {
    expect(yearActivitiesTarget({ schoolYear: 2026 })).toBe('/activities?from=2026-09-01&to=2027-08-31');
    expect(yearActivitiesTarget({ schoolYear: 2027, programmeId: 5 })).toBe('/activities?from=2027-09-01&to=2028-08-31&programme_id=5');
  });
});

describe('chart click-through', () => {
  const pairs = [{ agreement_id: 12 }, { agreement_id: 5 }] as PairCompliance[];

  it('a compliance bar opens its agreement (by the row drawn, whichever series was clicked)', () => {
    expect(complianceTarget(pairs, { dataIndex: 1, seriesIndex: 0 })).toBe('/agreements/5');
    expect(complianceTarget(pairs, { dataIndex: 0, seriesIndex: 1 })).toBe('/agreements/12');
    expect(complianceTarget(pairs, { dataIndex: 2 })).toBeNull();
  });

  it('a subject bar opens the rotations of the year in that subject', () => {
    const subjects = [{ subject: '数学' }, { subject: '英语' }];
    expect(subjectTarget({ schoolYear: 2026, programmeId: 3 }, subjects, { dataIndex: 1 })).toBe(
      `/rotations?school_year=2026&subject=${encodeURIComponent('英语')}`,
    );
    expect(subjectTarget({ schoolYear: 2026 }, subjects, { dataIndex: 9 })).toBe('/rotations?school_year=2026');
  });

  it('a school opens the school, an arrow the agreement', () => {
    const data = {
      nodes: [
        { school_id: 3, name: 'A', role: 'supporting', is_weak: false },
        { school_id: 5, name: 'B', role: 'receiving', is_weak: true },
      ],
      edges: [{ agreement_id: 21, source: 3, target: 5, rotations: 1 }],
    };
    expect(networkTarget(data, { dataType: 'node', dataIndex: 1 })).toBe('/schools/5');
    expect(networkTarget(data, { dataType: 'edge', dataIndex: 0 })).toBe('/agreements/21');
    expect(networkTarget(data, { dataType: 'edge', dataIndex: 4 })).toBeNull();
    expect(networkTarget(data, { dataIndex: 0 })).toBeNull();
  });
});

describe('figures', () => {
  it('groups numbers the Chinese way and writes money to the fen', () => {
    expect(formatCount(1358)).toBe('1,358');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe('—');
    expect(yuanAmount('1358.5')).toBe('1,358.50');
    expect(yuanAmount('180640.00')).toBe('180,640.00');
    expect(yuanAmount('0')).toBe('0.00');
    expect(yuanAmount('12345678901234567.89')).toBe('12,345,678,901,234,567.89');
    expect(yuanAmount('abc')).toBe('—');
  });

  it('turns coverage into a whole percentage', () => {
    expect(coveragePercent(4, 8)).toBe(50);
    expect(coveragePercent(1, 3)).toBe(33);
    expect(coveragePercent(0, 0)).toBe(0);
    expect(coveragePercent(9, 8)).toBe(100);
  });

  it('tells the term from the whole school year the activities are counted over', () => {
    expect(activityWindow({ school_year: 2026, activities_from: '2026-09-01', activities_to: '2027-01-31' })).toBe('term');
    expect(activityWindow({ school_year: 2027, activities_from: '2028-02-01', activities_to: '2028-08-31' })).toBe('term');
    expect(activityWindow({ school_year: 2021, activities_from: '2021-09-01', activities_to: '2022-08-31' })).toBe('year');
  });

  it("spans a school year and a month with their first and last days", () => {
    expect(schoolYearRange(2026)).toEqual({ from: '2026-09-01', to: '2027-08-31' });
    expect(monthRange('2026-09')).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthRange('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-13')).toBeNull();
    expect(monthRange('2026-9')).toBeNull();
  });

  it('names the month of a day', () => {
    expect(isoMonth(new Date(2026, 11, 1))).toBe('2026-12');
    expect(isoMonth(new Date(2027, 0, 31))).toBe('2027-01');
  });
});
