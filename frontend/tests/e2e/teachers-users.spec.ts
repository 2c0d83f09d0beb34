import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeBrowser, newSession, settled, type Session } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { FormPage } from './pages/FormPage';

let s: Session;
beforeEach(async () => {
  s = await newSession();
});
afterEach(async () => {
  await s.close();
});
afterAll(closeBrowser);

describe('teachers', () => {
  it('a school admin adds a teacher to their own school', async () => {
    const name = `测试教师${Date.now() % 100000}`;
    await new LoginPage(s.page).loginAs('admin_YX004');
    await s.page.goto('/teachers');
    // the header button (the empty state may show a second one)
    await s.page.getByTestId('create-teacher').first().click();
    const form = new FormPage(s.page, 'teacher-form');
    await form.form.waitFor();
    // the school is fixed to the admin's own school
    expect(await form.field('school_id').isDisabled()).toBe(true);
    await form.form.getByText('三元中学').waitFor();
    await form.fill('name', name);
    await form.form.getByLabel('女').check();
    await form.pick('subjects', '数学');
    await form.field('subjects').press('Escape');
    await form.date('hire_date', '2020-09-01');
    await form.submit.click();
    await s.page.waitForURL(/\/teachers\/\d+$/);
    const detail = s.page.getByTestId('teacher-detail');
    await detail.getByText(name).waitFor();
    await detail.getByText('2020-09-01').waitFor();
    await detail.getByText('三元中学').waitFor();
  });
});

describe('users', () => {
  it('bureau creates an account, then deactivating asks first', async () => {
    const username = `e2e_${Date.now()}`;
    await new LoginPage(s.page).loginAs('bureau');
    await s.page.goto('/users/new');
    const form = new FormPage(s.page, 'user-form');
    await form.form.waitFor();
    await form.fill('username', username);
    await form.fill('display_name', '测试账号');
    await form.pick('role', '学校管理员');
    await form.field('school_id').click();
    await form.field('school_id').fill('梓园');
    await s.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '梓园小学' }).first().click();
    await form.fill('password', 'short');
    await form.submit.click();
    await form.fieldError('password').first().waitFor();
    await form.fill('password', 'a-long-enough-password');
    await form.submit.click();
    await s.page.waitForURL(/\/users\/\d+$/);
    await s.page.getByTestId('user-detail').getByText(username).waitFor();

    await s.page.getByTestId('deactivate').click();
    const dialog = s.page.locator('.ant-modal-confirm');
    await dialog.waitFor();
    await settled(s.page);
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await s.page.getByTestId('deactivate').isVisible()).toBe(true);

    await s.page.getByTestId('deactivate').click();
    await settled(s.page);
    await dialog.getByRole('button', { name: '停用账号' }).click();
    await s.page.getByTestId('activate').waitFor();
  });

  it('a school admin sees accounts read-only', async () => {
    await new LoginPage(s.page).loginAs('admin_YX004');
    await s.page.goto('/users');
    await s.page.getByTestId('user-list').locator('tr').filter({ hasText: 'admin_YX004' }).waitFor();
    expect(await s.page.getByTestId('create-user').count()).toBe(0);
  });
});
