import type { Download, Locator, Page, Response } from 'playwright-core';
import { settled } from '../support/browser';

const JSON_ANSWER = (path: string, extra: (url: URL) => boolean = () => true) => (r: Response) => {
  const url = new URL(r.url());
  return url.pathname === path && url.searchParams.get('format') === null && r.request().method() === 'GET' && extra(url);
};

/** Wait for the page's own GET of an API list (not its Excel form); start waiting before acting. */
export function apiAnswer(page: Page, path: string, extra?: (url: URL) => boolean): Promise<Response> {
  return page.waitForResponse(JSON_ANSWER(path, extra));
}

/** Click "Export to Excel" and return the xlsx answer and the file the browser saved. */
export async function exportExcel(page: Page, button: Locator, path: string): Promise<{ response: Response; download: Download }> {
  const [response, download] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === path && new URL(r.url()).searchParams.get('format') === 'xlsx'),
    page.waitForEvent('download'),
    button.click(),
  ]);
  return { response, download };
}

/** /compliance/rotations: rotation-rate compliance per supporting school. */
export class RotationCompliancePage {
  readonly page: Page;
  readonly table: Locator;
  readonly summary: Locator;
  readonly rule: Locator;
  readonly year: Locator;
  readonly exportButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = page.getByTestId('rotation-compliance-table');
    this.summary = page.getByTestId('rotation-compliance-summary');
    this.rule = page.getByTestId('rotation-rule');
    this.year = page.getByTestId('rotation-compliance-year');
    this.exportButton = page.getByTestId('export-xlsx');
  }

  /** Open the page (no year in the URL: the current school year) and return the report it loaded. */
  async goto(query = ''): Promise<Response> {
    const answer = apiAnswer(this.page, '/api/v1/compliance/rotations');
    await this.page.goto(`/compliance/rotations${query}`);
    const response = await answer;
    await this.table.waitFor();
    return response;
  }

  row(school: string): Locator {
    return this.table.locator('tr[data-row-key], [data-testid="list-card"]').filter({ hasText: school });
  }

  status(row: Locator): Locator {
    return row.getByTestId('compliance-status');
  }

  gap(row: Locator): Locator {
    return row.getByTestId('rotation-gap');
  }

  share(row: Locator): Locator {
    return row.getByTestId('rotation-share');
  }
}

/** /compliance/rotations/candidates: eligible teachers not yet rotated, to plan from. */
export class RotationCandidatesPage {
  readonly page: Page;
  readonly list: Locator;
  readonly gapNote: Locator;
  readonly proposeLink: Locator;
  readonly exportButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('candidate-list');
    this.gapNote = page.getByTestId('candidates-gap');
    this.proposeLink = page.getByTestId('candidates-propose');
    this.exportButton = page.getByTestId('export-xlsx');
  }

  rowKeys(): Promise<string[]> {
    return this.list.locator('tr[data-row-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key') ?? ''));
  }
}

/** /reports/service-records: the title-service ledger and a teacher's record in a drawer. */
export class ServiceLedgerPage {
  readonly page: Page;
  readonly list: Locator;
  readonly shortOnly: Locator;
  readonly exportButton: Locator;
  readonly record: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('ledger-list');
    this.shortOnly = page.getByTestId('ledger-short-only');
    this.exportButton = page.locator('.page-header').getByTestId('export-xlsx');
    this.record = page.getByTestId('service-record');
  }

  async goto(query = ''): Promise<Response> {
    const answer = apiAnswer(this.page, '/api/v1/reports/service-records');
    await this.page.goto(`/reports/service-records${query}`);
    const response = await answer;
    await this.list.waitFor();
    return response;
  }

  /** Flip "only those short of the rule" and return the list it loaded. */
  async toggleShortOnly(): Promise<Response> {
    const answer = apiAnswer(this.page, '/api/v1/reports/service-records');
    await this.shortOnly.click();
    return answer;
  }

  rows(): Locator {
    return this.list.locator('tr[data-row-key], [data-testid="list-card"]');
  }

  rowKeys(): Promise<string[]> {
    return this.list.locator('tr[data-row-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key') ?? ''));
  }

  async openTeacher(teacherId: number): Promise<void> {
    await this.list.locator(`tr[data-row-key="${teacherId}"]`).click();
    await this.record.waitFor();
    await settled(this.page);
  }

  completedRotations(): Locator {
    return this.record.getByTestId('completed-rotation');
  }

  archiveRows(): Locator {
    return this.record.getByTestId('archive-rows').locator('tr[data-row-key]');
  }

  archiveExport(): Locator {
    return this.record.getByTestId('export-xlsx');
  }
}

/** /rotations/roster: a school's outgoing and incoming teachers. */
export class RotationRosterPage {
  readonly page: Page;
  readonly list: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('roster-list');
  }

  tab(name: 'outgoing' | 'incoming'): Locator {
    return this.page.getByTestId(`roster-tab-${name}`);
  }

  /** Show a tab (clicking the one already shown changes nothing) and wait until it is the active one. */
  async showTab(name: 'outgoing' | 'incoming'): Promise<void> {
    await this.tab(name).click();
    await this.page.locator(`.ant-tabs-tab-active [data-testid="roster-tab-${name}"]`).waitFor();
  }

  entry(text: string): Locator {
    return this.list.locator('tr[data-row-key], [data-testid="list-card"]').filter({ hasText: text });
  }
}
