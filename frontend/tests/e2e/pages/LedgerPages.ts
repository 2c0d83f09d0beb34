import type { Locator, Page, Response } from 'playwright-core';
import { apiAnswer } from './RotationReportPages';

/** /activities or /donations: a county-wide ledger (a table, or cards on a phone). */
export class LedgerPage {
  readonly page: Page;
  readonly ledger: 'activities' | 'donations';
  readonly list: Locator;
  readonly kindFilter: Locator;
  readonly exportButton: Locator;

  constructor(page: Page, ledger: 'activities' | 'donations') {
    this.page = page;
    this.ledger = ledger;
    this.list = page.getByTestId(ledger === 'activities' ? 'activity-ledger' : 'donation-ledger');
    this.kindFilter = page.getByTestId('ledger-filter-kind');
    this.exportButton = page.getByTestId('export-xlsx');
  }

  /** Start waiting for the page's own GET of its list (before acting). */
  answer(): Promise<Response> {
    return apiAnswer(this.page, `/api/v1/${this.ledger}`);
  }

  async goto(query = ''): Promise<Response> {
    const answer = this.answer();
    await this.page.goto(`/${this.ledger}${query}`);
    const response = await answer;
    await this.list.waitFor();
    return response;
  }

  /** The rows shown: table rows on a desktop, cards on a phone. */
  get rows(): Locator {
    return this.list.locator('tr[data-row-key], [data-testid="list-card"]');
  }
}

/**
 * Where on a chart's canvas a bar of `rgb` is drawn, in CSS pixels from the canvas' top left: the
 * middle of the topmost bar wide and tall enough not to be a letter. Null while nothing is drawn.
 */
export async function barPoint(canvas: Locator, rgb: readonly [number, number, number]): Promise<{ x: number; y: number } | null> {
  return canvas.evaluate((el, [r, g, b]) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (!ctx || c.width === 0 || c.height === 0) return null;
    const { data, width, height } = ctx.getImageData(0, 0, c.width, c.height);
    const near = (x: number, y: number) => {
      const i = (y * width + x) * 4;
      return Math.abs(data[i] - r) < 10 && Math.abs(data[i + 1] - g) < 10 && Math.abs(data[i + 2] - b) < 10 && data[i + 3] > 200;
    };
    const scale = c.width / c.getBoundingClientRect().width;
    for (let y = 0; y < height; y += 1) {
      let run = 0;
      for (let x = 0; x < width; x += 1) {
        run = near(x, y) ? run + 1 : 0;
        if (run < 8 * scale) continue;
        const mid = x - Math.floor(run / 2);
        let bottom = y;
        while (bottom + 1 < height && near(mid, bottom + 1)) bottom += 1;
        if (bottom - y < 4 * scale) break;
        return { x: mid / scale, y: (y + bottom) / 2 / scale };
      }
    }
    return null;
  }, rgb);
}
