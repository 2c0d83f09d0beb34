import { describe, expect, it } from 'vitest';
import { changedFields } from './diff';

interface T {
  name: string;
  count: number;
  subjects: string[];
  birth: string | null;
}

describe('changedFields', () => {
  it('keeps only what changed', () => {
    const prev: T = { name: 'a', count: 1, subjects: ['语文'], birth: null };
    expect(changedFields<T>(prev, { name: 'a', count: 2, subjects: ['语文'], birth: null })).toEqual({ count: 2 });
  });
  it('compares arrays by value and keeps explicit nulls', () => {
    const prev: T = { name: 'a', count: 1, subjects: ['语文'], birth: '2000-01-01' };
    expect(changedFields<T>(prev, { subjects: ['语文', '数学'], birth: null })).toEqual({
      subjects: ['语文', '数学'],
      birth: null,
    });
  });
  it('skips undefined', () => {
    expect(changedFields<T>({ name: 'a' }, { name: undefined })).toEqual({});
  });
});
