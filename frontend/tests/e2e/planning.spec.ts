import { afterAll, describe, expect, it } from 'vitest';
import type { components } from '../../src/api/schema';
import { closeBrowser, hasHorizontalOverflow, settled } from './support/browser';
import { apiAs, ok } from './support/api';
import { sessionAs } from './support/session';
import { AppShell } from './pages/AppShell';
import { RotationListPage } from './pages/RotationPages';
import { NeedListPage, ProposalListPage, ProposalPage, SupplyPage } from './pages/PlanningPages';

type Proposal = components['schemas']['ProposalRead'];

// The demo county (云溪县) has staffing needs for the current school year at the schools receiving under
// an active agreement (backend/app/demo_planning.py): the supporting schools' eligible teachers fill
// most of them, and 三元中学's 心理健康 stays unfilled (nobody in the county teaches it).
const today = new Date();
// the school year starts on 1 September
const schoolYear = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
const yearLabel = `${schoolYear}—${schoolYear + 1} 学年`;
// a subject no teacher of the county teaches: 梓园小学's new need stays unfilled, with the reason
const OWN_SUBJECT = '书法';
const NOBODY_TEACHES = '心理健康';

afterAll(closeBrowser);

describe('rotation planning (轮岗规划)', () => {
  let accepted: Proposal | null = null;

  it('梓园小学 records a staffing need for its own school', async () => {
    const s = await sessionAs('admin_YX005');
    try {
      await new AppShell(s.page).openMenuItem('menu-needs');
      await s.page.waitForURL(/\/needs$/);
      const needs = new NeedListPage(s.page);
      await needs.list.waitFor();
      // its own needs of the year are listed: the demo's urgent one first
      await needs.entry('梓园小学').first().waitFor();

      await needs.openNew();
      // a school admin records for their own school: no school to pick
      expect(await needs.form.field('school_id').count()).toBe(0);
      await needs.subject(OWN_SUBJECT);
      await needs.priority('紧急');
      await needs.form.fill('notes', '书法课暂无专任教师。');
      const answer = await needs.save();
      expect(answer.status()).toBe(201);
      const created = (await answer.json()) as components['schemas']['NeedRead'];
      expect(created).toMatchObject({ school_name: '梓园小学', subject: OWN_SUBJECT, school_year: schoolYear, priority: 'urgent', count: 1, filled: 0 });

      const row = needs.entry(OWN_SUBJECT);
      await row.first().waitFor();
      expect(await row.first().innerText()).toContain('0 / 1');
      expect(await row.first().getByTestId('priority-urgent').count()).toBe(1);
      // its own needs can be changed, a partner's cannot (none is listed for a receiving school here)
      expect(await row.first().getByTestId('need-edit').count()).toBe(1);
    } finally {
      await s.close();
    }
  });

  it('the bureau records a need for 张庄中学, proposes the county plan, moves and removes an assignment, saves and accepts', async () => {
    const s = await sessionAs('bureau');
    try {
      // the bureau admin records a need for a school it picks
      const needs = new NeedListPage(s.page);
      await needs.goto();
      await needs.entry(OWN_SUBJECT).first().waitFor();
      await needs.openNew();
      await needs.pickSchool('张庄', '张庄中学');
      await needs.subject('地理');
      const saved = await needs.save();
      expect(saved.status()).toBe(201);
      await needs.entry('地理').filter({ hasText: '张庄中学' }).first().waitFor();

      // 轮岗方案: propose the demo county's plan for the current school year
      await new AppShell(s.page).openMenuItem('menu-planning');
      await s.page.waitForURL(/\/planning$/);
      const plans = new ProposalListPage(s.page);
      await plans.list.waitFor();
      await plans.openPropose();
      // the bureau's one county is chosen already, the current school year too
      await plans.form.form.getByText('云溪县').first().waitFor();
      expect(await plans.form.form.innerText()).toContain(yearLabel);
      const response = await plans.solve();
      expect(response.status()).toBe(201);
      const plan = (await response.json()) as Proposal;
      await s.page.waitForURL(new RegExp(`/planning/${plan.id}$`));

      const view = new ProposalPage(s.page);
      await view.root.waitFor();
      expect(await view.root.getAttribute('data-status')).toBe('draft');
      expect(plan.assignments.length).toBeGreaterThanOrEqual(2);
      expect(plan.problems).toEqual([]);
      expect((await view.total('filled').innerText()).replace(/\s/g, '')).toBe(`${plan.totals.filled}/${plan.totals.seats}`);
      await expect.poll(() => view.assignments.count()).toBe(plan.assignments.length);
      await s.page.getByTestId('quota-chart').waitFor();

      // the needs tab explains the unfilled ones in words
      await view.openTab('needs');
      const hollow = s.page.locator('tr[data-testid="proposal-need"]').filter({ hasText: NOBODY_TEACHES });
      await hollow.first().waitFor();
      expect(await hollow.first().getAttribute('data-unfilled')).toBe('1');
      expect((await hollow.first().getByTestId('need-reason').innerText()).length).toBeGreaterThan(4);
      const mine = s.page.locator('tr[data-testid="proposal-need"]').filter({ hasText: OWN_SUBJECT });
      expect(await mine.first().getAttribute('data-unfilled')).toBe('1');
      await view.openTab('schools');
      await expect.poll(() => s.page.locator('tr[data-testid="proposal-school"]').count()).toBe(plan.schools.length);
      await view.openTab('assignments');
      await expect.poll(() => view.assignments.count()).toBe(plan.assignments.length);

      // move a teacher to the need nobody teaches: a local change first, a problem once saved
      const a = plan.assignments[0];
      const hollowNeed = plan.needs.find((n) => n.subject === NOBODY_TEACHES);
      expect(hollowNeed).toBeDefined();
      await view.move(a.teacher_id, `${hollowNeed?.school_name ?? ''} · ${NOBODY_TEACHES}`);
      await expect.poll(() => view.row(a.teacher_id).getAttribute('data-edit')).toBe('moved');
      await view.editsAlert.waitFor();
      expect(await view.acceptButton.isDisabled()).toBe(true);
      const moved = await view.save();
      expect(moved.status()).toBe(200);
      const afterMove = (await moved.json()) as Proposal;
      expect(afterMove.problems.map((p) => p.code)).toContain('subject_mismatch');
      await view.problems.first().waitFor();
      expect(await view.problems.first().innerText()).toContain(a.teacher_name);
      await view.editsAlert.waitFor({ state: 'detached' });
      expect(await view.acceptButton.isDisabled()).toBe(true);

      // remove that teacher instead: the problem goes, the figures recompute from the server's answer
      await view.remove(a.teacher_id);
      await expect.poll(() => view.row(a.teacher_id).getAttribute('data-edit')).toBe('removed');
      const removed = await view.save();
      expect(removed.status()).toBe(200);
      const afterRemove = (await removed.json()) as Proposal;
      expect(afterRemove.problems).toEqual([]);
      expect(afterRemove.assignments).toHaveLength(plan.assignments.length - 1);
      expect(afterRemove.totals.edited).toBe(true);
      await s.page.getByTestId('problems-alert').waitFor({ state: 'detached' });
      await expect.poll(() => view.assignments.count()).toBe(plan.assignments.length - 1);
      await expect
        .poll(async () => (await view.total('filled').innerText()).replace(/\s/g, ''))
        .toBe(`${afterRemove.totals.filled}/${afterRemove.totals.seats}`);

      // accept: the dialog says how many rotations are created
      const count = afterRemove.assignments.length;
      await view.openAccept();
      expect(await view.acceptText.innerText()).toContain(`将创建 ${count} 条待审批的交流安排`);
      const done = await view.confirmAccept();
      expect(done.status()).toBe(200);
      accepted = (await done.json()) as Proposal;
      expect(accepted.status).toBe('accepted');
      expect(accepted.rotation_ids).toHaveLength(count);
      await view.acceptedAlert.waitFor();
      expect(await view.acceptedAlert.getAttribute('data-count')).toBe(String(count));
      expect(await view.root.getAttribute('data-status')).toBe('accepted');
      // an accepted plan cannot change any more
      expect(await view.acceptButton.count()).toBe(0);
      expect(await s.page.getByTestId('assignment-need').count()).toBe(0);

      // its rotations wait for approval in the rotations list
      await view.acceptedLink.click();
      await s.page.waitForURL(/\/rotations\?status=planned/);
      const rotations = new RotationListPage(s.page);
      await rotations.list.waitFor();
      for (const x of accepted.assignments) {
        const row = rotations.entry(x.teacher_name).filter({ hasText: x.to_school_name });
        await row.first().waitFor();
        expect(await row.first().getByTestId('rotation-status').getAttribute('data-status')).toBe('planned');
      }
      // the removed teacher is not in the accepted plan
      expect(accepted.assignments.some((x) => x.teacher_id === a.teacher_id)).toBe(false);
    } finally {
      await s.close();
    }
  });

  it('the leader reads the accepted plan on a phone, without changing it', async () => {
    const api = await apiAs('leader');
    const list = ok(await api.GET('/api/v1/planning/proposals', { params: { query: { status: 'accepted', school_year: schoolYear } } }));
    const plan = accepted ?? list.items[0];
    expect(plan).toBeDefined();
    if (!plan) return;
    const s = await sessionAs('leader', { width: 360, height: 780 });
    try {
      const plans = new ProposalListPage(s.page);
      await plans.goto();
      expect(await plans.createButton.count()).toBe(0);
      expect(await hasHorizontalOverflow(s.page)).toBe(false);

      const view = new ProposalPage(s.page);
      await view.goto(plan.id);
      await view.acceptedAlert.waitFor();
      expect(await view.acceptButton.count()).toBe(0);
      await view.assignments.first().waitFor();
      expect(await s.page.getByTestId('assignment-need').count()).toBe(0);
      expect(await hasHorizontalOverflow(s.page)).toBe(false);
      await view.openTab('schools');
      await s.page.locator('tr[data-testid="proposal-school"]').first().waitFor();
      expect(await hasHorizontalOverflow(s.page)).toBe(false);
    } finally {
      await s.close();
    }
  });

  it('三元中学 marks one of its available teachers unavailable for the year, then clears the mark', async () => {
    const api = await apiAs('admin_YX004');
    const me = ok(await api.GET('/api/v1/auth/me'));
    const supply = ok(await api.GET('/api/v1/planning/supply', { params: { query: { school_year: schoolYear, available: true, limit: 50 } } }));
    const teacher = supply.items.find((x) => x.school_id === me.school_id);
    expect(teacher).toBeDefined();
    if (!teacher) return;

    const s = await sessionAs('admin_YX004', { width: 360, height: 780 });
    try {
      await new AppShell(s.page).openMenuItem('menu-supply');
      await s.page.waitForURL(/\/planning\/supply$/);
      const page = new SupplyPage(s.page);
      await page.list.waitFor();
      const card = page.entry(teacher.name).first();
      await card.waitFor();
      expect(await hasHorizontalOverflow(s.page)).toBe(false);

      await card.getByTestId('supply-mark').click();
      await s.page.getByTestId('unavailable-form').waitFor();
      await settled(s.page);
      await s.page.getByTestId('reason-graduatingClass').click();
      const [marked] = await Promise.all([
        s.page.waitForResponse((r) => r.url().endsWith('/api/v1/planning/unavailable-teachers') && r.request().method() === 'POST'),
        s.page.getByTestId('unavailable-ok').click(),
      ]);
      expect(marked.status()).toBe(201);
      await expect.poll(() => page.entry(teacher.name).first().getByTestId('supply-available').getAttribute('data-available')).toBe('false');
      expect(await page.entry(teacher.name).first().innerText()).toContain('带毕业班');

      await page.entry(teacher.name).first().getByTestId('supply-clear').click();
      await s.page.getByTestId('unavailable-clear-ok').waitFor();
      await settled(s.page);
      await s.page.getByTestId('unavailable-clear-ok').click();
      await expect.poll(() => page.entry(teacher.name).first().getByTestId('supply-available').getAttribute('data-available')).toBe('true');
    } finally {
      await s.close();
    }
  });
});
