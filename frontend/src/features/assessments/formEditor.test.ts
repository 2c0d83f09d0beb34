import { describe, expect, it } from 'vitest';
import { formValuesOf, maxTotalOf, newItem, updateBody } from './formEditor';
import { assessment, item } from './testRows';

describe('the scoring form editor', () => {
  const a = assessment({
    title: '2026 考核',
    pass_threshold: '60.00',
    items: [
      item(12, { position: 2, source: 'rotations', target: 2, max_points: '25.00' }),
      item(11, { position: 1, title: '组织', guidance: '计划', max_points: '10.00' }),
    ],
  });

  it('reads the assessment in the order of its items, points as numbers', () => {
    const v = formValuesOf(a);
    expect(v.title).toBe('2026 考核');
    expect(v.pass_threshold).toBe(60);
    expect(v.items.map((i) => i.id)).toEqual([11, 12]);
    expect(v.items[0]).toEqual({ id: 11, title: '组织', guidance: '计划', max_points: 10, source: 'manual', target: null });
  });

  it('writes the whole form: kept items by id, new ones without, in the shown order', () => {
    const v = formValuesOf(a);
    const body = updateBody({ ...v, items: [v.items[1], { ...newItem(), title: ' 新项 ', max_points: 7.5 }, v.items[0]] });
    expect(body.title).toBe('2026 考核');
    expect(body.pass_threshold).toBe('60');
    expect(body.items).toEqual([
      { id: 12, title: 'item 12', guidance: '', max_points: '25', source: 'rotations', target: 2 },
      { title: '新项', guidance: '', max_points: '7.5', source: 'manual', target: null },
      { id: 11, title: '组织', guidance: '计划', max_points: '10', source: 'manual', target: null },
    ]);
  });

  it('drops a target that the source does not use, keeps an optional one', () => {
    const body = updateBody({
      title: 'x',
      pass_threshold: 50,
      items: [
        { title: 'm', guidance: '', max_points: 10, source: 'meetings', target: 3 },
        { title: 'g', guidance: '', max_points: 10, source: 'goals', target: null },
        { title: 'g2', guidance: '', max_points: 10, source: 'goals', target: 4 },
      ],
    });
    expect(body.items?.map((i) => i.target)).toEqual([null, null, 4]);
  });

  it('adds full marks live, rows being typed included', () => {
    expect(maxTotalOf([{ max_points: 10 }, { max_points: 12.5 }, { max_points: null }, undefined])).toBe('22.5');
    expect(maxTotalOf(undefined)).toBe('0');
  });
});
