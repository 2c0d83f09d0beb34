import type { Download, Locator, Page } from 'playwright-core';

/** /imports (批量导入): kind, templates, the file, check and import, the report. */
export class ImportPage {
  readonly page: Page;
  readonly kindCard: Locator;
  readonly howTo: Locator;
  readonly fileInput: Locator;
  readonly chosenFile: Locator;
  readonly checkButton: Locator;
  readonly importButton: Locator;
  readonly report: Locator;
  readonly errors: Locator;
  readonly clean: Locator;
  readonly problem: Locator;
  readonly done: Locator;

  constructor(page: Page) {
    this.page = page;
    this.kindCard = page.getByTestId('import-kind-card');
    this.howTo = page.getByTestId('import-howto');
    this.fileInput = page.getByTestId('import-drop').locator('input[type="file"]');
    this.chosenFile = page.getByTestId('import-file');
    this.checkButton = page.getByTestId('import-check');
    this.importButton = page.getByTestId('import-run');
    this.report = page.getByTestId('import-report');
    this.errors = page.getByTestId('import-errors');
    this.clean = page.getByTestId('import-clean');
    this.problem = page.getByTestId('import-problem');
    this.done = page.getByTestId('import-done');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/imports${query}`);
    await this.kindCard.waitFor();
  }

  async chooseKind(kind: 'schools' | 'teachers' | 'users'): Promise<void> {
    await this.page.getByTestId(`import-kind-${kind}`).click();
    await this.page.locator(`[data-testid="import-kind-card"][data-kind="${kind}"]`).waitFor();
  }

  /** Put a file in the drop area (it stays in the browser until "check"). */
  async chooseFile(name: string, content: string | Buffer, mimeType = 'text/csv'): Promise<void> {
    await this.fileInput.setInputFiles({ name, mimeType, buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content });
    await this.chosenFile.filter({ hasText: name }).waitFor();
  }

  /** Check the file and wait for its report. */
  async check(): Promise<void> {
    await this.checkButton.click();
    await this.report.waitFor();
  }

  /** A statistic's number (rows, valid, errors). */
  async stat(which: 'rows' | 'valid' | 'errors'): Promise<number> {
    const text = await this.page.getByTestId(`stat-${which}`).locator('.ant-statistic-content-value').innerText();
    return Number(text.replace(/[^\d]/g, ''));
  }

  errorRows(): Locator {
    return this.errors.locator('tbody tr.ant-table-row');
  }

  /** Click something that saves a file, and answer the download. */
  async download(testId: string): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(testId).click()]);
    return download;
  }
}
