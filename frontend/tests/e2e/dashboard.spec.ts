import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, hasHorizontalOverflow, newSession } from './support/browser';
import { sessionAs } from './support/session';
import { LoginPage } from './pages/LoginPage';
import { apiAnswer } from './pages/RotationReportPages';
import { CHARTS, DashboardPage, dashboardAnswer, type KpiKey } from './pages/DashboardPage';

// The demo county has active pairs, teachers on rotation, activities, meetings and check-ins in the
// current school year: every figure is checked against the summary the page loaded.
interface Summary {
  school_year: number;
  active_agreements: number;
  receiving_schools_covered: number;
  receiving_schools_total: number;
  teachers_on_rotation: number;
  teacher_days_served: number;
  meeting_compliance_rate: number;
  rotation_share: number | null;
  donations_value_yuan: string;
  open_overdue_items: number;
}

const today = new Date();
// the school year starts on 1 September
const schoolYear = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;

const count = (n: number) => n.toLocaleString('zh-CN');
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
/** "180640.00" → "180,640.00" */
const yuan = (v: string) => {
  const [whole, frac = ''] = v.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(frac + '00').slice(0, 2)}`;
};

afterAll(closeBrowser);

describe('the bureau dashboard', () => {
  it('the bureau lands on it and sees the figures the API answered, the charts drawn, each card leading to its list', async () => {
    const s = await newSession();
    try {
      const summaryAnswer = dashboardAnswer(s.page, 'summary');
      await new LoginPage(s.page).loginAs('bureau');
      await s.page.waitForURL(/\/dashboard$/);
      const response = await summaryAnswer;
      // no year asked for: the current school year
      expect(new URL(response.url()).searchParams.get('school_year')).toBe(String(schoolYear));
      const summary = (await response.json()) as Summary;
      expect(summary.active_agreements).toBeGreaterThan(0);
      expect(summary.teachers_on_rotation).toBeGreaterThan(0);

      const dashboard = new DashboardPage(s.page);
      await dashboard.kpi('active_agreements').waitFor();
      const expected: Record<KpiKey, { value: string; text: string }> = {
        active_agreements: { value: String(summary.active_agreements), text: count(summary.active_agreements) },
        receiving_covered: {
          value: `${summary.receiving_schools_covered}/${summary.receiving_schools_total}`,
          text: count(summary.receiving_schools_covered),
        },
        teachers_on_rotation: { value: String(summary.teachers_on_rotation), text: count(summary.teachers_on_rotation) },
        teacher_days: { value: String(summary.teacher_days_served), text: count(summary.teacher_days_served) },
        meeting_compliance: { value: String(summary.meeting_compliance_rate), text: percent(summary.meeting_compliance_rate) },
        rotation_share: {
          value: summary.rotation_share === null ? '' : String(summary.rotation_share),
          text: summary.rotation_share === null ? '—' : percent(summary.rotation_share),
        },
        donations: { value: summary.donations_value_yuan, text: yuan(summary.donations_value_yuan) },
        overdue_items: { value: String(summary.open_overdue_items), text: count(summary.open_overdue_items) },
      };
      for (const [key, want] of Object.entries(expected) as [KpiKey, { value: string; text: string }][]) {
        expect(await dashboard.kpiValue(key), key).toBe(want.value);
        expect(await dashboard.kpiText(key), key).toBe(want.text);
      }
      // "8 of 12 schools": the total is written under the covered ones
      expect(await dashboard.kpi('receiving_covered').innerText()).toContain(count(summary.receiving_schools_total));
      expect(await dashboard.kpi('donations').innerText()).toContain('元');

      // every chart draws on a canvas of its own
      for (const name of CHARTS) {
        const size = await dashboard.canvasSize(name);
        expect(size.width, name).toBeGreaterThan(0);
        expect(size.height, name).toBeGreaterThan(0);
      }

      // the cards are links to the lists behind them
      expect(await dashboard.kpi('meeting_compliance').getAttribute('href')).toBe(`/compliance/meetings?school_year=${schoolYear}`);
      expect(await dashboard.kpi('active_agreements').getAttribute('href')).toBe('/agreements?status=active');

      // teachers on rotation → the rotations under way
      const rotations = apiAnswer(s.page, '/api/v1/rotations', (url) => url.searchParams.get('status') === 'active');
      await dashboard.kpi('teachers_on_rotation').click();
      await s.page.waitForURL(/\/rotations\?status=active$/);
      const page = (await (await rotations).json()) as { total: number; items: { status: string }[] };
      expect(page.total).toBeGreaterThan(0);
      expect(page.items.every((r) => r.status === 'active')).toBe(true);
      await s.page.getByTestId('rotation-list').waitFor();
    } finally {
      await s.close();
    }
  });

  it('a chosen school year is asked for and kept in the address', async () => {
    const s = await sessionAs('leader');
    try {
      const dashboard = new DashboardPage(s.page);
      const response = await dashboard.goto(`?school_year=${schoolYear - 1}`);
      expect(new URL(response.url()).searchParams.get('school_year')).toBe(String(schoolYear - 1));
      expect(await dashboard.root.getAttribute('data-school-year')).toBe(String(schoolYear - 1));
      expect(await dashboard.kpi('teacher_days').getAttribute('href')).toBe(`/compliance/rotations?school_year=${schoolYear - 1}`);
    } finally {
      await s.close();
    }
  });

  it('fits a 360-px phone: the cards stack, the charts take the full width', async () => {
    const s = await sessionAs('bureau', { width: 360, height: 740 });
    try {
      await s.page.waitForURL(/\/dashboard$/);
      const dashboard = new DashboardPage(s.page);
      await dashboard.kpi('overdue_items').waitFor();
      for (const name of CHARTS) {
        const size = await dashboard.canvasSize(name);
        expect(size.height, name).toBeGreaterThan(0);
        expect(size.width, name).toBeGreaterThan(250);
        expect(size.width, name).toBeLessThanOrEqual(360);
      }
      // one card a row
      const boxes = await s.page.locator('[data-testid^="kpi-"][data-value]').evaluateAll((els) =>
        els.map((e) => e.getBoundingClientRect()).map((r) => ({ left: Math.round(r.left), top: Math.round(r.top), width: r.width })),
      );
      expect(boxes).toHaveLength(8);
      expect(new Set(boxes.map((b) => b.left)).size).toBe(1);
      expect(new Set(boxes.map((b) => b.top)).size).toBe(8);
      expect(await hasHorizontalOverflow(s.page)).toBe(false);
    } finally {
      await s.close();
    }
  });
});
