import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeBrowser, hasHorizontalOverflow, newSession, type Session } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { AppShell } from './pages/AppShell';
import { SchoolListPage } from './pages/SchoolPages';

let s: Session;
beforeEach(async () => {
  s = await newSession({ width: 360, height: 740 });
});
afterEach(async () => {
  await s.close();
});
afterAll(closeBrowser);

describe('on a 360 × 740 phone', () => {
  it('the login page fits the screen', async () => {
    await new LoginPage(s.page).goto();
    expect(await hasHorizontalOverflow(s.page)).toBe(false);
  });

  it('the schools list fits, shows cards and a hamburger menu', async () => {
    await new LoginPage(s.page).loginAs('bureau');
    const list = new SchoolListPage(s.page);
    await list.goto();
    await list.entry('梓园小学').waitFor();
    expect(await s.page.getByTestId('list-card').count()).toBeGreaterThan(0);
    expect(await hasHorizontalOverflow(s.page)).toBe(false);
    const shell = new AppShell(s.page);
    expect(await shell.menuToggle.isVisible()).toBe(true);
    await shell.openMenuItem('menu-teachers');
    await s.page.waitForURL(/\/teachers/);
    await s.page.getByTestId('teacher-list').waitFor();
    expect(await hasHorizontalOverflow(s.page)).toBe(false);
  });
});
