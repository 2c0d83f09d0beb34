import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, hasHorizontalOverflow } from './support/browser';
import { sessionAs } from './support/session';
import { AgreementListPage } from './pages/AgreementPages';
import {
  ActionItemForm,
  AgreementMeetingsTab,
  CompliancePage,
  MeetingDetailPage,
  MeetingPlanForm,
  MeetingRecordForm,
  MeetingsPage,
} from './pages/MeetingPages';

// The demo pair 城关中学 (YX003, supporting) — 三元中学 (YX004, receiving) is in force. Each run
// schedules its own meeting with a unique agenda, so reruns on one database never collide.
const PAIR = '城关中学—三元中学结对帮扶协议';
const stamp = Date.now();
const agenda = `E2E例会议程-${stamp}`;
const itemText = `E2E跟进事项-${stamp}`;

function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
const today = new Date();
const todayIso = isoDate(today);
const inAMonth = isoDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 30));
// the school year a date falls in starts on 1 September
const schoolYear = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;

afterAll(closeBrowser);

describe('regular meetings (例会)', () => {
  let meetingId = 0;

  it('the supporting school schedules a meeting, records it as held and adds a follow-up item', async () => {
    const s = await sessionAs('admin_YX003');
    try {
      const agreements = new AgreementListPage(s.page);
      await agreements.goto();
      await agreements.entry(PAIR).first().click();
      await s.page.waitForURL(/\/agreements\/\d+$/);
      await s.page.getByTestId('tab-meetings').click();
      const tab = new AgreementMeetingsTab(s.page);
      await tab.list.waitFor();

      await tab.scheduleButton.click();
      const plan = new MeetingPlanForm(s.page);
      await plan.form.waitFor();
      await plan.fillPlan({ date: todayIso, location: '城关中学会议室', agenda });
      await plan.save();

      // the new meeting opens
      await s.page.waitForURL(/\/meetings\/\d+$/);
      const detail = new MeetingDetailPage(s.page);
      meetingId = detail.idFromUrl();
      await detail.waitForStatus('planned');
      expect(await detail.agenda.innerText()).toContain(agenda);

      await detail.recordButton.click();
      await s.page.waitForURL(/\/meetings\/\d+\/record$/);
      const record = new MeetingRecordForm(s.page);
      await record.form.waitFor();
      await record.date('held_date', todayIso);
      await record.attendee(0, { name: '城关中学王校长', school: '城关中学', role: '校长' });
      await record.attendee(1, { name: '三元中学李校长', school: '三元中学', role: '校长' });
      expect(await record.rows().count()).toBe(2);
      // raw HTML in the minutes is shown as text, never run
      await record.fill(
        'minutes',
        `## 会议纪要 ${stamp}\n- 双方回顾了本学期帮扶情况\n- **确定**送课安排\n\n<script>window.__pwned = 1</script>\n<img src=x onerror="window.__pwned = 2">`,
      );
      const preview = await record.preview();
      await preview.locator('h2').filter({ hasText: `会议纪要 ${stamp}` }).waitFor();
      expect(await preview.locator('script, img').count()).toBe(0);
      await record.write();
      await record.fill('decisions', '十二月起每月送课一次。');
      await record.submit.click();

      await s.page.waitForURL(new RegExp(`/meetings/${meetingId}$`));
      await detail.waitForStatus('held');
      await detail.waitForMinutes('draft');
      expect(await detail.waitingFor.innerText()).toContain('受援学校');
      await detail.minutes.locator('h2').filter({ hasText: `会议纪要 ${stamp}` }).waitFor();
      expect(await detail.minutes.locator('script, img').count()).toBe(0);
      expect(await s.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      const attendees = await detail.attendees.innerText();
      expect(attendees).toContain('城关中学王校长');
      expect(attendees).toContain('三元中学李校长');
      // the recording school does not confirm its own minutes
      expect(await detail.minutesAction('confirm_minutes').count()).toBe(0);

      await detail.addItemButton.click();
      const item = new ActionItemForm(s.page);
      await item.form.waitFor();
      await item.fill('description', itemText);
      await item.owner('三元中学');
      await item.fill('owner_name', '教务处');
      await item.date('due_date', inAMonth);
      await item.save();
      await detail.item(itemText).waitFor();
      expect(await detail.item(itemText).getAttribute('data-status')).toBe('open');
    } finally {
      await s.close();
    }
  });

  it('the receiving school confirms the minutes: final, with the PDF for the archive', async () => {
    expect(meetingId).toBeGreaterThan(0);
    const s = await sessionAs('admin_YX004');
    try {
      const detail = new MeetingDetailPage(s.page);
      await detail.goto(meetingId);
      await detail.waitForMinutes('draft');
      expect(await detail.pdfButton.count()).toBe(0);
      await detail.takeMinutesAction('confirm_minutes');
      await detail.waitForMinutes('final');
      await detail.pdfButton.waitFor();
      expect(await detail.minutesAction('confirm_minutes').count()).toBe(0);
      // the record is locked now
      expect(await s.page.getByTestId('meeting-edit-record').count()).toBe(0);

      const [download] = await Promise.all([s.page.waitForEvent('download'), detail.pdfButton.click()]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const path = await download.path();
      const bytes = await readFile(path);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

      // the owner school marks the follow-up item done
      await detail.item(itemText).getByTestId('action-item-done').click();
      await s.page.locator(`[data-testid="action-item"][data-status="done"]`).filter({ hasText: itemText }).waitFor();

      // printing gives one A4 page without the app shell
      await s.page.emulateMedia({ media: 'print' });
      expect(await s.page.locator('.ant-layout-header').isVisible()).toBe(false);
      expect(await detail.pdfButton.isVisible()).toBe(false);
      const pdf = await s.page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
      expect(pages.length).toBe(1);
      await s.page.emulateMedia({ media: 'screen' });
    } finally {
      await s.close();
    }
  });

  it('the bureau finds the meeting in the list and sees the pair on the compliance page', async () => {
    const s = await sessionAs('bureau');
    try {
      const meetings = new MeetingsPage(s.page);
      await meetings.gotoCalendar(todayIso.slice(0, 7));
      expect(await meetings.calendar.getByTestId('calendar-meeting').count()).toBeGreaterThan(0);
      await meetings.showList();
      await meetings.searchFor(agenda);
      // the search (agenda) finds this run's meeting only
      await expect.poll(() => meetings.rowKeys(), { timeout: 10_000 }).toEqual([String(meetingId)]);
      expect(await meetings.row(meetingId).innerText()).toContain(PAIR);
      await meetings.row(meetingId).click();
      await s.page.waitForURL(new RegExp(`/meetings/${meetingId}$`));

      const compliance = new CompliancePage(s.page);
      await compliance.goto(schoolYear);
      await compliance.summary.waitFor();
      const tag = compliance.row(PAIR).first().getByTestId('compliance-status');
      await tag.waitFor();
      expect(['compliant', 'at_risk', 'non_compliant']).toContain(await tag.getAttribute('data-status'));
    } finally {
      await s.close();
    }
  });

  it('a school admin of another school gets "not found"', async () => {
    const s = await sessionAs('admin_YX013');
    try {
      await s.page.goto(`/meetings/${meetingId}`);
      await s.page.locator('.ant-result-404').waitFor();
      expect(await s.page.getByTestId('meeting-status').count()).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('the meeting page and the calendar fit a 360-px phone', async () => {
    const s = await sessionAs('admin_YX003', { width: 360, height: 740 });
    try {
      const detail = new MeetingDetailPage(s.page);
      await detail.goto(meetingId);
      await detail.waitForStatus('held');
      await detail.minutes.waitFor();
      await detail.item(itemText).waitFor();
      expect(await hasHorizontalOverflow(s.page)).toBe(false);

      const meetings = new MeetingsPage(s.page);
      await meetings.gotoCalendar(todayIso.slice(0, 7));
      await s.page.getByTestId('calendar-month-list').getByTestId('list-card').first().waitFor();
      expect(await hasHorizontalOverflow(s.page)).toBe(false);
    } finally {
      await s.close();
    }
  });
});
