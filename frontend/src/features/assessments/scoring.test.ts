import { describe, expect, it } from 'vitest';
import { nextToScore, pickPair, scoringOrder, sentItemIds, sheetBody, sheetValues } from './scoring';
import { item, row } from './testRows';

describe('the order pairs are scored in', () => {
  const rows = [row(3), row(1, { complete: false }), row(4, { complete: false }), row(2)];

  it('puts the pairs not fully scored first, each group by agreement', () => {
    expect(scoringOrder(rows).map((r) => r.agreement_id)).toEqual([1, 4, 2, 3]);
  });

  it('opens the requested pair, else the first to score', () => {
    expect(pickPair(rows, 2)).toBe(2);
    expect(pickPair(rows, 99)).toBe(1);
    expect(pickPair(rows, undefined)).toBe(1);
    expect(pickPair([], undefined)).toBeNull();
  });

  it('after a save, moves on to the next pair still to score, wrapping round', () => {
    const after = [row(1), row(2, { complete: false }), row(3), row(4, { complete: false })];
    expect(nextToScore(after, 1)).toBe(2);
    expect(nextToScore(after, 3)).toBe(4);
    // past the last one: back to the first still open
    expect(nextToScore([row(1, { complete: false }), row(2), row(3)], 3)).toBe(1);
  });

  it('stays on a pair that still lacks scores, and says when all are done', () => {
    expect(nextToScore([row(1, { complete: false }), row(2, { complete: false })], 1)).toBe(1);
    expect(nextToScore([row(1), row(2)], 2)).toBeNull();
  });
});

describe('the sheet form', () => {
  const items = [item(1), item(2, { source: 'meetings' }), item(3, { max_points: '15.00' })];
  const sheet = row(7, { remarks: '好', sheet_version: 2 }, [
    { item_id: 1, points: '8.50', auto: false, detail: '', comment: '计划完整' },
    { item_id: 2, points: '15.00', auto: true, detail: '2/2', comment: '' },
    { item_id: 3, points: null, auto: false, detail: '', comment: '' },
  ]);

  it('holds the manual items only, as numbers', () => {
    expect(sheetValues(sheet, items)).toEqual({
      scores: { '1': { points: 8.5, comment: '计划完整' }, '3': { points: null, comment: '' } },
      remarks: '好',
    });
  });

  it('sends the items given points (blank ones stay as they are), comments and remarks trimmed', () => {
    const body = sheetBody(
      { scores: { '1': { points: 9, comment: ' 很好 ' }, '3': { points: null, comment: 'x' } }, remarks: ' 继续 ' },
      items,
    );
    expect(body).toEqual({ scores: [{ item_id: 1, points: '9', comment: '很好' }], remarks: '继续' });
    expect(sentItemIds(body)).toEqual([1]);
  });

  it('never sends an automatic item, even if the values carry one', () => {
    const body = sheetBody({ scores: { '2': { points: 3, comment: '' }, '3': { points: 12.5, comment: '' } }, remarks: '' }, items);
    expect(body.scores).toEqual([{ item_id: 3, points: '12.5', comment: '' }]);
  });
});
