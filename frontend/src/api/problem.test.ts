import { describe, expect, it } from 'vitest';
import { ApiError, failureMessage, problemToFieldErrors, toProblem } from './problem';

describe('toProblem', () => {
  it('reads an RFC 9457 body', () => {
    const p = toProblem(
      { type: 'about:blank', title: 'Conflict', status: 409, detail: 'code taken' },
      500,
    );
    expect(p).toMatchObject({ status: 409, detail: 'code taken', title: 'Conflict' });
  });

  it('falls back to the HTTP status and accepts FastAPI-style detail lists', () => {
    const p = toProblem({ detail: [{ loc: ['body', 'name'], msg: 'required', type: 'missing' }] }, 422);
    expect(p.status).toBe(422);
    expect(p.detail).toBeNull();
    expect(p.errors).toEqual([{ loc: ['body', 'name'], msg: 'required', type: 'missing' }]);
  });

  it('copes with non-JSON bodies', () => {
    expect(toProblem(undefined, 502)).toEqual({ status: 502, detail: null });
    expect(toProblem('Bad gateway', 502).detail).toBe('Bad gateway');
  });

  it('ApiError exposes status and a message', () => {
    const e = new ApiError({ status: 412, detail: 'stale' });
    expect(e.status).toBe(412);
    expect(e.message).toBe('stale');
  });
});

describe('problemToFieldErrors', () => {
  it('maps the last loc element to the form field', () => {
    const r = problemToFieldErrors({
      status: 422,
      errors: [
        { loc: ['body', 'code'], msg: 'already used' },
        { loc: ['body', 'code'], msg: 'too long' },
        { loc: ['body', 'student_count'], msg: 'must be >= 0' },
      ],
    });
    expect(r.fieldErrors).toEqual([
      { name: 'code', errors: ['already used', 'too long'] },
      { name: 'student_count', errors: ['must be >= 0'] },
    ]);
    expect(r.otherMessages).toEqual([]);
  });

  it('uses the nearest named part for list items', () => {
    const r = problemToFieldErrors({ status: 422, errors: [{ loc: ['body', 'subjects', 2], msg: 'unknown' }] });
    expect(r.fieldErrors).toEqual([{ name: 'subjects', errors: ['unknown'] }]);
  });

  it('leaves body-level and unknown-field errors as general messages', () => {
    const r = problemToFieldErrors(
      {
        status: 422,
        errors: [
          { loc: ['body'], msg: 'invalid JSON' },
          { loc: ['query', 'limit'], msg: 'too big' },
          { loc: ['body', 'name'], msg: 'required' },
        ],
      },
      ['name'],
    );
    expect(r.fieldErrors).toEqual([{ name: 'name', errors: ['required'] }]);
    expect(r.otherMessages).toEqual(['invalid JSON', 'too big']);
  });

  it('no errors, nothing mapped', () => {
    expect(problemToFieldErrors({ status: 400, detail: 'x' })).toEqual({ fieldErrors: [], otherMessages: [] });
  });
});

describe('failureMessage', () => {
  it("prefers the server's detail, then its title, then the fallback", () => {
    expect(failureMessage(new ApiError({ status: 415, title: 'T', detail: '只接受 PDF' }), 'F', 'N')).toBe('只接受 PDF');
    expect(failureMessage(new ApiError({ status: 500, title: 'T' }), 'F', 'N')).toBe('T');
    expect(failureMessage(new ApiError({ status: 500 }), 'F', 'N')).toBe('F');
  });
  it('says "network" when no answer came', () => {
    expect(failureMessage(new TypeError('Failed to fetch'), 'F', 'N')).toBe('N');
  });
});
