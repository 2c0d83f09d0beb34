import type { Locator, Page } from 'playwright-core';

/** /school: a school admin's own school at a glance. */
export class SchoolDashboardPage {
  readonly page: Page;
  readonly root: Locator;
  readonly pairs: Locator;
  readonly items: Locator;
  readonly outgoing: Locator;
  readonly incoming: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('school-dashboard');
    this.pairs = page.getByTestId('school-pair');
    this.items = page.getByTestId('school-item');
    this.outgoing = page.getByTestId('school-teacher-outgoing');
    this.incoming = page.getByTestId('school-teacher-incoming');
  }

  section(name: 'pairs' | 'items' | 'teachers'): Locator {
    return this.page.getByTestId(`school-${name}`);
  }

  /** The "view all" link of a card. */
  sectionLink(name: 'pairs' | 'items' | 'teachers'): Locator {
    return this.page.getByTestId(`school-${name}-link`);
  }
}

/** /follow-up-items: the follow-up items of all meetings in scope. */
export class FollowUpListPage {
  readonly page: Page;
  readonly list: Locator;
  readonly rows: Locator;
  readonly overdueOnly: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('follow-up-list');
    this.rows = this.list.locator('tbody tr.ant-table-row, [data-testid="list-card"]');
    this.overdueOnly = page.getByTestId('follow-up-overdue-only');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/follow-up-items${query}`);
    await this.list.waitFor();
  }

  /** The rows shown (descriptions, overdue tag present). */
  async shown(): Promise<{ description: string; overdue: boolean }[]> {
    return this.rows.evaluateAll((els) =>
      els.map((e) => ({
        description: (e.querySelector('td a, strong')?.textContent ?? '').trim(),
        overdue: e.querySelector('[data-testid="overdue-tag"]') !== null,
      })),
    );
  }
}
