import type { Locator, Page } from 'playwright-core';

/** /my — the dispatched teacher's phone home. */
export class MobileHome {
  readonly page: Page;
  readonly root: Locator;
  readonly rotation: Locator;
  readonly status: Locator;
  readonly checkInButton: Locator;
  readonly queuedNote: Locator;
  readonly flaggedNote: Locator;
  readonly offlineBanner: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('my-home');
    this.rotation = page.getByTestId('my-rotation');
    this.status = page.getByTestId('today-status');
    this.checkInButton = page.getByTestId('checkin-button');
    this.queuedNote = page.getByTestId('checkin-queued');
    this.flaggedNote = page.getByTestId('checkin-flagged');
    this.offlineBanner = page.getByTestId('offline-banner');
  }

  async goto(): Promise<void> {
    await this.page.goto('/my');
    await this.status.waitFor();
  }

  /** Wait until today's status is `state` (checked_in, queued, not_yet, leave, no_school). */
  async waitForStatus(state: string, timeout = 15_000): Promise<void> {
    await this.page.locator(`[data-testid="today-status"][data-state="${state}"]`).waitFor({ timeout });
  }

  /** Today's status once loaded (checked_in, queued, not_yet, leave, no_school, not_running). */
  async settledStatus(): Promise<string> {
    const settled = this.page.locator('[data-testid="today-status"]:not([data-state="loading"])');
    await settled.waitFor();
    return (await settled.getAttribute('data-state')) ?? '';
  }

  shortcut(name: 'log-new' | 'logs' | 'leave' | 'attendance' | 'evaluation'): Locator {
    return this.page.getByTestId(`shortcut-${name}`);
  }

  /** The taps kept in localStorage, as the page sees them. */
  async queued(): Promise<{ tappedAt: string; latitude: number | null }[]> {
    return this.page.evaluate(() => JSON.parse(window.localStorage.getItem('pairing.checkinQueue') ?? '[]'));
  }
}

/** /my/log/new and /my/log/:id/edit */
export class MobileLogForm {
  readonly page: Page;
  readonly form: Locator;
  readonly description: Locator;
  readonly date: Locator;
  readonly morePeriods: Locator;
  readonly fewerPeriods: Locator;
  readonly periods: Locator;
  readonly photo: Locator;
  readonly save: Locator;

  constructor(page: Page) {
    this.page = page;
    this.form = page.getByTestId('log-form');
    this.description = this.form.locator('#description');
    this.date = this.form.locator('#date');
    this.morePeriods = this.form.getByRole('button', { name: /增加一节|One more/ });
    this.fewerPeriods = this.form.getByRole('button', { name: /减少一节|One fewer/ });
    this.periods = page.getByTestId('log-periods-value');
    this.photo = page.getByTestId('log-photo-input');
    this.save = page.getByTestId('log-save');
  }

  kind(kind: string): Locator {
    return this.page.getByTestId(`log-kind-${kind}`);
  }
}

/** /my/logs */
export class MobileLogList {
  readonly page: Page;
  readonly root: Locator;
  readonly entries: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('log-list-page');
    this.entries = page.getByTestId('log-entry');
  }

  entry(text: string): Locator {
    return this.entries.filter({ hasText: text });
  }
}

/** /my/leave */
export class MobileLeavePage {
  readonly page: Page;
  readonly form: Locator;
  readonly start: Locator;
  readonly end: Locator;
  readonly reason: Locator;
  readonly submit: Locator;
  readonly entries: Locator;

  constructor(page: Page) {
    this.page = page;
    this.form = page.getByTestId('leave-form');
    this.start = this.form.locator('#start_date');
    this.end = this.form.locator('#end_date');
    this.reason = this.form.locator('#reason');
    this.submit = page.getByTestId('leave-submit');
    this.entries = page.getByTestId('leave-entry');
  }

  entry(reason: string): Locator {
    return this.entries.filter({ hasText: reason });
  }
}

/** /my/attendance */
export class MobileAttendancePage {
  readonly page: Page;
  readonly month: Locator;
  readonly previous: Locator;
  readonly next: Locator;
  readonly days: Locator;

  constructor(page: Page) {
    this.page = page;
    this.month = page.getByTestId('attendance-month');
    this.previous = page.getByTestId('month-previous');
    this.next = page.getByTestId('month-next');
    this.days = page.getByTestId('attendance-day');
  }

  count(name: 'expected' | 'present' | 'leave' | 'absent'): Locator {
    return this.page.getByTestId(`attendance-${name}`).locator('b');
  }

  day(date: string): Locator {
    return this.page.locator(`[data-testid="attendance-day"][data-date="${date}"]`);
  }
}
