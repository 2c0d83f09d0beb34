import { describe, expect, it } from 'vitest';
import type { ProposalAssignment, ProposalNeed, ProposalSchool, ProposalTotals } from '../../api/types';
import { readListState } from '../../lib/listState';
import {
  compareTotals,
  conflictsOf,
  currentSchoolYear,
  editedAssignments,
  filledText,
  formatKm,
  formatSeconds,
  isFilled,
  moveAssignment,
  NO_EDITS,
  needChoices,
  needListParams,
  pendingEdit,
  proposalListParams,
  pruneEdits,
  quotaOption,
  removeAssignment,
  sortNeeds,
  supplyListParams,
  undoEdit,
} from './model';

const state = (qs: string, keys: readonly string[]) => readListState(new URLSearchParams(qs), keys);

function assignment(teacher_id: number, need_id: number, subject = '数学'): ProposalAssignment {
  return {
    teacher_id,
    teacher_name: `T${teacher_id}`,
    backbone: false,
    need_id,
    subject,
    from_school_id: 3,
    from_school_name: '城关中学',
    to_school_id: 4,
    to_school_name: '三元中学',
    agreement_id: 1,
    distance_km: 10,
    urgent: false,
  };
}

function need(need_id: number, subject: string, extra: Partial<ProposalNeed> = {}): ProposalNeed {
  return {
    need_id,
    school_id: 4,
    school_name: '三元中学',
    subject,
    stage: 'junior',
    term: 'year',
    urgent: false,
    count: 1,
    filled: 1,
    unfilled: 0,
    candidates: 1,
    reason: null,
    reason_text: null,
    ...extra,
  };
}

const totals = (x: Partial<ProposalTotals>): ProposalTotals => ({
  seats: 9,
  filled: 7,
  unfilled: 2,
  urgent_seats: 4,
  urgent_unfilled: 0,
  assignments: 7,
  paired: 4,
  total_km: 96.3,
  unmeasured: 0,
  rotation_shortfall: 0,
  backbone_shortfall: 0,
  optimal: true,
  solve_seconds: 0.01,
  edited: false,
  ...x,
});

describe('the current school year', () => {
  it('is the year of the latest 1 September', () => {
    expect(currentSchoolYear(new Date(2026, 8, 1))).toBe(2026);
    expect(currentSchoolYear(new Date(2026, 7, 31))).toBe(2025);
    expect(currentSchoolYear(new Date(2027, 0, 15))).toBe(2026);
    expect(currentSchoolYear(new Date(2026, 11, 31))).toBe(2026);
  });
});

describe('list params', () => {
  const today = new Date(2026, 9, 10);
  const NEED_KEYS = ['school_year', 'term', 'subject', 'priority', 'open', 'school_id'];

  it('needs: the current school year unless the URL names one, every year for "all"', () => {
    expect(needListParams(state('', NEED_KEYS), today).school_year).toBe(2026);
    expect(needListParams(state('school_year=2024', NEED_KEYS), today).school_year).toBe(2024);
    expect(needListParams(state('school_year=all', NEED_KEYS), today).school_year).toBeUndefined();
    expect(needListParams(state('school_year=abc', NEED_KEYS), today).school_year).toBe(2026);
  });

  it('needs: typed filters, unknown values dropped', () => {
    const p = needListParams(state('term=spring&priority=urgent&open=true&subject=数学&school_id=5&q=x', NEED_KEYS), today);
    expect(p).toMatchObject({ term: 'spring', priority: 'urgent', open: true, subject: '数学', school_id: 5, q: 'x', limit: 20, offset: 0 });
    const q = needListParams(state('term=winter&priority=high&open=maybe', NEED_KEYS), today);
    expect(q.term).toBeUndefined();
    expect(q.priority).toBeUndefined();
    expect(q.open).toBeUndefined();
    expect(needListParams(state('open=false', NEED_KEYS), today).open).toBe(false);
  });

  it('supply: always one school year', () => {
    const keys = ['school_year', 'subject', 'available', 'school_id'];
    expect(supplyListParams(state('', keys), today).school_year).toBe(2026);
    expect(supplyListParams(state('school_year=all&available=false', keys), today)).toMatchObject({ school_year: 2026, available: false });
  });

  it('proposals: every year unless chosen, no search', () => {
    const keys = ['school_year', 'status'];
    expect(proposalListParams(state('q=abc&status=draft', keys))).toEqual({ limit: 20, offset: 0, school_year: undefined, status: 'draft' });
    expect(proposalListParams(state('school_year=2026&status=bogus&sort=-created_at', keys))).toEqual({
      limit: 20,
      offset: 0,
      sort: '-created_at',
      school_year: 2026,
      status: undefined,
    });
  });
});

describe("a need's figures", () => {
  it('reads as placed of asked, filled once every seat is placed', () => {
    expect(filledText({ filled: 1, count: 2 })).toBe('1 / 2');
    expect(isFilled({ filled: 1, count: 2 })).toBe(false);
    expect(isFilled({ filled: 2, count: 2 })).toBe(true);
  });

  it('the needs tab lists urgent ones first, then those still short', () => {
    const needs = [
      need(1, '化学'),
      need(2, '心理健康', { unfilled: 1, filled: 0, school_name: '三元中学' }),
      need(3, '英语', { urgent: true, school_name: '梓园小学' }),
      need(4, '物理', { unfilled: 1, filled: 0, school_name: '梓园小学' }),
    ];
    expect(sortNeeds(needs).map((n) => n.need_id)).toEqual([3, 2, 4, 1]);
    // the input is left as it was
    expect(needs.map((n) => n.need_id)).toEqual([1, 2, 3, 4]);
  });
});

describe('the review: local edits → the assignments payload', () => {
  const plan = [assignment(21, 1, '化学'), assignment(22, 2, '生物'), assignment(11, 4, '英语')];

  it('unchanged: every assignment as the plan has it', () => {
    expect(editedAssignments(plan, NO_EDITS)).toEqual([
      { teacher_id: 21, need_id: 1 },
      { teacher_id: 22, need_id: 2 },
      { teacher_id: 11, need_id: 4 },
    ]);
  });

  it('a moved one names its new need, a removed one is left out', () => {
    let edits = moveAssignment(NO_EDITS, plan[0], 6);
    edits = removeAssignment(edits, plan[2]);
    expect(edits.size).toBe(2);
    expect(pendingEdit(edits, plan[0])).toEqual({ kind: 'moved', needId: 6 });
    expect(pendingEdit(edits, plan[1])).toBeNull();
    expect(pendingEdit(edits, plan[2])).toEqual({ kind: 'removed' });
    expect(editedAssignments(plan, edits)).toEqual([
      { teacher_id: 21, need_id: 6 },
      { teacher_id: 22, need_id: 2 },
    ]);
    // the edits are values: the earlier state is untouched
    expect(NO_EDITS.size).toBe(0);
  });

  it('moving back to where the plan put it, or undoing, drops the edit', () => {
    const moved = moveAssignment(NO_EDITS, plan[0], 6);
    expect(moveAssignment(moved, plan[0], 1).size).toBe(0);
    expect(undoEdit(moved, 21).size).toBe(0);
    // undoing what was not changed changes nothing
    expect(undoEdit(moved, 99)).toBe(moved);
    // a removed one moved again is back in, with its new need
    const again = moveAssignment(removeAssignment(NO_EDITS, plan[1]), plan[1], 7);
    expect(editedAssignments(plan, again)).toContainEqual({ teacher_id: 22, need_id: 7 });
  });

  it('edits of teachers no longer in the plan are dropped after a reload', () => {
    const edits = removeAssignment(moveAssignment(NO_EDITS, plan[0], 6), plan[2]);
    const pruned = pruneEdits(edits, [plan[0], plan[1]]);
    expect([...pruned.keys()]).toEqual([21]);
    expect(pruneEdits(edits, plan)).toBe(edits);
  });
});

describe('where a teacher may move', () => {
  const needs = [
    need(1, '化学', { school_name: '三元中学' }),
    need(6, '化学', { school_name: '张庄中学', urgent: true }),
    need(10, '化学', { school_name: '平岗中学', unfilled: 1, filled: 0 }),
    need(11, '化学', { school_name: '柳湾学校', unfilled: 2, filled: 0, count: 2, urgent: true }),
    need(3, '心理健康', { unfilled: 1, filled: 0 }),
    need(2, '生物'),
  ];

  it('the same subject first: the current need, then the ones still short (urgent first), then the others', () => {
    const { sameSubject, otherSubjects } = needChoices(needs, assignment(21, 1, '化学'));
    expect(sameSubject.map((n) => n.need_id)).toEqual([1, 11, 10, 6]);
    expect(otherSubjects.map((n) => n.need_id)).toEqual([3, 2]);
  });

  it('a subject nobody else asks for offers only its own need among the same subject', () => {
    const { sameSubject, otherSubjects } = needChoices(needs, assignment(22, 2, '生物'));
    expect(sameSubject.map((n) => n.need_id)).toEqual([2]);
    expect(otherSubjects).toHaveLength(5);
  });
});

describe('comparing two proposals', () => {
  it('says which is better on each figure: more placed and paired, less unfilled, shortfall and distance', () => {
    const rows = compareTotals(totals({}), totals({ filled: 6, unfilled: 3, urgent_unfilled: 1, paired: 5, total_km: 80 }));
    const better = Object.fromEntries(rows.map((r) => [r.metric, r.better]));
    expect(better).toEqual({
      filled: 'a',
      unfilled: 'a',
      urgent_unfilled: 'a',
      rotation_shortfall: null,
      backbone_shortfall: null,
      paired: 'b',
      total_km: 'b',
    });
    expect(rows.find((r) => r.metric === 'total_km')).toMatchObject({ a: 96.3, b: 80 });
  });

  it("the solver's time", () => {
    expect(formatSeconds(0.003)).toBe('< 0.01');
    expect(formatSeconds(0.42)).toBe('0.42');
    expect(formatSeconds(1.5)).toBe('1.50');
  });

  it('kilometres with one decimal', () => {
    expect(formatKm(96.3)).toBe('96.3');
    expect(formatKm(10)).toBe('10.0');
    expect(formatKm(12.345)).toBe('12.3');
  });
});

describe('a refused acceptance', () => {
  it("reads the 409's conflicts", () => {
    const body = {
      status: 409,
      detail: '方案有 2 处与当前数据冲突，未创建任何交流安排。',
      conflicts: [
        { code: 'need_filled', teacher_id: 21, need_id: 1, message: '三元中学 的该需求已另行安排满员。' },
        { code: 'teacher_busy', teacher_id: 22, need_id: 2, message: '冯海燕 在该时段已有其他交流安排。', rotation_id: 40 },
        { code: 'broken' },
      ],
    };
    expect(conflictsOf(body)).toEqual([
      { code: 'need_filled', teacher_id: 21, need_id: 1, message: '三元中学 的该需求已另行安排满员。', rotation_id: null },
      { code: 'teacher_busy', teacher_id: 22, need_id: 2, message: '冯海燕 在该时段已有其他交流安排。', rotation_id: 40 },
    ]);
  });

  it('has none when the refusal is only a detail (accepted already, empty plan)', () => {
    expect(conflictsOf({ status: 409, detail: '该方案已采纳，不能再修改。' })).toEqual([]);
    expect(conflictsOf(null)).toEqual([]);
    expect(conflictsOf('oops')).toEqual([]);
  });
});

describe('the per-school quota chart', () => {
  const school = (school_id: number, school_name: string, x: Partial<ProposalSchool>): ProposalSchool => ({
    school_id,
    school_name,
    eligible: 8,
    rotated: 1,
    required: 1,
    assigned: 1,
    shortfall: 0,
    backbone_rotated: 0,
    backbone_required: 0,
    backbone_assigned: 0,
    backbone_shortfall: 0,
    ...x,
  });

  it('stacks already rotated and this plan against the required number, schools still short first', () => {
    const option = quotaOption(
      [school(2, '实验小学', { rotated: 1, assigned: 1, required: 1 }), school(3, '城关中学', { rotated: 0, assigned: 1, required: 3, shortfall: 2 })],
      { rotated: '此前已交流', assigned: '本方案安排', required: '应交流' },
      false,
    );
    const yAxis = option.yAxis as { data: string[] };
    expect(yAxis.data).toEqual(['城关中学', '实验小学']);
    const series = option.series as { name: string; stack?: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['此前已交流', 'sent', [0, 1]],
      ['本方案安排', 'sent', [1, 1]],
      ['应交流', undefined, [3, 1]],
    ]);
  });
});
