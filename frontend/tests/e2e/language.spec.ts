import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeBrowser, newSession, type Session } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { AppShell } from './pages/AppShell';
import { demoPassword } from './support/env';

let s: Session;
beforeEach(async () => {
  s = await newSession();
});
afterEach(async () => {
  await s.close();
});
afterAll(closeBrowser);

describe('language switch', () => {
  it('switching to English is remembered after a reload', async () => {
    await new LoginPage(s.page).loginAs('bureau');
    const shell = new AppShell(s.page);
    expect(await shell.menuLabels()).toContain('学校');
    await shell.switchLanguage();
    await s.page.getByTestId('main-menu').getByText('Schools').waitFor();
    await s.page.reload();
    await s.page.getByTestId('main-menu').getByText('Schools').waitFor();
    expect(await shell.menuLabels()).toEqual([
      'Dashboard',
      'Agreements',
      'Meetings',
      'Meeting compliance',
      'Rotations',
      'Staffing needs',
      'Available teachers',
      'Rotation plans',
      'Rotation attendance',
      'Rotation compliance',
      'Service ledger',
      'Monthly bulletin',
      'Annual assessment',
      'School calendar',
      'Programmes',
      'Schools',
      'Teachers',
      'Users',
      'Bulk import',
      'Integrations',
      'Webhooks',
      'Audit trail',
      'Profile',
    ]);
    // the bureau's landing page, the dashboard, is in English too; so is a list's export button
    await s.page.locator('.page-header').getByText('Bureau dashboard').waitFor();
    await shell.openMenuItem('menu-schools');
    expect(await s.page.getByTestId('export-xlsx').innerText()).toContain('Export to Excel');
    // back to Chinese, which is also saved on the account
    await shell.switchLanguage();
    await s.page.getByTestId('main-menu').getByText('学校').waitFor();
  });

  it("a school admin's menu starts with their own school, in either language", async () => {
    await new LoginPage(s.page).loginAs('admin_YX004');
    await s.page.waitForURL(/\/school$/);
    const shell = new AppShell(s.page);
    expect((await shell.menuLabels())[0]).toBe('本校概览');
    await shell.switchLanguage();
    await s.page.getByTestId('main-menu').getByText('My school').waitFor();
    expect((await shell.menuLabels())[0]).toBe('My school');
    await s.page.getByTestId('school-pairs').getByText('Our pairs').waitFor();
    await shell.switchLanguage();
    await s.page.getByTestId('main-menu').getByText('本校概览').waitFor();
  });

  it('the login page remembers the choice too', async () => {
    const login = new LoginPage(s.page);
    await login.goto();
    await login.languageSwitch.click();
    await s.page.getByRole('button', { name: 'Log in' }).waitFor();
    await s.page.reload();
    await s.page.getByRole('button', { name: 'Log in' }).waitFor();
  });

  it('a language picked on the login page is kept after login and saved on the account', async () => {
    const login = new LoginPage(s.page);
    await login.goto();
    await login.languageSwitch.click();
    await s.page.getByRole('button', { name: 'Log in' }).waitFor();
    await login.login('teacher', demoPassword());
    const shell = new AppShell(s.page);
    await s.page.getByTestId('main-menu').getByText('Profile').waitFor();
    // a fresh browser (no localStorage) gets English from the account
    const other = await newSession();
    try {
      await new LoginPage(other.page).loginAs('teacher', 'keep');
      await other.page.getByTestId('main-menu').getByText('Profile').waitFor();
    } finally {
      await other.close();
    }
    await shell.switchLanguage();
    await s.page.getByTestId('main-menu').getByText('我的', { exact: true }).waitFor();
  });
});
