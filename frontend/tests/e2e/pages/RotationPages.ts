import type { Locator, Page } from 'playwright-core';
import { settled } from '../support/browser';
import { FormPage } from './FormPage';

/** /rotations: the list (table on desktop, cards on phones) with the bureau's "approve selected". */
export class RotationListPage {
  readonly page: Page;
  readonly list: Locator;
  readonly createButton: Locator;
  readonly bulkApprove: Locator;
  readonly bulkOk: Locator;
  readonly bulkSummary: Locator;
  readonly bulkClose: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('rotation-list');
    this.createButton = page.getByTestId('create-rotation');
    this.bulkApprove = page.getByTestId('bulk-approve');
    this.bulkOk = page.getByTestId('bulk-approve-ok');
    this.bulkSummary = page.getByTestId('bulk-summary');
    this.bulkClose = page.getByTestId('bulk-close');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/rotations${query}`);
    await this.list.waitFor();
  }

  /** A table row or, on phones, a card containing the text. */
  entry(text: string): Locator {
    return this.list.locator('tr.ant-table-row, [data-testid="list-card"]').filter({ hasText: text });
  }

  /** Tick an entry's checkbox. */
  async select(text: string): Promise<void> {
    await this.entry(text).first().getByTestId('row-select').check();
  }

  /** "Approve selected": confirm, wait until every one has been tried, and return the summary counts. */
  async approveSelected(): Promise<{ ok: number; failed: number }> {
    await this.bulkApprove.click();
    await this.bulkOk.waitFor();
    await settled(this.page);
    await this.bulkOk.click();
    await this.bulkSummary.waitFor();
    const ok = Number(await this.bulkSummary.getAttribute('data-ok'));
    const failed = Number(await this.bulkSummary.getAttribute('data-failed'));
    return { ok, failed };
  }
}

/** /rotations/new: one plan for several teachers. */
export class RotationFormPage extends FormPage {
  constructor(page: Page) {
    super(page, 'rotation-form');
  }

  async gotoNew(): Promise<void> {
    await this.page.goto('/rotations/new');
    await this.form.waitFor();
  }

  /** Search a picker (school, teachers) and choose the option. */
  async searchAndPick(name: string, search: string, option: string): Promise<void> {
    await this.field(name).click();
    await this.field(name).fill(search);
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
  }

  async pickTeachers(names: readonly string[]): Promise<void> {
    for (const n of names) {
      await this.searchAndPick('teacher_ids', n, n);
      // the picked name shows as a tag in the picker
      await this.form.locator('.ant-select-selection-item').filter({ hasText: n }).first().waitFor();
    }
    await this.page.keyboard.press('Escape');
  }

  async term(label: string): Promise<void> {
    await this.form.locator('.ant-radio-button-wrapper').filter({ hasText: label }).click();
  }

  /** The direction radio of a value ("dispatch" / "training"). */
  direction(value: string): Locator {
    return this.form.locator(`.ant-form-item:has(#direction) input[type="radio"][value="${value}"]`);
  }
}

/** /rotations/:id with its tabs. */
export class RotationDetailPage {
  readonly page: Page;
  readonly status: Locator;
  readonly overview: Locator;
  readonly stepOk: Locator;
  readonly stepForm: Locator;

  constructor(page: Page) {
    this.page = page;
    this.status = page.locator('.page-header [data-testid="rotation-status"]');
    this.overview = page.getByTestId('rotation-overview');
    // a page may hold more than one step dialog (the rotation's, a leave's): use the open one
    this.stepOk = page.locator('[data-testid="step-ok"]:visible');
    this.stepForm = page.locator('.ant-modal:visible [data-testid="step-form"]');
  }

  async goto(id: number, tab?: string): Promise<void> {
    await this.page.goto(`/rotations/${id}${tab ? `?tab=${tab}` : ''}`);
    await this.page.locator('.page-header, .ant-result').first().waitFor();
  }

  idFromUrl(): number {
    const m = /\/rotations\/(\d+)/.exec(new URL(this.page.url()).pathname);
    if (!m) throw new Error(`not a rotation page: ${this.page.url()}`);
    return Number(m[1]);
  }

  async waitForStatus(status: string): Promise<void> {
    await this.page.locator(`.page-header [data-testid="rotation-status"][data-status="${status}"]`).waitFor();
  }

  action(name: string): Locator {
    return this.page.getByTestId(`action-${name}`);
  }

  /** Open a tab; on a phone the tab may sit in the "more" menu. */
  async openTab(key: string): Promise<void> {
    const tab = this.page.getByTestId(`tab-${key}`);
    if (await tab.isVisible()) {
      await tab.click();
    } else {
      await this.page.locator('.ant-tabs-nav-more').click();
      await this.page.locator('.ant-tabs-dropdown:visible .ant-tabs-dropdown-menu-item').filter({ has: this.page.getByTestId(`tab-${key}`) }).click();
    }
    await this.page.waitForURL(new RegExp(`tab=${key}`));
  }

  /** Confirm the open step dialog (with a comment when given) and wait for it to close. */
  async confirmStep(comment = ''): Promise<void> {
    await this.stepOk.waitFor();
    await settled(this.page);
    if (comment) await this.stepForm.locator('#comment').fill(comment);
    await this.stepOk.click();
    await this.stepOk.waitFor({ state: 'hidden' });
  }
}

/** The leave tab: one request per item. */
export class LeavesTab {
  readonly page: Page;
  readonly list: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('leave-list');
  }

  item(text: string): Locator {
    return this.list.getByTestId('leave-item').filter({ hasText: text });
  }
}

/** The evaluation tab: the host school's form, then the server's result. */
export class EvaluationTab extends FormPage {
  readonly result: Locator;
  readonly total: Locator;
  readonly grade: Locator;
  readonly submitButton: Locator;
  readonly submitOk: Locator;

  constructor(page: Page) {
    super(page, 'evaluation-form');
    this.result = page.getByTestId('evaluation-result');
    this.total = page.getByTestId('evaluation-total');
    this.grade = page.getByTestId('evaluation-grade');
    this.submitButton = page.getByTestId('evaluation-submit');
    this.submitOk = page.getByTestId('evaluation-submit-ok');
  }

  async score(criterion: string, value: number): Promise<void> {
    await this.field(criterion).fill(String(value));
  }

  /** Submit (it asks first: submitting is final) and wait for the read-only result. */
  async submitFinal(): Promise<void> {
    await this.submitButton.click();
    await this.submitOk.waitFor();
    await settled(this.page);
    await this.submitOk.click();
    await this.result.waitFor();
  }
}
