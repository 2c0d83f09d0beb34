import { describe, expect, it } from 'vitest';
import {
  boolOrUndefined,
  columnSortOrder,
  intOrUndefined,
  oneOf,
  pagingParams,
  readListState,
  sortParam,
  writeListState,
} from './listState';

describe('list state in the URL', () => {
  it('reads defaults from an empty query', () => {
    expect(readListState(new URLSearchParams(''), ['stage'])).toEqual({
      page: 1,
      pageSize: 20,
      q: '',
      sort: null,
      filters: {},
    });
  });

  it('reads known filters only and clamps bad numbers', () => {
    const s = readListState(new URLSearchParams('q=梓园&stage=primary&evil=1&page=-3&page_size=9999&sort=-name'), [
      'stage',
      'locale',
    ]);
    expect(s).toEqual({ page: 1, pageSize: 200, q: '梓园', sort: '-name', filters: { stage: 'primary' } });
  });

  it('round-trips through the URL, omitting defaults', () => {
    const state = { page: 3, pageSize: 50, q: 'x', sort: 'code', filters: { school_id: '5' } };
    const sp = writeListState(state);
    expect(readListState(sp, ['school_id'])).toEqual(state);
    expect(writeListState({ page: 1, pageSize: 20, q: '', sort: null, filters: {} }).toString()).toBe('');
  });

  it('computes limit and offset', () => {
    expect(pagingParams({ page: 3, pageSize: 20, q: '', sort: null, filters: {} })).toEqual({ limit: 20, offset: 40 });
    expect(pagingParams({ page: 1, pageSize: 50, q: 'a', sort: '-code', filters: {} })).toEqual({
      limit: 50,
      offset: 0,
      q: 'a',
      sort: '-code',
    });
  });
});

describe('sorting', () => {
  it('converts table sort to API sort and back', () => {
    expect(sortParam('name', 'ascend')).toBe('name');
    expect(sortParam('name', 'descend')).toBe('-name');
    expect(sortParam('name', null)).toBeNull();
    expect(sortParam(null, 'ascend')).toBeNull();
    expect(columnSortOrder('-name', 'name')).toBe('descend');
    expect(columnSortOrder('name', 'name')).toBe('ascend');
    expect(columnSortOrder('code', 'name')).toBeNull();
    expect(columnSortOrder(null, 'name')).toBeNull();
  });
});

describe('typed filter values', () => {
  it('parses ints, booleans and enums', () => {
    expect(intOrUndefined('12')).toBe(12);
    expect(intOrUndefined('x')).toBeUndefined();
    expect(intOrUndefined(undefined)).toBeUndefined();
    expect(boolOrUndefined('true')).toBe(true);
    expect(boolOrUndefined('false')).toBe(false);
    expect(boolOrUndefined('yes')).toBeUndefined();
    expect(oneOf(['a', 'b'] as const, 'b')).toBe('b');
    expect(oneOf(['a', 'b'] as const, 'c')).toBeUndefined();
  });
});
