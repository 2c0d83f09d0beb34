// Bulk import (批量导入): the bureau admin downloads a template, checks a CSV of schools (one row with a
// wrong stage is listed with its row and column, the import stays disabled), checks the corrected
// file (no errors), imports it after confirming and finds the schools in the list; a school admin
// imports teachers only; the page fits a 360-px phone.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, hasHorizontalOverflow, newSession, settled, type Session } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { AppShell } from './pages/AppShell';
import { ImportPage } from './pages/ImportPage';
import { SchoolListPage } from './pages/SchoolPages';

let s: Session | null = null;
afterEach(async () => {
  await s?.close();
  s = null;
});
afterAll(closeBrowser);

const HEADINGS = '学校代码,学校名称,学段,城乡类型,所属区县';

/** A schools CSV (UTF-8 with a BOM, as Excel saves it) with the demo county. */
function schoolsCsv(rows: [code: string, name: string, stage: string][]): Buffer {
  const lines = [HEADINGS, ...rows.map(([code, name, stage]) => `${code},${name},${stage},乡村,云溪县`)];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

async function signIn(user: 'bureau' | 'admin_YX004', viewport?: { width: number; height: number }): Promise<Page> {
  s = await newSession(viewport);
  await new LoginPage(s.page).loginAs(user);
  return s.page;
}

describe('bulk import', () => {
  it('the bureau admin checks a file, sees its error, fixes it and imports the schools', async () => {
    const page = await signIn('bureau');
    const stamp = Date.now();
    const good = [`E2EI${stamp}A`, `导入测试学校${stamp % 1_000_000}甲`] as const;
    const other = [`E2EI${stamp}B`, `导入测试学校${stamp % 1_000_000}乙`] as const;

    await new AppShell(page).openMenuItem('menu-imports');
    await page.waitForURL(/\/imports/);
    await page.locator('.page-header').getByText('批量导入').waitFor();
    const imports = new ImportPage(page);
    await imports.chooseKind('schools');
    // before any file: how to go about it
    await imports.howTo.getByText('下载模板').waitFor();
    await imports.howTo.getByText('填写').waitFor();

    // the template comes in the UI language, named after the kind
    const template = await imports.download('import-template-xlsx');
    expect(template.suggestedFilename()).toBe('学校导入模板.xlsx');

    // a row with a stage that does not exist
    await imports.chooseFile('schools.csv', schoolsCsv([[...good, '小学'], [...other, '大学']]));
    expect(await imports.importButton.isDisabled()).toBe(true);
    await imports.check();
    expect(await imports.stat('rows')).toBe(2);
    expect(await imports.stat('valid')).toBe(1);
    expect(await imports.stat('errors')).toBe(1);
    const row = imports.errorRows().filter({ hasText: '大学' });
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('学段');
    expect(cells[2]).toBe('大学');
    expect(cells[3]).toContain('不是可选值');
    expect(await imports.importButton.isDisabled()).toBe(true);

    // the errors as Excel: the same file checked again
    const errors = await imports.download('import-export-errors');
    expect(errors.suggestedFilename()).toMatch(/^学校导入错误-\d{4}-\d{2}-\d{2}\.xlsx$/);

    // a new file forgets the report and must be checked itself
    await imports.chooseFile('schools-fixed.csv', schoolsCsv([[...good, '小学'], [...other, '初中']]));
    await imports.report.waitFor({ state: 'hidden' });
    expect(await imports.importButton.isDisabled()).toBe(true);
    await imports.check();
    await imports.clean.waitFor();
    expect(await imports.stat('errors')).toBe(0);
    expect(await imports.stat('valid')).toBe(2);
    expect(await imports.importButton.isEnabled()).toBe(true);
    expect(await imports.importButton.innerText()).toMatch(/导入\s*2\s*行/);

    // importing asks first
    await imports.importButton.click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByText('将写入 2 条学校记录', { exact: false }).waitFor();
    await settled(page);
    await page.getByTestId('import-confirm-ok').filter({ visible: true }).click();
    await imports.done.getByText('已导入 2 条学校记录').waitFor();

    // the schools are in the list
    await page.getByTestId('import-view-list').click();
    await page.waitForURL(/\/schools(\?|$)/);
    const list = new SchoolListPage(page);
    await list.list.waitFor();
    await list.searchFor(good[0]);
    await list.entry(good[1]).waitFor();
    expect(await list.entry(good[1]).count()).toBe(1);
    await list.searchFor(other[0]);
    await list.entry(other[1]).waitFor();
  });

  it('a problem with the whole file is shown as the server says it', async () => {
    const page = await signIn('bureau');
    const imports = new ImportPage(page);
    await imports.goto('?kind=schools');
    // the county column is missing
    await imports.chooseFile('no-county.csv', '学校代码,学校名称,学段,城乡类型\nX1,某校,小学,乡村\n');
    await imports.checkButton.click();
    await imports.problem.getByText('缺少必填列', { exact: false }).waitFor();
    expect(await imports.report.count()).toBe(0);
    // an old .xls is refused in the browser
    await imports.fileInput.setInputFiles({ name: 'old.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('x') });
    await imports.problem.getByText('另存为 .xlsx', { exact: false }).waitFor();
    expect(await imports.chosenFile.count()).toBe(0);
  });

  it('a school admin imports teachers only', async () => {
    const page = await signIn('admin_YX004');
    await new AppShell(page).openMenuItem('menu-imports');
    const imports = new ImportPage(page);
    await imports.kindCard.waitFor();
    expect(await imports.kindCard.getAttribute('data-kind')).toBe('teachers');
    expect(await page.getByTestId('import-kind').count()).toBe(0);
    await imports.kindCard.getByText('学校代码可留空', { exact: false }).waitFor();
    // another kind in the URL is not offered
    await imports.goto('?kind=schools');
    expect(await imports.kindCard.getAttribute('data-kind')).toBe('teachers');
  });

  it('fits a 360-px phone, the error table scrolling inside itself', async () => {
    const page = await signIn('bureau', { width: 360, height: 740 });
    const imports = new ImportPage(page);
    await imports.goto('?kind=schools');
    expect(await hasHorizontalOverflow(page)).toBe(false);
    const stamp = Date.now();
    await imports.chooseFile(
      '一个文件名很长的学校导入文件（第二版，已按报告修改）.csv',
      schoolsCsv([
        [`E2EM${stamp}A`, '手机测试学校甲', '研究生院'],
        [`E2EM${stamp}B`, '手机测试学校乙', '小学'],
      ]),
    );
    await imports.check();
    await imports.errorRows().first().waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
  });
});
