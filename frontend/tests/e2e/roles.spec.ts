import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeBrowser, newSession, type Session } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { AppShell } from './pages/AppShell';
import { demoPassword, type DemoUser } from './support/env';

const ALL_MENU = [
  'menu-agreements',
  'menu-meetings',
  'menu-compliance',
  'menu-rotations',
  // the rotation reports: a school's rotating teachers, rotation compliance, the service ledger
  'menu-rotation-roster',
  'menu-rotation-compliance',
  'menu-service-ledger',
  // the monthly bulletin (工作简报) and the annual assessment (年度考核)
  'menu-bulletin',
  'menu-assessments',
  'menu-programmes',
  'menu-schools',
  'menu-teachers',
  'menu-users',
  'menu-profile',
];
// the school calendar (holidays and make-up days for attendance) is the bureau admin's only
const BUREAU_MENU = [...ALL_MENU.slice(0, 9), 'menu-calendar', ...ALL_MENU.slice(9)];
// the integration clients (集成客户端) and webhooks (事件订阅) are the bureau's, next to the accounts
const withIntegrations = (menu: string[]) => menu.flatMap((id) => (id === 'menu-users' ? [id, 'menu-integrations', 'menu-webhooks'] : [id]));
// the audit trail (操作日志) is the bureau's too, the last of those administration entries
const withAudit = (menu: string[]) => menu.flatMap((id) => (id === 'menu-webhooks' ? [id, 'menu-audit'] : [id]));
// bulk import (批量导入) right after the accounts: the bureau admin's and the school admins' (their teachers)
const withImports = (menu: string[]) => menu.flatMap((id) => (id === 'menu-users' ? [id, 'menu-imports'] : [id]));
// rotation planning right after the rotations: staffing needs and available teachers for the bureau and school admins,
// the county plans (轮岗方案) for the bureau only
const withPlanning = (menu: string[], plans: boolean) =>
  menu.flatMap((id) => (id === 'menu-rotations' ? [id, 'menu-needs', 'menu-supply', ...(plans ? ['menu-planning'] : [])] : [id]));
// the bureau's dashboard comes first, and is where the bureau lands
const EXPECTED: Partial<Record<DemoUser, { menu: string[]; landing: RegExp }>> = {
  bureau: { menu: ['menu-dashboard', ...withPlanning(withImports(withAudit(withIntegrations(BUREAU_MENU))), true)], landing: /\/dashboard$/ },
  leader: { menu: ['menu-dashboard', ...withPlanning(withAudit(withIntegrations(ALL_MENU)), true)], landing: /\/dashboard$/ },
  // a school admin starts on its own school at a glance, first in its menu
  admin_YX004: { menu: ['menu-school', ...withPlanning(withImports(ALL_MENU), false)], landing: /\/school$/ },
  teacher: { menu: ['menu-my', 'menu-profile'], landing: /\/my$/ },
};

let s: Session;
beforeEach(async () => {
  s = await newSession();
});
afterEach(async () => {
  await s.close();
});
afterAll(closeBrowser);

describe('login and the role-aware menu', () => {
  for (const user of Object.keys(EXPECTED) as DemoUser[]) {
    it(`${user} sees their menu and lands on the right page`, async () => {
      await new LoginPage(s.page).loginAs(user);
      const expected = EXPECTED[user];
      if (!expected) throw new Error(`no expectation for ${user}`);
      await s.page.waitForURL(expected.landing);
      expect(await new AppShell(s.page).menuItems()).toEqual(expected.menu);
    });
  }

  it('a wrong password shows an error and stays on the login page', async () => {
    const login = new LoginPage(s.page);
    await login.goto();
    await login.login('bureau', `${demoPassword()}-wrong`);
    await login.error.waitFor();
    expect(s.page.url()).toMatch(/\/login/);
  });

  it('a teacher opening a bureau page is refused', async () => {
    await new LoginPage(s.page).loginAs('teacher');
    await s.page.goto('/users');
    await s.page.locator('.ant-result-403').waitFor();
  });

  it('logging out returns to the login page and the session is gone', async () => {
    await new LoginPage(s.page).loginAs('bureau');
    await new AppShell(s.page).logout();
    await s.page.goto('/schools');
    await s.page.waitForURL(/\/login\?next=/);
  });

  it('the session survives a reload (refresh cookie, token in memory only)', async () => {
    await new LoginPage(s.page).loginAs('leader');
    await s.page.waitForURL(/\/dashboard$/);
    await s.page.reload();
    await s.page.getByTestId('kpi-active_agreements').waitFor();
    const stored = await s.page.evaluate(() => JSON.stringify({ ...window.localStorage }));
    expect(stored).not.toMatch(/eyJ/); // no JWT in localStorage
  });
});
