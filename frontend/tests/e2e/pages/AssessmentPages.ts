import type { Download, Locator, Page, Response } from 'playwright-core';
import { settled } from '../support/browser';

/** /assessments/{id}: the annual assessment's header, its three tabs and the publish dialog. */
export class AssessmentPage {
  readonly page: Page;
  readonly root: Locator;
  readonly status: Locator;
  readonly publishButton: Locator;
  readonly publishOk: Locator;
  readonly publishError: Locator;
  readonly rankingRows: Locator;
  readonly rankingChart: Locator;
  readonly pairs: Locator;
  readonly sheetForm: Locator;
  readonly sheetSave: Locator;
  readonly sheetReadOnly: Locator;
  readonly formEditor: Locator;
  readonly formItems: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('assessment-page');
    this.status = page.getByTestId('assessment-overview').getByTestId('assessment-status');
    this.publishButton = page.getByTestId('assessment-publish');
    this.publishOk = page.getByTestId('publish-ok');
    this.publishError = page.getByTestId('publish-error');
    this.rankingRows = page.getByTestId('ranking-table').getByTestId('ranking-row');
    this.rankingChart = page.getByTestId('ranking-chart');
    this.pairs = page.getByTestId('scoring-pair');
    this.sheetForm = page.getByTestId('sheet-form');
    this.sheetSave = page.getByTestId('sheet-save');
    this.sheetReadOnly = page.getByTestId('sheet-readonly');
    this.formEditor = page.getByTestId('form-editor');
    this.formItems = page.getByTestId('form-items');
  }

  async goto(id: number, tab?: 'ranking' | 'scoring' | 'form'): Promise<void> {
    await this.page.goto(tab ? `/assessments/${id}?tab=${tab}` : `/assessments/${id}`);
    await this.root.waitFor();
  }

  async openTab(key: 'ranking' | 'scoring' | 'form'): Promise<void> {
    await this.page.getByTestId(`tab-${key}`).click();
  }

  async waitForStatus(status: 'draft' | 'published'): Promise<void> {
    await this.page.locator(`[data-testid="assessment-page"][data-status="${status}"]`).waitFor();
  }

  /** Open the publish dialog and confirm; the caller waits for the outcome. */
  async confirmPublish(): Promise<void> {
    await this.publishButton.click();
    await this.publishOk.waitFor();
    await settled(this.page);
    await this.publishOk.click();
  }

  async closeDialog(): Promise<void> {
    await this.page.locator('.ant-modal-footer .ant-btn').filter({ hasNotText: /发布/ }).first().click();
    await this.publishOk.waitFor({ state: 'hidden' });
  }

  /** Click the ranking's "export to Excel": the file's HTTP answer and the file the browser saved. */
  async downloadResults(id: number): Promise<{ response: Response; download: Download }> {
    const [response, download] = await Promise.all([
      this.page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/assessments/${id}/results` && new URL(r.url()).searchParams.get('format') === 'xlsx'),
      this.page.waitForEvent('download'),
      this.page.getByTestId('ranking-tab').getByTestId('export-xlsx').click(),
    ]);
    return { response, download };
  }

  pair(agreementId: number): Locator {
    return this.page.locator(`[data-testid="scoring-pair"][data-agreement="${agreementId}"]`);
  }

  /** The inspector-scored items of the sheet shown, each with its points input and comment. */
  manualItems(): Locator {
    return this.sheetForm.locator('[data-testid="sheet-item"][data-source="manual"]');
  }

  pointsInput(item: Locator): Locator {
    return item.locator('input.ant-input-number-input');
  }

  commentInput(item: Locator): Locator {
    return item.locator('textarea');
  }
}
