import type { Locator, Page } from 'playwright-core';

/** Helpers for an Ant Design form found by its data-testid; fields by their name (= input id). */
export class FormPage {
  readonly page: Page;
  readonly form: Locator;
  readonly submit: Locator;

  constructor(page: Page, testId: string) {
    this.page = page;
    this.form = page.getByTestId(testId);
    this.submit = page.getByTestId('submit');
  }

  field(name: string): Locator {
    return this.form.locator(`#${name}`);
  }

  async fill(name: string, value: string): Promise<void> {
    await this.field(name).fill(value);
  }

  async pick(name: string, option: string): Promise<void> {
    await this.field(name).click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option })
      .first()
      .click();
  }

  async date(name: string, isoDate: string): Promise<void> {
    await this.field(name).click();
    await this.field(name).fill(isoDate);
    // Tab commits the typed date and closes the picker (Enter would also submit the form)
    await this.field(name).press('Tab');
  }

  fieldError(name: string): Locator {
    return this.form
      .locator('.ant-form-item')
      .filter({ has: this.page.locator(`#${name}`) })
      .locator('.ant-form-item-explain-error');
  }
}
