import { settled } from '../support/browser';
import type { Locator, Page } from 'playwright-core';
import { FormPage } from './FormPage';

export class AgreementListPage {
  readonly page: Page;
  readonly list: Locator;
  readonly createButton: Locator;
  readonly waitingAlert: Locator;
  readonly waitingToggle: Locator;
  readonly search: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('agreement-list');
    this.createButton = page.getByTestId('create-agreement');
    this.waitingAlert = page.getByTestId('waiting-alert');
    this.waitingToggle = page.getByTestId('waiting-toggle');
    this.search = page.getByTestId('list-search').locator('input');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/agreements${query}`);
    await this.list.waitFor();
  }

  /** A table row or, on phones, a card containing the text. */
  entry(text: string): Locator {
    return this.list.locator('tr, [data-testid="list-card"]').filter({ hasText: text });
  }
}

export interface AgreementFields {
  receivingSchoolSearch: string;
  receivingSchool: string;
  title: string;
  start: string;
  end: string;
  area: string;
  commitments: string;
}

export class AgreementFormPage extends FormPage {
  constructor(page: Page) {
    super(page, 'agreement-form');
  }

  async gotoNew(): Promise<void> {
    await this.page.goto('/agreements/new');
    await this.form.waitFor();
  }

  /** Search a school picker and choose the option. */
  async pickSchool(name: string, search: string, option: string): Promise<void> {
    await this.field(name).click();
    await this.field(name).fill(search);
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option })
      .first()
      .click();
  }

  async period(start: string, end: string): Promise<void> {
    const inputs = this.form.locator('.ant-form-item').filter({ has: this.page.locator('#period') }).locator('input');
    await inputs.nth(0).click();
    await inputs.nth(0).fill(start);
    await inputs.nth(1).click();
    await inputs.nth(1).fill(end);
    await inputs.nth(1).press('Tab');
  }

  async check(label: string): Promise<void> {
    await this.form.locator('.ant-checkbox-wrapper').filter({ hasText: label }).first().click();
  }

  async fillAgreement(f: AgreementFields): Promise<void> {
    await this.pickSchool('receiving_school_id', f.receivingSchoolSearch, f.receivingSchool);
    await this.fill('title', f.title);
    await this.period(f.start, f.end);
    await this.check(f.area);
    await this.fill('commitments', f.commitments);
  }
}

export class AgreementDetailPage {
  readonly page: Page;
  readonly status: Locator;
  readonly overview: Locator;
  readonly waitingFor: Locator;
  readonly timeline: Locator;
  readonly transitionOk: Locator;
  readonly transitionForm: Locator;

  constructor(page: Page) {
    this.page = page;
    this.status = page.locator('.page-header [data-testid="status-tag"]');
    this.overview = page.getByTestId('agreement-overview');
    this.waitingFor = page.getByTestId('waiting-for');
    this.timeline = page.getByTestId('agreement-timeline');
    this.transitionOk = page.getByTestId('transition-ok');
    this.transitionForm = page.getByTestId('transition-form');
  }

  async goto(id: number): Promise<void> {
    await this.page.goto(`/agreements/${id}`);
    await this.page.locator('.page-header, .ant-result').first().waitFor();
  }

  /** The id in the current /agreements/{id} URL. */
  idFromUrl(): number {
    const m = /\/agreements\/(\d+)/.exec(new URL(this.page.url()).pathname);
    if (!m) throw new Error(`not an agreement page: ${this.page.url()}`);
    return Number(m[1]);
  }

  action(name: string): Locator {
    return this.page.getByTestId(`action-${name}`);
  }

  /** All signing-step buttons shown in the header. */
  actions(): Locator {
    return this.page.locator('.page-header [data-testid^="action-"]');
  }

  async waitForStatus(status: string): Promise<void> {
    await this.page.locator(`.page-header [data-testid="status-tag"][data-status="${status}"]`).waitFor();
  }

  /** Take a signing step through its confirmation dialog and wait for the new status. */
  async take(action: string, nextStatus: string, comment = ''): Promise<void> {
    await this.action(action).click();
    await this.transitionOk.waitFor();
    await settled(this.page);
    if (comment) await this.transitionForm.locator('#comment').fill(comment);
    await this.transitionOk.click();
    await this.waitForStatus(nextStatus);
  }

  async openTab(key: string): Promise<void> {
    await this.page.getByTestId(`tab-${key}`).click();
  }
}

/** The "documents" tab of an agreement: signed texts and photos. */
export class AgreementDocumentsTab {
  readonly page: Page;
  readonly list: Locator;
  readonly uploadButton: Locator;
  readonly form: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('attachment-list');
    this.uploadButton = page.getByTestId('attachment-add').first();
    this.form = page.getByTestId('attachment-form');
  }

  item(filename: string): Locator {
    return this.list.getByTestId('attachment-item').filter({ hasText: filename });
  }

  /** Pick a file in the open upload dialog (without uploading it yet). */
  async pick(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.form.locator('input[type="file"]').setInputFiles(file);
  }

  /** Open the upload dialog, pick the file, describe it and upload; waits for it to be listed. */
  async upload(file: { name: string; mimeType: string; buffer: Buffer }, description: string): Promise<void> {
    await this.uploadButton.click();
    await this.form.waitFor();
    await this.pick(file);
    await this.form.locator('#description').fill(description);
    await settled(this.page);
    await this.page.locator('.ant-modal-footer .ant-btn-primary').click();
    await this.item(file.name).waitFor();
  }

  /** Delete through the confirmation (its OK button is the last one); waits until it is gone. */
  async remove(filename: string): Promise<void> {
    await this.item(filename).getByTestId('attachment-delete').click();
    await this.page.locator('.ant-popconfirm:visible .ant-popconfirm-buttons button').last().click();
    await this.item(filename).waitFor({ state: 'detached' });
  }
}
