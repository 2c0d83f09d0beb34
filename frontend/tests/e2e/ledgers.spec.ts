import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, hasHorizontalOverflow, newSession } from './support/browser';
import { apiAs, ok } from './support/api';
import { sessionAs } from './support/session';
import { LoginPage } from './pages/LoginPage';
import { apiAnswer } from './pages/RotationReportPages';
import { DashboardPage, dashboardAnswer } from './pages/DashboardPage';
import { barPoint, LedgerPage } from './pages/LedgerPages';
import { SchoolDashboardPage } from './pages/SchoolDashboardPages';

// The dashboard's figures lead to exactly the rows they count: the donations of the school year, the
// activities of a kind in the summary's window, the schools covered (and those still waiting). The demo
// county (scripts/e2e.sh) has activities and donations under its active pairs in the current school year.
interface Summary {
  school_year: number;
  receiving_schools_covered: number;
  receiving_schools_total: number;
  activities_by_kind: Record<string, number>;
  activities_from: string;
  activities_to: string;
  donations_value_yuan: string;
}

interface PageOf<T> {
  total: number;
  limit: number;
  items: T[];
}

/** "27160.5" → 2716050 fen: money compared without floating point. */
const fen = (v: string) => {
  const [whole, frac = ''] = v.split('.');
  return BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
};

// the kinds chart's bars (COLORS.kinds in src/features/dashboard/options.ts)
const KIND_BLUE = [0x16, 0x77, 0xff] as const;

afterAll(closeBrowser);

describe('the ledgers behind the dashboard', () => {
  it('the bureau follows the donations card, an activity kind and the coverage card to the rows they count', async () => {
    const s = await newSession();
    try {
      const summaryAnswer = dashboardAnswer(s.page, 'summary');
      await new LoginPage(s.page).loginAs('bureau');
      await s.page.waitForURL(/\/dashboard$/);
      const summary = (await (await summaryAnswer).json()) as Summary;
      const year = summary.school_year;
      const dashboard = new DashboardPage(s.page);

      // donations → the donations dated in the school year, whose values add up to the card's figure
      const donationsHref = `/donations?from=${year}-09-01&to=${year + 1}-08-31`;
      expect(await dashboard.kpi('donations').getAttribute('href')).toBe(donationsHref);
      const donations = new LedgerPage(s.page, 'donations');
      let answer = donations.answer();
      await dashboard.kpi('donations').click();
      await s.page.waitForURL((u) => u.pathname === '/donations');
      const donationsUrl = new URL(s.page.url());
      expect(donationsUrl.searchParams.get('from')).toBe(`${year}-09-01`);
      expect(donationsUrl.searchParams.get('to')).toBe(`${year + 1}-08-31`);
      const gifts = (await (await answer).json()) as PageOf<{ value_yuan: string; date: string; agreement_title: string }>;
      expect(gifts.total).toBeGreaterThan(0);
      expect(gifts.items.every((d) => d.date >= `${year}-09-01` && d.date <= `${year + 1}-08-31` && d.agreement_title !== '')).toBe(true);
      await donations.rows.first().waitFor();
      expect(await donations.rows.count()).toBe(Math.min(gifts.total, gifts.limit));
      if (gifts.total <= gifts.limit) {
        expect(gifts.items.reduce((sum, d) => sum + fen(d.value_yuan), 0n)).toBe(fen(summary.donations_value_yuan));
      }
      // the row's agreement opens on its donations tab
      expect(await donations.rows.first().locator('a[href*="/agreements/"]').getAttribute('href')).toMatch(/^\/agreements\/\d+\?tab=donations$/);

      // the kinds chart: its link lists the whole window, a bar the activities of its kind
      await dashboard.goto();
      const kinds = dashboard.chart('kinds');
      const window = `from=${summary.activities_from}&to=${summary.activities_to}`;
      expect(await s.page.getByTestId('chart-kinds-link').getAttribute('href')).toBe(`/activities?${window}`);
      const canvas = kinds.locator('canvas').first();
      await canvas.scrollIntoViewIfNeeded();
      // the bars grow in: wait until the drawing stands still
      let point: { x: number; y: number } | null = null;
      for (let i = 0; i < 40; i += 1) {
        const next = await barPoint(canvas, KIND_BLUE);
        if (next && point && next.x === point.x && next.y === point.y) break;
        point = next;
        await s.page.waitForTimeout(250);
      }
      expect(point, 'a bar drawn in the kinds chart').not.toBeNull();
      const activities = new LedgerPage(s.page, 'activities');
      answer = activities.answer();
      await canvas.click({ position: point ?? { x: 0, y: 0 } });
      await s.page.waitForURL((u) => u.pathname === '/activities');
      const activitiesUrl = new URL(s.page.url());
      const kind = activitiesUrl.searchParams.get('kind') ?? '';
      expect(Object.keys(summary.activities_by_kind)).toContain(kind);
      expect(activitiesUrl.searchParams.get('from')).toBe(summary.activities_from);
      expect(activitiesUrl.searchParams.get('to')).toBe(summary.activities_to);
      const shown = (await (await answer).json()) as PageOf<{ kind: string }>;
      expect(new URL((await answer).url()).searchParams.get('kind')).toBe(kind);
      // exactly the bar's count, every row of its kind
      expect(shown.total).toBe(summary.activities_by_kind[kind]);
      expect(shown.total).toBeGreaterThan(0);
      expect(shown.items.every((a) => a.kind === kind)).toBe(true);
      await activities.rows.first().waitFor();
      // the kind filter shows the URL's kind
      expect((await activities.kindFilter.innerText()).trim()).not.toBe('');

      // coverage → the schools covered, shown as a removable filter; the rest are a link of their own
      await dashboard.goto();
      expect(await s.page.getByTestId('kpi-receiving_covered').getByTestId('kpi-link').getAttribute('href')).toBe('/schools?covered=true');
      const uncovered = summary.receiving_schools_total - summary.receiving_schools_covered;
      const uncoveredLink = s.page.getByTestId('kpi-uncovered-link');
      if (uncovered > 0) {
        expect(await uncoveredLink.getAttribute('href')).toBe('/schools?assisted=true&covered=false');
        expect(await uncoveredLink.innerText()).toContain(String(uncovered));
      } else {
        expect(await uncoveredLink.count()).toBe(0);
      }
      let schools = apiAnswer(s.page, '/api/v1/schools', (u) => u.searchParams.get('covered') === 'true');
      await dashboard.kpi('receiving_covered').click();
      await s.page.waitForURL((u) => u.pathname === '/schools' && u.searchParams.get('covered') === 'true');
      expect(((await (await schools).json()) as PageOf<unknown>).total).toBe(summary.receiving_schools_covered);
      const tag = s.page.locator('[data-testid="school-filter-tag"][data-filter="covered"]');
      await tag.waitFor();
      // removing the tag lists every school again
      schools = apiAnswer(s.page, '/api/v1/schools', (u) => u.searchParams.get('covered') === null);
      await tag.locator('.ant-tag-close-icon').click();
      await schools;
      await s.page.waitForURL((u) => u.pathname === '/schools' && !u.searchParams.has('covered'));
      expect(await s.page.getByTestId('school-coverage-filters').count()).toBe(0);

      if (uncovered > 0) {
        await dashboard.goto();
        schools = apiAnswer(s.page, '/api/v1/schools', (u) => u.searchParams.get('covered') === 'false');
        await s.page.getByTestId('kpi-uncovered-link').click();
        await s.page.waitForURL((u) => u.searchParams.get('assisted') === 'true' && u.searchParams.get('covered') === 'false');
        expect(((await (await schools).json()) as PageOf<unknown>).total).toBe(uncovered);
        expect(await s.page.getByTestId('school-filter-tag').count()).toBe(2);
      }
    } finally {
      await s.close();
    }
  });

  it('the ledgers fit a 360-px phone: filters stacked, rows as cards', async () => {
    const s = await sessionAs('bureau', { width: 360, height: 740 });
    try {
      for (const ledger of ['activities', 'donations'] as const) {
        const page = new LedgerPage(s.page, ledger);
        const response = await page.goto();
        const rows = (await response.json()) as PageOf<unknown>;
        expect(rows.total, ledger).toBeGreaterThan(0);
        await page.list.locator('[data-testid="list-card"]').first().waitFor();
        expect(await hasHorizontalOverflow(s.page), ledger).toBe(false);
      }
    } finally {
      await s.close();
    }
  });

  it("a school admin's ledger holds its own pairs only", async () => {
    const s = await sessionAs('admin_YX003');
    try {
      await s.page.waitForURL(/\/school$/);
      const schoolId = Number(await new SchoolDashboardPage(s.page).root.getAttribute('data-school'));
      const api = await apiAs('admin_YX003');
      const agreements = ok(await api.GET('/api/v1/agreements', { params: { query: { limit: 200 } } }));
      const own = new Set(agreements.items.filter((a) => a.supporting_school_id === schoolId || a.receiving_school_id === schoolId).map((a) => a.id));
      expect(own.size).toBe(agreements.total);
      const ledger = new LedgerPage(s.page, 'activities');
      const rows = (await (await ledger.goto()).json()) as PageOf<{ agreement_id: number }>;
      expect(rows.total).toBeGreaterThan(0);
      expect(rows.items.every((a) => own.has(a.agreement_id))).toBe(true);
    } finally {
      await s.close();
    }
  });

  it("a school admin's compliance tag opens the meeting compliance report on that pair", async () => {
    const s = await sessionAs('admin_YX003');
    try {
      await s.page.waitForURL(/\/school$/);
      const school = new SchoolDashboardPage(s.page);
      await school.pairs.first().waitFor();
      const link = s.page.getByTestId('pair-compliance-link').first();
      await link.waitFor();
      const href = new URL((await link.getAttribute('href')) ?? '', 'http://x');
      const partner = href.searchParams.get('school_id');
      expect(href.pathname).toBe('/compliance/meetings');
      expect(partner).toMatch(/^\d+$/);
      const report = apiAnswer(s.page, '/api/v1/compliance/meetings', (u) => u.searchParams.get('school_id') === partner);
      await link.click();
      const rows = (await (await report).json()) as { rows: { supporting_school_id: number; receiving_school_id: number }[] };
      expect(rows.rows.length).toBeGreaterThan(0);
      expect(rows.rows.every((r) => String(r.supporting_school_id) === partner || String(r.receiving_school_id) === partner)).toBe(true);
      // the narrowing is shown (and can be cleared) even though a school admin has no school filter otherwise
      await s.page.getByTestId('compliance-filter-school').waitFor();
    } finally {
      await s.close();
    }
  });
});
