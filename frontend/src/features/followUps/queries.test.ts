import { describe, expect, it } from 'vitest';
import { readListState } from '../../lib/listState';
import { followUpParams, followUpsHref } from './queries';

const params = (qs: string) => followUpParams(readListState(new URLSearchParams(qs), ['status', 'overdue', 'agreement_id', 'owner_school_id']));

describe('follow-up items list', () => {
  it('turns the URL into the API query, "only overdue" being overdue=true', () => {
    expect(params('status=open&overdue=true&sort=due_date')).toEqual({
      limit: 20,
      offset: 0,
      sort: 'due_date',
      status: 'open',
      overdue: true,
      agreement_id: undefined,
      owner_school_id: undefined,
    });
    expect(params('page=3&q=教研&owner_school_id=4&agreement_id=x')).toMatchObject({ offset: 40, q: '教研', owner_school_id: 4, agreement_id: undefined });
  });

  it('drops unknown values', () => {
    expect(params('status=late&overdue=yes&sort=owner')).toMatchObject({ status: undefined, overdue: undefined, sort: undefined });
  });

  it('links to the list with its filters', () => {
    expect(followUpsHref({ status: 'open', overdue: true })).toBe('/follow-up-items?status=open&overdue=true');
    expect(followUpsHref({ status: 'open', owner_school_id: 3 })).toBe('/follow-up-items?status=open&owner_school_id=3');
    expect(followUpsHref({})).toBe('/follow-up-items');
  });
});
