import { afterAll, describe, expect, it } from 'vitest';
import { apiAs, ok } from './support/api';
import { closeBrowser, hasHorizontalOverflow } from './support/browser';
import { sessionAs } from './support/session';
import { EvaluationTab, LeavesTab, RotationDetailPage, RotationFormPage, RotationListPage } from './pages/RotationPages';

// Demo data: the demo teacher (实验小学 YX002) is on an active rotation at 梓园小学 (YX005) this term,
// with check-ins (one far from the school), an approved leave and a work log, not evaluated yet.
// 城关中学 (YX003) pairs with 张庄中学 (YX007) under an agreement in force.
const stamp = Date.now();

function iso(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
const today = new Date();
// the school year a date falls in starts on 1 September; its spring term runs 1 February – 31 July
const schoolYear = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
const spring = { start: `${schoolYear + 1}-02-01`, end: `${schoolYear + 1}-07-31` };

/** Two weekdays from a week ahead on that no pending or approved leave covers, within the rotation. */
function freeLeaveDays(until: string, taken: readonly { start_date: string; end_date: string; status: string }[]): [string, string] {
  const busy = (day: string) => taken.some((l) => l.status !== 'rejected' && l.start_date <= day && day <= l.end_date);
  for (let d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 7); iso(d) < until; d.setDate(d.getDate() + 1)) {
    const next = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1);
    const weekdays = d.getDay() >= 1 && d.getDay() <= 4; // Monday–Thursday, so the next day is a weekday too
    if (weekdays && iso(next) <= until && !busy(iso(d)) && !busy(iso(next))) return [iso(d), iso(next)];
  }
  throw new Error('no free days left in the demo rotation for a leave request');
}

afterAll(closeBrowser);

describe('rotations: the host school on a phone', () => {
  it('approves a pending leave, sees the flagged check-in and submits the evaluation (attendance pre-filled)', async () => {
    // setup: the demo teacher asks for leave through the API
    const teacherApi = await apiAs('teacher');
    const mine = ok(await teacherApi.GET('/api/v1/rotations', { params: { query: { status: 'active' } } })).items;
    expect(mine).toHaveLength(1);
    const rotation = mine[0];
    expect(rotation.to_school_name).toBe('梓园小学');
    const leaves = ok(await teacherApi.GET('/api/v1/rotations/{rotation_id}/leaves', { params: { path: { rotation_id: rotation.id } } }));
    const [from, to] = freeLeaveDays(rotation.end_date, leaves);
    // unique per attempt: a retried test must find its own request
    const reason = `E2E请假-${Date.now()}`;
    ok(
      await teacherApi.POST('/api/v1/rotations/{rotation_id}/leaves', {
        params: { path: { rotation_id: rotation.id } },
        body: { start_date: from, end_date: to, reason },
      }),
    );
    // what the host school's form should start from
    const hostApi = await apiAs('admin_YX005');
    const whole = ok(await hostApi.GET('/api/v1/rotations/{rotation_id}/attendance', { params: { path: { rotation_id: rotation.id } } }));
    expect(whole.suggested_score).not.toBeNull();

    const s = await sessionAs('admin_YX005', { width: 360, height: 740 });
    try {
      const list = new RotationListPage(s.page);
      await list.goto();
      await list.entry(rotation.teacher_name).first().click();
      await s.page.waitForURL(/\/rotations\/\d+$/);
      const detail = new RotationDetailPage(s.page);
      expect(detail.idFromUrl()).toBe(rotation.id);
      await detail.waitForStatus('active');
      expect(await hasHorizontalOverflow(s.page)).toBe(false);

      // the host school sees the check-in that was far from the school, with the distance
      await detail.openTab('checkins');
      await s.page.getByTestId('checkins-flagged').waitFor();
      await s.page.getByTestId('only-flagged').click();
      const flagged = s.page.getByTestId('checkin-item');
      await flagged.first().waitFor();
      expect(await flagged.evaluateAll((els) => els.every((e) => e.getAttribute('data-flagged') === 'true'))).toBe(true);
      expect(await flagged.first().getByTestId('checkin-flag').innerText()).toMatch(/位置异常 · \d+ 米/);
      expect(await hasHorizontalOverflow(s.page)).toBe(false);

      // the pending leave: approve it (asked first)
      await detail.openTab('leaves');
      const tab = new LeavesTab(s.page);
      const item = tab.item(reason);
      await item.waitFor();
      expect(await item.getAttribute('data-status')).toBe('pending');
      await item.getByTestId('leave-approve').click();
      await detail.confirmStep('同意，请安排好代课。');
      await tab.list.locator(`[data-testid="leave-item"][data-status="approved"]`).filter({ hasText: reason }).waitFor();
      expect(await item.getByTestId('leave-approve').count()).toBe(0);
      expect(await item.getByTestId('leave-decision').innerText()).toContain('同意，请安排好代课。');
      expect(await hasHorizontalOverflow(s.page)).toBe(false);

      // the evaluation: the attendance score starts from the whole rotation's attendance
      await detail.openTab('evaluation');
      const evaluation = new EvaluationTab(s.page);
      await evaluation.form.waitFor();
      expect(await evaluation.field('attendance').inputValue()).toBe(String(whole.suggested_score));
      expect(await s.page.getByTestId('weight-teaching').innerText()).toMatch(/权重 \d+%/);
      await evaluation.score('attitude', 95);
      await evaluation.score('teaching', 92);
      await evaluation.score('results', 90);
      await evaluation.score('contribution', 88);
      await evaluation.fill('comments', `E2E考核-${stamp}：工作认真，示范课效果好。`);
      expect(await hasHorizontalOverflow(s.page)).toBe(false);
      await evaluation.submitFinal();

      // the server's total and grade, read-only
      const stored = ok(await hostApi.GET('/api/v1/rotations/{rotation_id}/evaluations', { params: { path: { rotation_id: rotation.id } } }));
      expect(stored).toHaveLength(1);
      expect(stored[0].status).toBe('submitted');
      expect(stored[0].scores.attendance).toBe(whole.suggested_score);
      expect(await evaluation.total.innerText()).toBe(stored[0].total);
      expect(await evaluation.grade.getAttribute('data-grade')).toBe(stored[0].grade);
      const gradeLabel = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' }[stored[0].grade];
      expect(await evaluation.grade.innerText()).toBe(gradeLabel);
      expect(await evaluation.form.count()).toBe(0);
      expect(await s.page.getByTestId('evaluation-submit').count()).toBe(0);
      expect(await hasHorizontalOverflow(s.page)).toBe(false);
    } finally {
      await s.close();
    }
  });
});

describe('rotations: a school proposes several teachers, the bureau approves them together', () => {
  const names: string[] = [];

  it('城关中学 proposes two teachers to 张庄中学 for the spring term under their agreement', async () => {
    // two of the school's teachers with nothing planned for the spring term yet
    const api = await apiAs('admin_YX003');
    const me = ok(await api.GET('/api/v1/auth/me'));
    const teachers = ok(await api.GET('/api/v1/teachers', { params: { query: { school_id: me.school_id ?? 0, limit: 200, sort: 'name' } } })).items;
    const held = ok(await api.GET('/api/v1/rotations', { params: { query: { school_id: me.school_id ?? 0, limit: 200 } } })).items.filter(
      (r) => r.status !== 'withdrawn' && r.start_date <= spring.end && r.end_date >= spring.start,
    );
    const free = teachers.filter((x) => !held.some((r) => r.teacher_id === x.id));
    expect(free.length).toBeGreaterThanOrEqual(2);
    names.splice(0, names.length, free[0].name, free[1].name);

    const s = await sessionAs('admin_YX003');
    try {
      const list = new RotationListPage(s.page);
      await list.goto();
      await list.createButton.click();
      const form = new RotationFormPage(s.page);
      await form.form.waitFor();
      // their own school is the home school, fixed
      await form.form.locator('.ant-form-item').filter({ has: s.page.locator('#from_school_id') }).getByText('城关中学').first().waitFor();
      expect(await form.field('from_school_id').isDisabled()).toBe(true);
      await form.searchAndPick('to_school_id', '张庄', '张庄中学');
      // only the agreement between the two schools is offered; picking it fixes the direction
      await form.pick('agreement_id', '城关中学—张庄中学结对帮扶协议');
      await expect.poll(() => form.direction('dispatch').isDisabled()).toBe(true);
      expect(await form.direction('dispatch').isChecked()).toBe(true);
      expect(await form.direction('training').isDisabled()).toBe(true);
      await form.pickTeachers(names);
      await form.term('春季学期');
      await form.pick('school_year', `${schoolYear}—${schoolYear + 1} 学年`);
      await form.fill('weekly_periods', '10');
      expect(await form.form.locator('#personnel_moved').getAttribute('aria-checked')).toBe('false');
      await form.fill('living_allowance_yuan', '800');
      await form.fill('transport_allowance_yuan', '200');
      await form.submit.click();

      // both proposed at once, waiting for the bureau
      await s.page.waitForURL(/\/rotations\?status=planned$/);
      await list.list.waitFor();
      for (const n of names) {
        const row = list.entry(n).filter({ hasText: '张庄中学' });
        await row.first().waitFor();
        expect(await row.first().getByTestId('rotation-status').getAttribute('data-status')).toBe('planned');
        expect(await row.first().innerText()).toContain(`${spring.start} ~ ${spring.end}`);
      }
      // a school admin approves nothing
      expect(await list.bulkApprove.count()).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('the bureau selects both proposals and approves them in one go', async () => {
    expect(names).toHaveLength(2);
    const s = await sessionAs('bureau');
    try {
      const list = new RotationListPage(s.page);
      await list.goto('?status=planned');
      for (const n of names) await list.select(n);
      expect(await list.bulkApprove.innerText()).toContain('（2）');
      const summary = await list.approveSelected();
      expect(summary).toEqual({ ok: 2, failed: 0 });
      await list.bulkClose.click();
      // they leave the "planned" list and show as approved
      for (const n of names) await list.entry(n).waitFor({ state: 'detached' });
      await list.goto('?status=approved');
      for (const n of names) {
        const row = list.entry(n).filter({ hasText: '张庄中学' });
        await row.first().waitFor();
        expect(await row.first().getByTestId('rotation-status').getAttribute('data-status')).toBe('approved');
      }
      const api = await apiAs('bureau');
      const approved = ok(await api.GET('/api/v1/rotations', { params: { query: { status: 'approved', limit: 200 } } })).items;
      for (const n of names) expect(approved.some((r) => r.teacher_name === n && r.to_school_name === '张庄中学' && r.start_date === spring.start)).toBe(true);
    } finally {
      await s.close();
    }
  });
});
