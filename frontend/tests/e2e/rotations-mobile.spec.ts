// The dispatched teacher's phone screens on a 360 × 740 phone in China (Asia/Shanghai), with the
// location granted at the home school — about 15 km from the host school 梓园小学.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeBrowser, hasHorizontalOverflow, newSession, type Session } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { MobileAttendancePage, MobileHome, MobileLeavePage, MobileLogForm, MobileLogList } from './pages/MobilePages';

const PHONE = { width: 360, height: 740 };
const TIME_ZONE = 'Asia/Shanghai';
const HOME_SCHOOL = { latitude: 33.65, longitude: 116.98 }; // 云溪县实验小学

/** A 1 × 1 PNG: a real image the server accepts by its content. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function dayInChina(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

let s: Session;
beforeEach(async () => {
  s = await newSession(PHONE, {
    timezoneId: TIME_ZONE,
    permissions: ['geolocation'],
    geolocation: HOME_SCHOOL,
  });
  await new LoginPage(s.page).loginAs('teacher');
});
afterEach(async () => {
  await s.close();
});
afterAll(closeBrowser);

describe("the dispatched teacher's phone", () => {
  it('lands on /my; a check-in tapped offline is queued, then sent once online', async () => {
    const home = new MobileHome(s.page);
    await s.page.waitForURL(/\/my$/);
    await home.status.waitFor();
    expect(await home.rotation.innerText()).toContain('梓园小学');
    // the demo teacher has not checked in today (a weekend day says "no school" but still offers it)
    expect(['not_yet', 'no_school']).toContain(await home.settledStatus());
    const box = await home.checkInButton.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(56);
    expect(box?.width ?? 0).toBeGreaterThan(300);
    expect(await hasHorizontalOverflow(s.page)).toBe(false);

    await s.context.setOffline(true);
    await home.offlineBanner.waitFor();
    await home.checkInButton.click();
    await home.waitForStatus('queued');
    await home.queuedNote.waitFor();
    const queued = await home.queued();
    expect(queued).toHaveLength(1);
    expect(queued[0].tappedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(queued[0].latitude).toBe(HOME_SCHOOL.latitude);
    expect(await home.checkInButton.count()).toBe(0);
    expect(await hasHorizontalOverflow(s.page)).toBe(false);

    await s.context.setOffline(false);
    // within 15 s: the 'online' event sends it (the periodic retry would come only after 30 s)
    await home.waitForStatus('checked_in', 15_000);
    // recorded with the time of the tap, and flagged as far from the host school
    expect(await home.status.innerText()).toContain(queued[0].tappedAt.slice(11, 16));
    await home.flaggedNote.waitFor();
    expect(await home.queued()).toHaveLength(0);

    // the server has it: a reload still shows it
    await s.page.reload();
    await home.waitForStatus('checked_in');
    expect(await home.status.innerText()).toContain(queued[0].tappedAt.slice(11, 16));
    expect(await home.checkInButton.count()).toBe(0);
  });

  it('writes a log entry with a photo and sees it first in the log', async () => {
    const home = new MobileHome(s.page);
    await home.status.waitFor();
    await home.shortcut('log-new').click();
    await s.page.waitForURL(/\/my\/log\/new$/);
    const form = new MobileLogForm(s.page);
    await form.form.waitFor();
    expect(await form.date.inputValue()).toBe(dayInChina());
    // shown as 2026-09-01 whatever the phone's own date format
    expect(await form.form.getByTestId('date-shown').innerText()).toMatch(new RegExp(`^${dayInChina()} `));
    await form.kind('open_class').click();
    expect(await form.kind('open_class').getAttribute('aria-pressed')).toBe('true');
    await form.morePeriods.click();
    expect(await form.periods.innerText()).toBe('2');
    const text = `公开课《圆的认识》 e2e ${Date.now()}`;
    await form.description.fill(text);
    await form.photo.setInputFiles({ name: 'board.png', mimeType: 'image/png', buffer: PNG });
    expect(await hasHorizontalOverflow(s.page)).toBe(false);
    await form.save.click();

    await s.page.waitForURL(/\/my\/logs$/);
    const list = new MobileLogList(s.page);
    const entry = list.entry(text);
    await entry.waitFor();
    expect(await list.entries.first().innerText()).toContain(text);
    const shown = await entry.innerText();
    expect(shown).toContain('公开课');
    expect(shown).toContain('2 节');
    expect(shown).toContain(dayInChina());
    // the photo was uploaded and comes back through the bearer-token fetch as a blob
    await entry.locator('[data-testid="log-thumb"] img[src^="blob:"]').waitFor();
    expect(await list.entries.count()).toBeGreaterThan(1); // the seeded entries are listed too
    expect(await hasHorizontalOverflow(s.page)).toBe(false);
  });

  it('asks for leave and sees the request pending', async () => {
    const home = new MobileHome(s.page);
    await home.status.waitFor();
    await home.shortcut('leave').click();
    const leave = new MobileLeavePage(s.page);
    await leave.form.waitFor();
    const day = dayInChina(1);
    const reason = `到县进修学校参加培训 e2e ${Date.now()}`;
    await leave.start.fill(day);
    await leave.end.fill(day);
    await leave.reason.fill(reason);
    await leave.submit.click();
    const entry = leave.entry(reason);
    await entry.waitFor();
    expect(await entry.getAttribute('data-status')).toBe('pending');
    expect(await entry.getByTestId('leave-status').innerText()).toBe('待审批');
    expect(await entry.innerText()).toContain(day);
    // the seeded request, decided by the host school
    expect(await s.page.locator('[data-testid="leave-entry"][data-status="approved"]').count()).toBeGreaterThan(0);
    expect(await hasHorizontalOverflow(s.page)).toBe(false);

    // the same days again overlap the pending request: refused, shown on the form
    await leave.start.fill(day);
    await leave.end.fill(day);
    await leave.reason.fill(`${reason} again`);
    await leave.submit.click();
    await leave.form.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await leave.entry(`${reason} again`).count()).toBe(0);
  });

  it("shows this month's attendance calendar, switches months and fits the phone", async () => {
    const home = new MobileHome(s.page);
    await home.status.waitFor();
    const today = await home.settledStatus();
    await home.shortcut('attendance').click();
    const page = new MobileAttendancePage(s.page);
    await page.month.waitFor();
    const month = dayInChina().slice(0, 7);
    expect(await page.month.innerText()).toBe(month);
    await page.day(dayInChina()).waitFor();
    // today's cell agrees with the home: present once checked in, else still open (or no school)
    const cellOf: Record<string, string> = { checked_in: 'present', not_yet: 'pending', no_school: 'no_school', leave: 'leave' };
    const expected = cellOf[today];
    expect(expected).toBeDefined();
    expect(await page.day(dayInChina()).getAttribute('data-state')).toBe(expected);
    expect(Number(await page.count('expected').innerText())).toBeGreaterThanOrEqual(0);
    expect(await hasHorizontalOverflow(s.page)).toBe(false);

    if (await page.previous.isEnabled()) {
      await page.previous.click();
      await page.month.filter({ hasNotText: month }).waitFor();
      expect(new URL(s.page.url()).searchParams.get('month')).toBe(await page.month.innerText());
      await s.page.locator('[data-testid="attendance-day"][data-state="present"]').first().waitFor();
      expect(Number(await page.count('present').innerText())).toBeGreaterThan(0);
    }
    expect(await hasHorizontalOverflow(s.page)).toBe(false);

    await s.page.goto('/my/evaluation');
    await s.page.locator('[data-testid="evaluation-card"], [data-testid="mobile-empty"]').first().waitFor();
    expect(await hasHorizontalOverflow(s.page)).toBe(false);
  });
});
