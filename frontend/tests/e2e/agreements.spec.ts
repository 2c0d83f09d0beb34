import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, hasHorizontalOverflow } from './support/browser';
import { sessionAs } from './support/session';
import { AppShell } from './pages/AppShell';
import { AgreementDetailPage, AgreementFormPage, AgreementListPage } from './pages/AgreementPages';

// Each run drafts its own agreement between 实验小学 (YX002) and 柳湾 (YX009), in a period far in the
// future derived from the clock, so reruns against the same database never overlap an earlier one.
const stamp = Math.floor(Date.now() / 1000);
const year = 2040 + 3 * (stamp % 2000);
const title = `E2E结对协议-${stamp}`;

afterAll(closeBrowser);

describe('agreement signing journey', () => {
  let id = 0;

  it('the supporting school drafts an agreement and submits it', async () => {
    const s = await sessionAs('admin_YX002');
    try {
      // school admins land on their own school; the agreements are one menu entry away
      await s.page.waitForURL(/\/school$/);
      await new AppShell(s.page).openMenuItem('menu-agreements');
      const list = new AgreementListPage(s.page);
      await list.list.waitFor();
      await list.createButton.click();
      const form = new AgreementFormPage(s.page);
      await form.form.waitFor();
      // their own school is preselected as the supporting side, the programme as the newest one
      await form.form.locator('.ant-form-item').filter({ has: s.page.locator('#supporting_school_id') }).getByText('实验小学').first().waitFor();
      await form.form.locator('.ant-form-item').filter({ has: s.page.locator('#programme_id') }).getByText('百校扶百校').first().waitFor();
      await form.fillAgreement({
        receivingSchoolSearch: '柳湾',
        receivingSchool: '柳湾九年一贯制学校',
        title,
        start: `${year}-09-01`,
        end: `${year + 3}-08-31`,
        area: '教育教学',
        commitments: '每学期送课下乡两次；每年接收两名教师跟岗学习。',
      });
      await form.submit.click();

      const detail = new AgreementDetailPage(s.page);
      await s.page.waitForURL(/\/agreements\/\d+$/);
      id = detail.idFromUrl();
      await detail.waitForStatus('draft');
      expect(await detail.overview.getByTestId('receiving-school').innerText()).toContain('柳湾九年一贯制学校');
      expect(await detail.overview.innerText()).toContain(`${year}-09-01 ~ ${year + 3}-08-31`);
      await detail.take('submit', 'submitted');
      expect(await detail.waitingFor.innerText()).toContain('等待受援学校确认');
      // nothing more for the supporting school to do now
      expect(await detail.actions().count()).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('the receiving school finds it waiting for them and confirms', async () => {
    expect(id).toBeGreaterThan(0);
    const s = await sessionAs('admin_YX009');
    try {
      // school admins land on /school; the agreements list says what waits for them
      const list = new AgreementListPage(s.page);
      await list.goto();
      await list.waitingAlert.waitFor();
      await s.page.getByTestId('waiting-show').click();
      await s.page.waitForURL(/waiting_for_me=true/);
      await list.entry(title).first().click();
      const detail = new AgreementDetailPage(s.page);
      await detail.waitForStatus('submitted');
      await detail.take('confirm', 'confirmed', '同意协议内容。');
      expect(await detail.waitingFor.innerText()).toContain('等待教育局审批');
    } finally {
      await s.close();
    }
  });

  it('a bureau viewer reads it but has no buttons', async () => {
    const s = await sessionAs('leader');
    try {
      const detail = new AgreementDetailPage(s.page);
      await detail.goto(id);
      await detail.waitForStatus('confirmed');
      expect(await detail.actions().count()).toBe(0);
      expect(await s.page.getByTestId('edit').count()).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('the bureau must give a reason to send it back, and approves it', async () => {
    const s = await sessionAs('bureau');
    try {
      const detail = new AgreementDetailPage(s.page);
      await detail.goto(id);
      await detail.waitForStatus('confirmed');
      // reject without a reason is refused on the comment field
      await detail.action('reject').click();
      await detail.transitionOk.click();
      await detail.transitionForm.locator('.ant-form-item-explain-error').waitFor();
      await s.page.keyboard.press('Escape');
      await detail.waitForStatus('confirmed');

      await detail.take('approve', 'active');
      expect(await detail.status.innerText()).toContain('生效中');
      await detail.openTab('timeline');
      await detail.timeline.waitFor();
      const text = await detail.timeline.innerText();
      for (const step of ['起草', '提交', '确认', '审批通过']) expect(text).toContain(step);
      expect(text).toContain('同意协议内容。');
    } finally {
      await s.close();
    }
  });

  for (const user of ['admin_YX002', 'admin_YX009'] as const) {
    it(`${user} sees it in force`, async () => {
      const s = await sessionAs(user);
      try {
        const detail = new AgreementDetailPage(s.page);
        await detail.goto(id);
        await detail.waitForStatus('active');
        expect(await detail.status.innerText()).toContain('生效中');
        // a party may renew a signed agreement
        await s.page.getByTestId('renew').waitFor();
      } finally {
        await s.close();
      }
    });
  }

  it('a school admin of another school gets "not found"', async () => {
    const s = await sessionAs('admin_YX013');
    try {
      await s.page.goto(`/agreements/${id}`);
      await s.page.locator('.ant-result-404').waitFor();
      expect(await s.page.getByTestId('status-tag').count()).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('records an activity and a donation, and shows the totals in yuan', async () => {
    const s = await sessionAs('admin_YX002');
    try {
      const detail = new AgreementDetailPage(s.page);
      const pick = (text: string) =>
        s.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
      await s.page.goto(`/agreements/${id}?tab=activities`);
      await detail.waitForStatus('active');
      await s.page.getByTestId('activity-add').first().click();
      const activity = s.page.getByTestId('activity-form');
      await activity.waitFor();
      await activity.locator('#kind').click();
      await pick('送课下乡');
      await activity.locator('#date').click();
      await activity.locator('#date').fill(`${year}-10-09`);
      await activity.locator('#date').press('Tab');
      await activity.locator('#title').fill('语文示范课送课下乡');
      await activity.locator('#participants').fill('45');
      await s.page.locator('.ant-modal-footer .ant-btn-primary').click();
      await s.page.getByTestId('activity-list').getByText('语文示范课送课下乡').first().waitFor();
      await s.page.getByTestId('ledger-summary-activities').getByText('45').first().waitFor();

      await detail.openTab('donations');
      await s.page.getByTestId('donation-add').first().click();
      const form = s.page.getByTestId('donation-form');
      await form.waitFor();
      await form.locator('#kind').click();
      await pick('图书');
      await form.locator('#date').click();
      await form.locator('#date').fill(`${year}-10-10`);
      await form.locator('#date').press('Tab');
      await form.locator('#quantity').fill('1358');
      await form.locator('#unit').fill('册');
      await form.locator('#value_yuan').fill('1358');
      await s.page.locator('.ant-modal-footer .ant-btn-primary').click();
      await s.page.getByTestId('donation-list').getByText('¥1,358.00').first().waitFor();
      await s.page.getByTestId('donations-value').filter({ hasText: '¥1,358.00' }).waitFor();
    } finally {
      await s.close();
    }
  });

  it('the agreement pages fit a 360-px phone', async () => {
    const s = await sessionAs('admin_YX009', { width: 360, height: 740 });
    try {
      const list = new AgreementListPage(s.page);
      await list.goto();
      await list.entry(title).first().waitFor();
      expect(await hasHorizontalOverflow(s.page)).toBe(false);
      const detail = new AgreementDetailPage(s.page);
      await detail.goto(id);
      await detail.waitForStatus('active');
      expect(await hasHorizontalOverflow(s.page)).toBe(false);
    } finally {
      await s.close();
    }
  });
});
