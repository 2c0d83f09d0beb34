import { settled } from '../support/browser';
import type { Locator, Page } from 'playwright-core';
import { FormPage } from './FormPage';

/** The agreement page's "meetings" tab. */
export class AgreementMeetingsTab {
  readonly page: Page;
  readonly list: Locator;
  readonly scheduleButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('meeting-list');
    this.scheduleButton = page.getByTestId('meeting-schedule').first();
  }

  async goto(agreementId: number): Promise<void> {
    await this.page.goto(`/agreements/${agreementId}?tab=meetings`);
    await this.list.waitFor();
  }
}

export interface MeetingPlan {
  date: string;
  location: string;
  agenda: string;
}

/** The schedule / edit-plan dialog. */
export class MeetingPlanForm extends FormPage {
  constructor(page: Page) {
    super(page, 'meeting-plan-form');
  }

  async fillPlan(p: MeetingPlan): Promise<void> {
    await this.date('scheduled_date', p.date);
    await this.fill('location', p.location);
    await this.fill('agenda', p.agenda);
  }

  async save(): Promise<void> {
    await settled(this.page);
    await this.page.locator('.ant-modal-footer .ant-btn-primary').click();
  }
}

export interface AttendeeFields {
  name: string;
  school: string;
  role: string;
}

/** /meetings/:id/record: record as held. */
export class MeetingRecordForm extends FormPage {
  readonly addAttendeeButton: Locator;

  constructor(page: Page) {
    super(page, 'meeting-record-form');
    this.addAttendeeButton = page.getByTestId('attendee-add');
  }

  rows(): Locator {
    return this.form.getByTestId('attendee-row');
  }

  /** Fill attendee row `index` (adding a row when needed); the school is one of the two parties. */
  async attendee(index: number, a: AttendeeFields): Promise<void> {
    if ((await this.rows().count()) <= index) await this.addAttendeeButton.click();
    await this.fill(`attendees_${index}_name`, a.name);
    await this.pick(`attendees_${index}_school_id`, a.school);
    await this.fill(`attendees_${index}_role`, a.role);
  }

  async preview(): Promise<Locator> {
    await this.page.getByTestId('minutes-preview-tab').click();
    const preview = this.page.getByTestId('minutes-preview');
    await preview.waitFor();
    return preview;
  }

  async write(): Promise<void> {
    await this.page.locator('.ant-segmented-item').filter({ hasText: /编辑|Write/ }).click();
  }
}

/** The follow-up item dialog. */
export class ActionItemForm extends FormPage {
  constructor(page: Page) {
    super(page, 'action-item-form');
  }

  async owner(school: string): Promise<void> {
    await this.form.locator('.ant-radio-wrapper').filter({ hasText: school }).click();
  }

  async save(): Promise<void> {
    await settled(this.page);
    await this.page.locator('.ant-modal-footer .ant-btn-primary').click();
  }
}

/** /meetings/:id */
export class MeetingDetailPage {
  readonly page: Page;
  readonly root: Locator;
  readonly status: Locator;
  readonly minutesStatus: Locator;
  readonly recordButton: Locator;
  readonly pdfButton: Locator;
  readonly addItemButton: Locator;
  readonly items: Locator;
  readonly minutes: Locator;
  readonly attendees: Locator;
  readonly agenda: Locator;
  readonly waitingFor: Locator;
  readonly minutesOk: Locator;
  readonly minutesForm: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('meeting-page');
    this.status = page.locator('.page-header [data-testid="meeting-status"]');
    this.minutesStatus = page.locator('.page-header [data-testid="minutes-status"]');
    this.recordButton = page.getByTestId('meeting-record');
    this.pdfButton = page.getByTestId('minutes-pdf');
    this.addItemButton = page.getByTestId('action-item-add');
    this.items = page.getByTestId('action-item-list').getByTestId('action-item');
    this.minutes = page.getByTestId('meeting-minutes');
    this.attendees = page.getByTestId('attendee-table');
    this.agenda = page.getByTestId('meeting-agenda');
    this.waitingFor = page.getByTestId('minutes-waiting-for');
    this.minutesOk = page.getByTestId('minutes-ok');
    this.minutesForm = page.getByTestId('minutes-form');
  }

  async goto(id: number): Promise<void> {
    await this.page.goto(`/meetings/${id}`);
    await this.page.locator('[data-testid="meeting-page"], .ant-result').first().waitFor();
  }

  idFromUrl(): number {
    const m = /\/meetings\/(\d+)/.exec(new URL(this.page.url()).pathname);
    if (!m) throw new Error(`not a meeting page: ${this.page.url()}`);
    return Number(m[1]);
  }

  async waitForStatus(status: string): Promise<void> {
    await this.page.locator(`.page-header [data-testid="meeting-status"][data-status="${status}"]`).waitFor();
  }

  async waitForMinutes(status: string): Promise<void> {
    await this.page.locator(`.page-header [data-testid="minutes-status"][data-status="${status}"]`).waitFor();
  }

  minutesAction(name: 'confirm_minutes' | 'return_minutes'): Locator {
    return this.page.getByTestId(`minutes-${name}`);
  }

  /** Take a minutes step through its dialog. */
  async takeMinutesAction(name: 'confirm_minutes' | 'return_minutes', comment = ''): Promise<void> {
    await this.minutesAction(name).click();
    await this.minutesOk.waitFor();
    await settled(this.page);
    if (comment) await this.minutesForm.locator('#comment').fill(comment);
    await this.minutesOk.click();
    // the dialog closes when done, or shows the server's refusal
    const error = this.page.getByTestId('minutes-error');
    await this.minutesOk.waitFor({ state: 'hidden' }).catch(() => undefined);
    if (await error.isVisible()) throw new Error(`minutes step refused: ${await error.innerText()}`);
  }

  item(text: string): Locator {
    return this.items.filter({ hasText: text });
  }
}

/** /meetings: the calendar and the list. */
export class MeetingsPage {
  readonly page: Page;
  readonly calendar: Locator;
  readonly list: Locator;
  readonly search: Locator;

  constructor(page: Page) {
    this.page = page;
    this.calendar = page.getByTestId('meeting-calendar');
    this.list = page.getByTestId('meeting-list');
    this.search = page.getByTestId('list-search').locator('input');
  }

  async gotoCalendar(month: string): Promise<void> {
    await this.page.goto(`/meetings?month=${month}`);
    await this.page.locator('[data-testid="meeting-calendar"][data-loading="false"]').waitFor();
  }

  async showList(): Promise<void> {
    await this.page.getByTestId('view-list').click();
    await this.list.waitFor();
  }

  async searchFor(q: string): Promise<void> {
    await this.search.fill(q);
    await this.search.press('Enter');
    await this.page.waitForURL(new RegExp(`q=${encodeURIComponent(q)}`));
  }

  /** The table rows (desktop) now shown, by meeting id. */
  rowKeys(): Promise<string[]> {
    return this.list.locator('tr[data-row-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key') ?? ''));
  }

  row(id: number): Locator {
    return this.list.locator(`tr[data-row-key="${id}"]`);
  }

  entry(text: string): Locator {
    return this.list.locator('tr, [data-testid="list-card"]').filter({ hasText: text });
  }
}

/** /compliance/meetings */
export class CompliancePage {
  readonly page: Page;
  readonly table: Locator;
  readonly summary: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = page.getByTestId('compliance-table');
    this.summary = page.getByTestId('compliance-summary');
  }

  async goto(schoolYear: number): Promise<void> {
    await this.page.goto(`/compliance/meetings?school_year=${schoolYear}`);
    await this.table.waitFor();
  }

  row(text: string): Locator {
    return this.table.locator('tr, [data-testid="list-card"]').filter({ hasText: text });
  }
}
