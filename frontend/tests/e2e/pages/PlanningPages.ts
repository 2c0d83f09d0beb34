import type { Locator, Page, Response } from 'playwright-core';
import { settled } from '../support/browser';
import { FormPage } from './FormPage';

/** Choose an option of the drop-down open on the page (reopening the select when it closed meanwhile). */
async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  const choice = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first();
  for (let attempt = 1; ; attempt += 1) {
    await select.click();
    try {
      await choice.click({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** Wait until no select or auto-complete list is open (or still closing) on the page. */
async function noDropdownOpen(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.ant-select-dropdown')].every(
      (d) => d.classList.contains('ant-select-dropdown-hidden') || !(d as HTMLElement).offsetParent,
    ),
  );
  await settled(page);
}

/** /needs: the staffing needs (table on desktop, cards on phones) and the record dialog. */
export class NeedListPage {
  readonly page: Page;
  readonly list: Locator;
  readonly createButton: Locator;
  readonly form: FormPage;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('need-list');
    // the header's button (an empty list repeats it)
    this.createButton = page.getByTestId('create-need').first();
    this.form = new FormPage(page, 'need-form');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/needs${query}`);
    await this.list.waitFor();
  }

  entry(text: string): Locator {
    return this.list.locator('tr.ant-table-row, [data-testid="list-card"]').filter({ hasText: text });
  }

  /** Open the record dialog and wait until it can be used. */
  async openNew(): Promise<void> {
    await this.createButton.click();
    await this.form.form.waitFor();
    await settled(this.page);
  }

  /** Type the subject, then close its suggestions (a click on the dialog's title; Escape would close the
   *  dialog) and wait until they are gone: on a busy machine the list could still lie over the dialog's
   *  OK button when it is clicked, and the click never reach it. */
  async subject(text: string): Promise<void> {
    await this.form.fill('subject', text);
    await this.page.locator('.ant-modal-title').click();
    await noDropdownOpen(this.page);
  }

  /** Search the school picker and choose `option` among the search's results. Clicked in the first page of
   *  schools shown before the search answers, the option could be replaced under the pointer and nothing
   *  be chosen (the dialog then refuses to save): so wait for the results, and check the choice. */
  async pickSchool(search: string, option: string): Promise<void> {
    const field = this.form.field('school_id');
    const options = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    for (let attempt = 1; ; attempt += 1) {
      await field.click();
      await field.fill(search);
      try {
        await this.page.waitForFunction(
          (text) => {
            const shown = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')];
            return shown.length > 0 && shown.every((o) => (o.textContent ?? '').includes(text));
          },
          search,
          { timeout: 5_000 },
        );
        await options.filter({ hasText: option }).first().click({ timeout: 5_000 });
        await this.form.item('school_id').locator('.ant-select-content-has-value').filter({ hasText: option }).waitFor({ timeout: 5_000 });
        await noDropdownOpen(this.page);
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        await this.page.locator('.ant-modal-title').click();
      }
    }
  }

  async priority(label: string): Promise<void> {
    await this.form.form.locator('.ant-radio-wrapper').filter({ hasText: label }).click();
  }

  /** The dialog's OK ("创建"), waiting for the POST's answer. */
  async save(): Promise<Response> {
    const ok = this.page.locator('.ant-modal').filter({ has: this.form.form }).locator('.ant-modal-footer .ant-btn-primary');
    const [answer] = await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/api/v1/needs') && r.request().method() === 'POST'),
      ok.click(),
    ]);
    return answer;
  }
}

/** /planning/supply: the available teachers, marking one unavailable and clearing the mark. */
export class SupplyPage {
  readonly page: Page;
  readonly list: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('supply-list');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/planning/supply${query}`);
    await this.list.waitFor();
  }

  entry(text: string): Locator {
    return this.list.locator('tr.ant-table-row, [data-testid="list-card"]').filter({ hasText: text });
  }
}

/** /planning: the proposals and the "propose a plan" dialog. */
export class ProposalListPage {
  readonly page: Page;
  readonly list: Locator;
  readonly createButton: Locator;
  readonly form: FormPage;
  readonly ok: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('proposal-list');
    // the header's button (an empty list repeats it)
    this.createButton = page.getByTestId('create-proposal').first();
    this.form = new FormPage(page, 'propose-form');
    this.ok = page.getByTestId('propose-ok');
  }

  async goto(): Promise<void> {
    await this.page.goto('/planning');
    await this.list.waitFor();
  }

  /** Open "生成方案" and wait until the dialog can be used. */
  async openPropose(): Promise<void> {
    await this.createButton.click();
    await this.form.form.waitFor();
    await settled(this.page);
  }

  /** Solve: the POST's answer is the proposal. */
  async solve(): Promise<Response> {
    const [answer] = await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/api/v1/planning/proposals') && r.request().method() === 'POST'),
      this.ok.click(),
    ]);
    return answer;
  }
}

/** /planning/:id: the review of one plan. */
export class ProposalPage {
  readonly page: Page;
  readonly root: Locator;
  readonly assignments: Locator;
  readonly editsAlert: Locator;
  readonly saveButton: Locator;
  readonly problems: Locator;
  readonly acceptButton: Locator;
  readonly acceptOk: Locator;
  readonly acceptText: Locator;
  readonly acceptedAlert: Locator;
  readonly acceptedLink: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('proposal-page');
    this.assignments = page.getByTestId('assignment-table').locator('tr[data-testid="assignment-row"]');
    this.editsAlert = page.getByTestId('edits-alert');
    this.saveButton = page.getByTestId('save-edits');
    this.problems = page.getByTestId('problems-alert').getByTestId('problem-item');
    this.acceptButton = page.getByTestId('accept-proposal');
    this.acceptOk = page.getByTestId('accept-ok');
    this.acceptText = page.getByTestId('accept-confirm-text');
    this.acceptedAlert = page.getByTestId('accepted-alert');
    this.acceptedLink = page.getByTestId('accepted-link');
  }

  async goto(id: number, query = ''): Promise<void> {
    await this.page.goto(`/planning/${id}${query}`);
    await this.root.waitFor();
  }

  total(key: string): Locator {
    return this.page.getByTestId(`total-${key}`).locator('.ant-statistic-content');
  }

  row(teacherId: number): Locator {
    return this.page.locator(`tr[data-testid="assignment-row"][data-teacher="${teacherId}"]`);
  }

  /** Move a teacher to the need whose option shows `option` (school · subject). */
  async move(teacherId: number, option: string): Promise<void> {
    await chooseOption(this.page, this.row(teacherId).getByTestId('assignment-need'), option);
  }

  async remove(teacherId: number): Promise<void> {
    await this.row(teacherId).getByTestId('assignment-remove').click();
  }

  /** "保存调整", waiting for the PATCH's answer. */
  async save(): Promise<Response> {
    const [answer] = await Promise.all([
      this.page.waitForResponse((r) => /\/api\/v1\/planning\/proposals\/\d+$/.test(r.url()) && r.request().method() === 'PATCH'),
      this.saveButton.click(),
    ]);
    return answer;
  }

  async openTab(key: 'assignments' | 'needs' | 'schools'): Promise<void> {
    await this.page.getByTestId(`tab-${key}`).click();
  }

  /** Open the confirmation of "采纳方案" (the plan must be acceptable). */
  async openAccept(): Promise<void> {
    await this.acceptButton.click();
    await this.acceptOk.waitFor();
    await settled(this.page);
  }

  async confirmAccept(): Promise<Response> {
    const [answer] = await Promise.all([
      this.page.waitForResponse((r) => /\/api\/v1\/planning\/proposals\/\d+\/accept$/.test(r.url())),
      this.acceptOk.click(),
    ]);
    return answer;
  }
}
