// The audit trail (操作日志): the bureau admin changes a school's address, then finds the change by
// record type and today's date — who made it, and the address before and after; the Excel export
// goes with the filters. A bureau viewer reads it on a phone; a school admin is refused.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiAs, ok } from './support/api';
import { closeBrowser, hasHorizontalOverflow, newSession, type Session } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { AppShell } from './pages/AppShell';
import { AuditPage } from './pages/AuditPage';
import { FormPage } from './pages/FormPage';

// the server counts days in the schools' time zone; the browser does the same
const TIME_ZONE = 'Asia/Shanghai';
const PHONE = { width: 360, height: 740 };

function dayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
}

let s: Session;
beforeEach(async () => {
  s = await newSession(undefined, { timezoneId: TIME_ZONE });
});
afterEach(async () => {
  await s.close();
});
afterAll(closeBrowser);

describe('the audit trail', () => {
  it("the bureau admin finds their change of a school's address, field by field", async () => {
    const bureau = await apiAs('bureau');
    const me = ok(await bureau.GET('/api/v1/auth/me'));
    const school = ok(await bureau.GET('/api/v1/schools', { params: { query: { limit: 1, sort: 'code' } } })).items[0];
    const oldAddress = school.address ?? '';
    const newAddress = `云溪县审计路 ${Date.now() % 1_000_000} 号`;

    // change the address on the school's own form
    await new LoginPage(s.page).loginAs('bureau');
    const form = new FormPage(s.page, 'school-form');
    await s.page.goto(`/schools/${school.id}/edit`);
    await form.form.waitFor();
    await form.field('address').waitFor();
    await form.fill('address', newAddress);
    await form.submit.click();
    await s.page.waitForURL(new RegExp(`/schools/${school.id}$`));

    // 操作日志, from the menu; then only schools, only today
    await new AppShell(s.page).openMenuItem('menu-audit');
    await s.page.waitForURL(/\/audit$/);
    await s.page.locator('.page-header').getByText('操作日志').waitFor();
    const audit = new AuditPage(s.page);
    await audit.list.waitFor();
    await audit.pickEntity('学校');
    await s.page.waitForURL(/entity=school/);
    await audit.pickDates('今天');
    const today = dayInChina();
    await s.page.waitForURL(new RegExp(`date_from=${today}.*date_to=${today}|date_to=${today}.*date_from=${today}`));

    // newest first: the change just made, by the bureau admin, a 修改 of 学校 #id linked to its page
    const row = audit.entries(school.id).filter({ has: s.page.locator('[data-action="update"]') }).first();
    await row.waitFor();
    expect(await row.getByTestId('audit-actor').innerText()).toBe(me.display_name);
    expect(await row.getByTestId('audit-action').innerText()).toBe('修改');
    expect(await row.getByTestId('audit-entity').innerText()).toBe(`学校 #${school.id}`);
    expect(await row.getByTestId('audit-entity').locator('a').getAttribute('href')).toBe(`/schools/${school.id}`);
    expect(await row.locator('.audit-at').innerText()).toMatch(new RegExp(`${today} \\d{2}:\\d{2}`));

    // opening the row shows what changed: the address (地址), before and after; nothing else of the form
    await row.click();
    const address = audit.change('address');
    await address.waitFor();
    expect(await address.locator('td').first().innerText()).toBe('地址');
    expect(await address.locator('td.audit-after').innerText()).toBe(newAddress);
    expect(await address.locator('td.audit-before').innerText()).toBe(oldAddress || '—');
    expect(await audit.changes.getByTestId('audit-change-field').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')))).toEqual([
      'address',
    ]);

    // the Excel export asks for the same filters
    const file = await audit.export();
    expect(file.response.status()).toBe(200);
    const asked = new URL(file.response.url()).searchParams;
    expect([asked.get('entity'), asked.get('date_from'), asked.get('date_to')]).toEqual(['school', today, today]);
    expect(file.download.suggestedFilename()).toMatch(/^操作日志-.*\.xlsx$/);
  });

  it('a day with nothing says to widen the dates, and widening finds the change', async () => {
    const bureau = await apiAs('bureau');
    const school = ok(await bureau.GET('/api/v1/schools', { params: { query: { limit: 1, sort: '-code' } } })).items[0];
    ok(
      await bureau.PATCH('/api/v1/schools/{school_id}', {
        params: { path: { school_id: school.id } },
        body: { address: `云溪县放宽路 ${Date.now() % 1_000_000} 号` },
        headers: { 'If-Match': `"${school.version}"` },
      }),
    );

    await new LoginPage(s.page).loginAs('bureau');
    const audit = new AuditPage(s.page);
    await audit.goto(`?entity=school&entity_id=${school.id}&date_from=2001-09-01&date_to=2001-09-02`);
    await audit.list.getByText('试试放宽日期范围', { exact: false }).waitFor();
    await s.page.getByTestId('audit-clear-dates').click();
    await audit.entries(school.id).first().waitFor();
    expect(s.page.url()).not.toContain('date_from');
  });

  it('a bureau viewer reads it on a phone; the changes scroll inside their card', async () => {
    const bureau = await apiAs('bureau');
    const school = ok(await bureau.GET('/api/v1/schools', { params: { query: { limit: 1, sort: 'name' } } })).items[0];
    const address = `云溪县手机路 ${Date.now() % 1_000_000} 号：一个很长很长的地址，足以比一张手机屏幕还宽`;
    ok(
      await bureau.PATCH('/api/v1/schools/{school_id}', {
        params: { path: { school_id: school.id } },
        body: { address },
        headers: { 'If-Match': `"${school.version}"` },
      }),
    );

    const phone = await newSession(PHONE, { timezoneId: TIME_ZONE });
    try {
      await new LoginPage(phone.page).loginAs('leader');
      expect(await new AppShell(phone.page).menuItems()).toContain('menu-audit');
      const audit = new AuditPage(phone.page);
      await audit.goto(`?entity=school&entity_id=${school.id}`);
      const card = audit.entries(school.id).filter({ has: phone.page.locator('[data-action="update"]') }).first();
      await card.waitFor();
      await card.getByTestId('audit-changes-toggle').click();
      await audit.change('address').locator('td.audit-after').getByText(address).waitFor();
      expect(await hasHorizontalOverflow(phone.page)).toBe(false);
    } finally {
      await phone.close();
    }
  });

  it('a school admin has no audit trail: no menu entry, the page and the API refuse', async () => {
    await new LoginPage(s.page).loginAs('admin_YX004');
    expect(await new AppShell(s.page).menuItems()).not.toContain('menu-audit');
    await s.page.goto('/audit');
    await s.page.locator('.ant-result-403').waitFor();
    expect(await s.page.getByTestId('audit-list').count()).toBe(0);
    const admin = await apiAs('admin_YX004');
    const answer = await admin.GET('/api/v1/audit-events');
    expect(answer.response.status).toBe(403);
  });
});
