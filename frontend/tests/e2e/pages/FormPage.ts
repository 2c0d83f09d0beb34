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

  /** Open a select and choose an option. A dropdown that closes or moves while it opens (a row added
   *  above it, a re-render) is reopened, up to three times, rather than waited on for ever. */
  async pick(name: string, option: string): Promise<void> {
    const choice = this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option })
      .first();
    for (let attempt = 1; ; attempt += 1) {
      await this.field(name).click();
      try {
        await choice.click({ timeout: 5_000 });
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  async date(name: string, isoDate: string): Promise<void> {
    await this.field(name).click();
    await this.field(name).fill(isoDate);
    // Tab commits the typed date and closes the picker (Enter would also submit the form)
    await this.field(name).press('Tab');
  }

  /** The form item (label, control, messages) around a field. */
  item(name: string): Locator {
    return this.form.locator('.ant-form-item').filter({ has: this.page.locator(`#${name}`) });
  }

  fieldError(name: string): Locator {
    return this.item(name).locator('.ant-form-item-explain-error');
  }
}
