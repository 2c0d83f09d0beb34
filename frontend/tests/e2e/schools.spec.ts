import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeBrowser, newSession, type Session } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { SchoolFormPage, SchoolListPage } from './pages/SchoolPages';

let s: Session;
beforeEach(async () => {
  s = await newSession();
});
afterEach(async () => {
  await s.close();
});
afterAll(closeBrowser);

describe('schools', () => {
  it('bureau creates a school and finds it in the list', async () => {
    const code = `E2E${Date.now()}`;
    const name = `端到端测试学校${code.slice(-6)}`;
    await new LoginPage(s.page).loginAs('bureau');
    const form = new SchoolFormPage(s.page);
    await form.gotoNew();
    await form.fillSchool({ code, name, stage: '小学', locale: '乡村', region: '云溪县' });
    await form.submit.click();
    await s.page.waitForURL(/\/schools\/\d+$/);
    await s.page.getByTestId('school-detail').getByText(code).waitFor();

    const list = new SchoolListPage(s.page);
    await list.goto();
    await list.searchFor(code);
    await list.entry(name).waitFor();
    expect(await list.entry(name).count()).toBe(1);
  });

  it('bureau sees a duplicate code as an error on the code field', async () => {
    await new LoginPage(s.page).loginAs('bureau');
    const form = new SchoolFormPage(s.page);
    await form.gotoNew();
    await form.fillSchool({ code: 'YX005', name: '重复代码学校', stage: '小学', locale: '城区', region: '云溪县' });
    await form.submit.click();
    await form.fieldError('code').first().waitFor();
    expect(s.page.url()).toMatch(/\/schools\/new$/);
  });

  it('leader sees the list but no create or edit button', async () => {
    await new LoginPage(s.page).loginAs('leader');
    const list = new SchoolListPage(s.page);
    await list.goto();
    await list.entry('梓园小学').waitFor();
    expect(await list.createButton.count()).toBe(0);
    await list.entry('梓园小学').click();
    await s.page.getByTestId('school-detail').waitFor();
    expect(await s.page.getByTestId('edit').count()).toBe(0);
  });

  it('a school page links to its teachers', async () => {
    await new LoginPage(s.page).loginAs('bureau');
    const list = new SchoolListPage(s.page);
    await list.goto('?q=YX004');
    await list.entry('三元中学').click();
    await s.page.getByTestId('school-teachers').click();
    await s.page.waitForURL(/\/teachers\?school_id=\d+/);
    await s.page.getByTestId('teacher-list').waitFor();
  });

  it('school admin sees the directory read-only', async () => {
    await new LoginPage(s.page).loginAs('admin_YX004');
    const list = new SchoolListPage(s.page);
    await list.goto();
    await list.entry('梓园小学').waitFor();
    expect(await list.createButton.count()).toBe(0);
  });
});
