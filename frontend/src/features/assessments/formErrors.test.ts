import { describe, expect, it } from 'vitest';
import { listFieldErrors } from './formErrors';

describe('errors on a list in the body', () => {
  const problem = {
    status: 422,
    errors: [
      { loc: ['body', 'items', 2, 'target'], msg: 'too small' },
      { loc: ['body', 'items', 2, 'target'], msg: 'not a number' },
      { loc: ['body', 'items', 0], msg: 'needs a target' },
      { loc: ['body', 'title'], msg: 'empty' },
      { loc: ['body', 'items'], msg: 'too many' },
    ],
  };

  it("go on the row's field; whole-entry errors on the given field; the rest are left", () => {
    const { fields, rest } = listFieldErrors(problem, 'items', (i) => ['items', i], 'target');
    expect(fields).toEqual([
      { name: ['items', 2, 'target'], errors: ['too small', 'not a number'] },
      { name: ['items', 0, 'target'], errors: ['needs a target'] },
    ]);
    expect(rest.map((e) => e.msg)).toEqual(['empty', 'too many']);
  });

  it('map an index to the row shown for it, or leave it when none is', () => {
    const p = { status: 422, errors: [{ loc: ['body', 'scores', 0, 'points'], msg: 'm' }, { loc: ['body', 'scores', 5, 'points'], msg: 'n' }] };
    const sent = [42];
    const { fields, rest } = listFieldErrors(p, 'scores', (i) => (sent[i] === undefined ? null : ['scores', String(sent[i])]));
    expect(fields).toEqual([{ name: ['scores', '42', 'points'], errors: ['m'] }]);
    expect(rest.map((e) => e.msg)).toEqual(['n']);
  });
});
