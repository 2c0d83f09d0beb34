import type { Locator, Page, Response } from 'playwright-core';

export type KpiKey =
  | 'active_agreements'
  | 'receiving_covered'
  | 'teachers_on_rotation'
  | 'teacher_days'
  | 'meeting_compliance'
  | 'rotation_share'
  | 'donations'
  | 'overdue_items';

export type ChartName = 'monthly' | 'subjects' | 'compliance' | 'kinds' | 'network';
export const CHARTS: readonly ChartName[] = ['monthly', 'subjects', 'compliance', 'kinds', 'network'];

/** Start waiting for the dashboard's own GET of its summary or series (before acting). */
export function dashboardAnswer(page: Page, what: 'summary' | 'series'): Promise<Response> {
  return page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/dashboard/${what}` && r.request().method() === 'GET');
}

/** /dashboard: the bureau's KPI cards (links to the lists behind them) and charts. */
export class DashboardPage {
  readonly page: Page;
  readonly root: Locator;
  readonly kpis: Locator;
  readonly year: Locator;
  readonly programme: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('dashboard');
    this.kpis = page.getByTestId('dashboard-kpis');
    this.year = page.getByTestId('dashboard-year');
    this.programme = page.getByTestId('dashboard-programme');
  }

  async goto(query = ''): Promise<Response> {
    const answer = dashboardAnswer(this.page, 'summary');
    await this.page.goto(`/dashboard${query}`);
    const response = await answer;
    await this.kpi('active_agreements').waitFor();
    return response;
  }

  kpi(key: KpiKey): Locator {
    return this.page.getByTestId(`kpi-${key}`);
  }

  /** The figure a card shows, as written ("1,358", "15.6%"). */
  async kpiText(key: KpiKey): Promise<string> {
    return (await this.kpi(key).getByTestId('kpi-value').innerText()).trim();
  }

  /** The API value behind a card. */
  kpiValue(key: KpiKey): Promise<string | null> {
    return this.kpi(key).getAttribute('data-value');
  }

  chart(name: ChartName): Locator {
    return this.page.getByTestId(`chart-${name}`);
  }

  /** Wait for a chart's canvas and return its drawn size in CSS pixels. */
  async canvasSize(name: ChartName): Promise<{ width: number; height: number }> {
    const canvas = this.chart(name).locator('canvas').first();
    await canvas.waitFor({ state: 'attached' });
    return canvas.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { width: r.width, height: r.height };
    });
  }
}
