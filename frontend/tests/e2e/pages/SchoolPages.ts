import type { Locator, Page } from 'playwright-core';
import { FormPage } from './FormPage';

export class SchoolListPage {
  readonly page: Page;
  readonly list: Locator;
  readonly createButton: Locator;
  readonly search: Locator;
  readonly exportButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('school-list');
    this.createButton = page.getByTestId('create-school');
    this.search = page.getByTestId('list-search').locator('input');
    this.exportButton = page.getByTestId('export-xlsx');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/schools${query}`);
    await this.list.waitFor();
  }

  /** Search the list. The box takes its value from the URL: typed while the previous search's page is
   *  still being applied, the text can be put back before Enter is pressed (seen on a busy CI machine),
   *  so the search is typed again, up to three times, until the URL carries it. */
  async searchFor(q: string): Promise<void> {
    const searched = new RegExp(`q=${encodeURIComponent(q)}`);
    for (let attempt = 1; ; attempt += 1) {
      await this.search.fill(q);
      await this.search.press('Enter');
      try {
        await this.page.waitForURL(searched, { timeout: 5_000 });
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }

  /** A table row or, on phones, a card containing the text. */
  entry(text: string): Locator {
    return this.list.locator('tr, [data-testid="list-card"]').filter({ hasText: text });
  }
}

export interface SchoolFields {
  code: string;
  name: string;
  stage: string;
  locale: string;
  region: string;
}

export class SchoolFormPage extends FormPage {
  constructor(page: Page) {
    super(page, 'school-form');
  }

  async gotoNew(): Promise<void> {
    await this.page.goto('/schools/new');
    await this.form.waitFor();
  }

  async fillSchool(f: SchoolFields): Promise<void> {
    await this.fill('code', f.code);
    await this.fill('name', f.name);
    await this.pick('stage', f.stage);
    await this.pick('locale', f.locale);
    await this.pick('region_id', f.region);
  }
}
