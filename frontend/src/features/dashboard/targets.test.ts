import { describe, expect, it } from 'vitest';
import { KPI_KEYS, complianceTarget, kpiTargets, networkTarget, subjectTarget } from './targets';
import { activityWindow, coveragePercent, formatCount, isoMonth, yuanAmount } from './figures';
import type { PairCompliance } from '../../api/types';

describe('KPI click-through', () => {
  it('leads every card to the list behind it, with the filters that list reads from its URL', () => {
    expect(kpiTargets({ schoolYear: 2026 })).toEqual({
      active_agreements: '/agreements?status=active',
      receiving_covered: '/schools?is_weak=true',
      teachers_on_rotation: '/rotations?status=active',
      teacher_days: '/compliance/rotations?school_year=2026',
      meeting_compliance: '/compliance/meetings?school_year=2026',
      rotation_share: '/compliance/rotations?school_year=2026',
      donations: '/agreements?school_year=2026',
      overdue_items: '/follow-up-items?status=open&overdue=true',
    });
  });

  it('carries the programme to the lists that filter by it', () => {
    const t = kpiTargets({ schoolYear: 2025, programmeId: 7 });
    expect(t.active_agreements).toBe('/agreements?status=active&programme_id=7');
    expect(t.teacher_days).toBe('/compliance/rotations?school_year=2025&programme_id=7');
    expect(t.meeting_compliance).toBe('/compliance/meetings?school_year=2025&programme_id=7');
    expect(t.donations).toBe('/agreements?school_year=2025&programme_id=7');
    // the school, rotation and follow-up lists have no programme filter
    expect(t.receiving_covered).toBe('/schools?is_weak=true');
    expect(t.teachers_on_rotation).toBe('/rotations?status=active');
    expect(t.overdue_items).toBe('/follow-up-items?status=open&overdue=true');
  });

  it('has a target for every card', () => {
    const t = kpiTargets({ schoolYear: 2026 });
    expect(Object.keys(t).sort()).toEqual([...KPI_KEYS].sort());
    expect(new Set(KPI_KEYS).size).toBe(8);
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

  it('names the month of a day', () => {
    expect(isoMonth(new Date(2026, 11, 1))).toBe('2026-12');
    expect(isoMonth(new Date(2027, 0, 31))).toBe('2027-01');
  });
});
