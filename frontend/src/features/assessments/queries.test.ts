import { describe, expect, it } from 'vitest';
import { readListState } from '../../lib/listState';
import { ASSESSMENT_FILTERS, assessmentListParams, withRow } from './queries';
import { assessment, row } from './testRows';

describe('the assessment list query', () => {
  const params = (qs: string) => assessmentListParams(readListState(new URLSearchParams(qs), ASSESSMENT_FILTERS));

  it('passes known filters with their types, paging and sort', () => {
    expect(params('school_year=2026&programme_id=3&status=published&sort=-school_year&page=2')).toEqual({
      limit: 20,
      offset: 20,
      sort: '-school_year',
      school_year: 2026,
      programme_id: 3,
      status: 'published',
    });
  });

  it('drops unknown values', () => {
    const p = params('status=archived&sort=-created_at&school_year=x');
    expect(p.status).toBeUndefined();
    expect(p.sort).toBeUndefined();
    expect(p.school_year).toBeUndefined();
  });
});

describe('a saved sheet in the cached results', () => {
  it('replaces that pair only', () => {
    const result = {
      assessment: assessment(),
      rows: [row(1, { total: '10.00' }), row(2, { total: '20.00' })],
      summary: { pairs: 2, complete: 2, below_threshold: 2, average: '15.00', highest: '20.00', lowest: '10.00' },
    };
    const next = withRow(result, row(2, { total: '50.00', sheet_version: 3 }));
    expect(next.rows.map((r) => [r.agreement_id, r.total, r.sheet_version])).toEqual([
      [1, '10.00', 0],
      [2, '50.00', 3],
    ]);
    expect(result.rows[1].total).toBe('20.00');
  });
});
