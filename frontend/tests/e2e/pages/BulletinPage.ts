import type { Download, Locator, Page, Response } from 'playwright-core';

export const COUNT_KEYS = ['meetings_held', 'activities', 'teachers_on_rotation', 'checkins', 'new_agreements', 'donations'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

/** /reports/bulletin: the monthly bulletin (工作简报). */
export class BulletinPage {
  readonly page: Page;
  readonly root: Locator;
  readonly doc: Locator;
  readonly title: Locator;
  readonly period: Locator;
  readonly kinds: Locator;
  readonly highlights: Locator;
  readonly attention: Locator;
  readonly donationsValue: Locator;
  readonly printButton: Locator;
  readonly wordButton: Locator;
  readonly pdfButton: Locator;
  readonly monthPicker: Locator;
  readonly prevMonth: Locator;
  readonly nextMonth: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('bulletin-page');
    this.doc = page.getByTestId('bulletin');
    this.title = page.getByTestId('bulletin-title');
    this.period = page.getByTestId('bulletin-period');
    this.kinds = page.getByTestId('bulletin-kind');
    this.highlights = page.getByTestId('bulletin-highlight');
    this.attention = page.getByTestId('bulletin-attention');
    this.donationsValue = page.getByTestId('bulletin-donations-value');
    this.printButton = page.getByTestId('bulletin-print');
    this.wordButton = page.getByTestId('bulletin-docx');
    this.pdfButton = page.getByTestId('bulletin-pdf');
    this.monthPicker = page.getByTestId('bulletin-month');
    this.prevMonth = page.getByTestId('bulletin-month-prev');
    this.nextMonth = page.getByTestId('bulletin-month-next');
  }

  /** Open the bulletin (of `month`, or the default one) and wait until its figures are shown. */
  async goto(month?: string): Promise<void> {
    await this.page.goto(month ? `/reports/bulletin?month=${month}` : '/reports/bulletin');
    await this.waitForMonth(month);
  }

  /** Wait until the bulletin of `month` (any month when not given) has loaded. */
  async waitForMonth(month?: string): Promise<void> {
    const which = month ? `[data-month="${month}"]` : '';
    await this.page.locator(`[data-testid="bulletin"]${which}[data-ready="true"]`).waitFor();
  }

  async shownMonth(): Promise<string> {
    return (await this.doc.getAttribute('data-month')) ?? '';
  }

  /** The figure a statistic card shows (its data-value, the number as the API gave it). */
  async count(key: CountKey): Promise<number> {
    return Number(await this.page.getByTestId(`bulletin-count-${key}`).getAttribute('data-value'));
  }

  /** The figure as the reader sees it on the card. */
  async countText(key: CountKey): Promise<string> {
    return this.page.getByTestId(`bulletin-count-${key}`).locator('.ant-statistic-content-value').innerText();
  }

  /** The activity kinds listed, with their counts. */
  async kindCounts(): Promise<Record<string, number>> {
    const rows = await this.kinds.evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind') ?? '', Number(e.getAttribute('data-count'))] as const));
    return Object.fromEntries(rows);
  }

  /** Click a download button: the file's HTTP answer and the file the browser saved. */
  async download(button: Locator, format: 'docx' | 'pdf'): Promise<{ response: Response; download: Download }> {
    const [response, download] = await Promise.all([
      this.page.waitForResponse((r) => {
        const url = new URL(r.url());
        return url.pathname === '/api/v1/reports/bulletin' && url.searchParams.get('format') === format;
      }),
      this.page.waitForEvent('download'),
      button.click(),
    ]);
    return { response, download };
  }
}
