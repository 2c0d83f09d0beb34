import type { Download, Locator, Page, Response } from 'playwright-core';

/** /audit: the audit trail (操作日志) — filters, the list (table rows, or cards on a phone), the changes. */
export class AuditPage {
  readonly page: Page;
  readonly list: Locator;
  readonly entityFilter: Locator;
  readonly dateFilter: Locator;
  readonly exportButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('audit-list');
    this.entityFilter = page.getByTestId('audit-filter-entity');
    this.dateFilter = page.getByTestId('audit-filters').locator('.ant-picker-range');
    this.exportButton = page.getByTestId('export-xlsx');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/audit${query}`);
    await this.list.waitFor();
  }

  /** Pick a record type in the entity filter by its label (学校). */
  async pickEntity(label: string): Promise<void> {
    await this.entityFilter.click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .click();
  }

  /** Pick one of the date filter's quick ranges (今天, 最近 7 天…). */
  async pickDates(preset: string): Promise<void> {
    await this.dateFilter.locator('input').first().click();
    await this.page.locator('.ant-picker-dropdown:visible .ant-picker-presets li').filter({ hasText: preset }).click();
  }

  /** The events about one record (table rows on a desktop, cards on a phone): its "#id" link or number. */
  entries(entityId: number): Locator {
    return this.list
      .locator('tr[data-row-key], [data-testid="list-card"]')
      .filter({ has: this.page.getByTestId('audit-entity').getByText(`#${entityId}`, { exact: true }) });
  }

  /** The one opened changes table. */
  get changes(): Locator {
    return this.page.getByTestId('audit-changes');
  }

  /** A changed field's row in the opened changes table. */
  change(field: string): Locator {
    return this.changes.locator('tr').filter({ has: this.page.locator(`[data-field="${field}"]`) });
  }

  async export(): Promise<{ response: Response; download: Download }> {
    const [response, download] = await Promise.all([
      this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/audit-events' && new URL(r.url()).searchParams.get('format') === 'xlsx'),
      this.page.waitForEvent('download'),
      this.exportButton.click(),
    ]);
    return { response, download };
  }
}
