import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, hasHorizontalOverflow } from './support/browser';
import { sessionAs } from './support/session';
import { apiAnswer } from './pages/RotationReportPages';
import { FollowUpListPage, SchoolDashboardPage } from './pages/SchoolDashboardPages';

interface PageOf<T> {
  total: number;
  items: T[];
}

afterAll(closeBrowser);

describe("the school admin's own school at a glance", () => {
  it('城关中学 lands on /school and sees its pairs (it supports two schools) and its outgoing teachers', async () => {
    const s = await sessionAs('admin_YX003');
    try {
      // the answers the page loads, to compare with what it shows
      const agreements = apiAnswer(s.page, '/api/v1/agreements');
      const roster = apiAnswer(s.page, '/api/v1/rotations/roster', (u) => u.searchParams.get('status') === 'active');
      await s.page.goto('/');
      await s.page.waitForURL(/\/school$/);
      const school = new SchoolDashboardPage(s.page);
      await school.root.waitFor();
      const schoolId = Number(await school.root.getAttribute('data-school'));

      const pairs = (await (await agreements).json()) as PageOf<{ id: number; supporting_school_id: number; status: string }>;
      await school.pairs.first().waitFor();
      expect(await school.pairs.count()).toBe(pairs.items.length);
      const supporting = await s.page.locator('[data-testid="school-pair"][data-side="supporting"]').count();
      expect(supporting).toBe(pairs.items.filter((a) => a.supporting_school_id === schoolId).length);
      expect(supporting).toBeGreaterThanOrEqual(2);

      const rows = (await (await roster).json()) as PageOf<{ id: number; from_school_id: number }>;
      const out = rows.items.filter((r) => r.from_school_id === schoolId);
      expect(out.length).toBeGreaterThan(0);
      await school.outgoing.first().waitFor();
      expect(await school.outgoing.count()).toBe(out.length);
      expect(await school.sectionLink('teachers').getAttribute('href')).toBe('/rotations/roster');
      expect(await school.sectionLink('items').getAttribute('href')).toBe(`/follow-up-items?status=open&owner_school_id=${schoolId}`);
    } finally {
      await s.close();
    }
  });

  it('fits a 360-px phone', async () => {
    const s = await sessionAs('admin_YX003', { width: 360, height: 740 });
    try {
      await s.page.waitForURL(/\/school$/);
      const school = new SchoolDashboardPage(s.page);
      await school.pairs.first().waitFor();
      await school.outgoing.first().waitFor();
      expect(await hasHorizontalOverflow(s.page)).toBe(false);
    } finally {
      await s.close();
    }
  });
});

describe('the follow-up items list', () => {
  it('the bureau opens the open overdue items: every row shown is overdue, as the API answered', async () => {
    const s = await sessionAs('bureau');
    try {
      const answer = apiAnswer(s.page, '/api/v1/action-items');
      const list = new FollowUpListPage(s.page);
      await list.goto('?status=open&overdue=true');
      const response = await answer;
      const url = new URL(response.url());
      expect(url.searchParams.get('status')).toBe('open');
      expect(url.searchParams.get('overdue')).toBe('true');
      const page = (await response.json()) as PageOf<{ description: string; overdue: boolean; status: string }>;
      expect(page.items.every((i) => i.overdue && i.status === 'open')).toBe(true);
      // the "only overdue" switch shows the URL's filter
      expect(await list.overdueOnly.getAttribute('aria-checked')).toBe('true');
      if (page.items.length === 0) {
        await list.list.locator('.ant-empty').waitFor();
        return;
      }
      await list.rows.first().waitFor();
      const shown = await list.shown();
      expect(shown.map((r) => r.description)).toEqual(page.items.map((i) => i.description));
      expect(shown.every((r) => r.overdue)).toBe(true);

      // switching "only overdue" off drops it from the address and from the request
      const all = apiAnswer(s.page, '/api/v1/action-items', (u) => !u.searchParams.has('overdue'));
      await list.overdueOnly.click();
      await s.page.waitForURL((u) => u.pathname === '/follow-up-items' && !u.searchParams.has('overdue') && u.searchParams.get('status') === 'open');
      const open = (await (await all).json()) as PageOf<{ overdue: boolean }>;
      expect(open.total).toBeGreaterThanOrEqual(page.total);
    } finally {
      await s.close();
    }
  });
});
