import { describe, expect, it } from 'vitest';
import { readListState } from '../../lib/listState';
import { withoutCoverageFilter } from './CoverageTags';
import { SCHOOL_FILTERS, schoolListParams } from './queries';

const params = (qs: string) => schoolListParams(readListState(new URLSearchParams(qs), SCHOOL_FILTERS));

describe('the school list', () => {
  it("reads the dashboard's coverage filters from the URL", () => {
    expect(params('covered=true&programme_id=3')).toMatchObject({ covered: true, assisted: undefined, programme_id: 3 });
    expect(params('assisted=true&covered=false')).toMatchObject({ assisted: true, covered: false, programme_id: undefined });
    expect(params('is_weak=true&stage=primary')).toMatchObject({ is_weak: true, stage: 'primary', assisted: undefined, covered: undefined });
  });

  it('asks for the programme only with a coverage filter (alone it narrows nothing)', () => {
    expect(params('programme_id=3')).toMatchObject({ programme_id: undefined });
    expect(params('covered=maybe&programme_id=3')).toMatchObject({ covered: undefined, programme_id: undefined });
  });

  it('drops the programme with the last coverage filter', () => {
    expect(withoutCoverageFilter({ assisted: 'true', covered: 'false', programme_id: '3', stage: 'primary' }, 'covered')).toEqual({
      assisted: 'true',
      programme_id: '3',
      stage: 'primary',
    });
    expect(withoutCoverageFilter({ covered: 'true', programme_id: '3' }, 'covered')).toEqual({});
    expect(withoutCoverageFilter({ covered: 'true', programme_id: '3' }, 'programme_id')).toEqual({ covered: 'true' });
  });
});
