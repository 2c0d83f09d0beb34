// The integration clients page (集成客户端): the bureau admin registers a client, sees its secret once,
// rotates it and revokes the client; a bureau viewer sees the list only.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { apiAs, ok } from './support/api';
import { closeBrowser, hasHorizontalOverflow, newSession, settled, type Session } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { AppShell } from './pages/AppShell';

let s: Session;
beforeEach(async () => {
  s = await newSession();
});
afterEach(async () => {
  await s.close();
});
afterAll(closeBrowser);

function visible(page: Page, testId: string): Locator {
  return page.getByTestId(testId).filter({ visible: true });
}

/** The secret dialog's secret; closing it asks whether the secret was saved. */
async function readAndCloseSecret(page: Page): Promise<string> {
  const dialog = page.getByTestId('secret-modal');
  await dialog.waitFor();
  const secret = (await dialog.getByTestId('secret-value').innerText()).trim();
  expect(await dialog.getByTestId('secret-client-id').innerText()).toMatch(/^pc_[0-9a-f]+/);
  expect(await dialog.getByTestId('secret-snippet').innerText()).toContain('grant_type=client_credentials');
  await settled(page);
  await visible(page, 'secret-close').click();
  await settled(page);
  await visible(page, 'secret-close-ok').click();
  await dialog.waitFor({ state: 'hidden' });
  return secret;
}

describe('integration clients', () => {
  it('the bureau admin creates a client, rotates its secret and revokes it', async () => {
    const name = `E2E 对接系统 ${Date.now() % 1_000_000}`;
    await new LoginPage(s.page).loginAs('bureau');
    await new AppShell(s.page).openMenuItem('menu-integrations');
    await s.page.waitForURL(/\/integrations$/);
    await s.page.locator('.page-header').getByText('集成客户端').waitFor();

    // the header button (the empty state may show a second one)
    await s.page.getByTestId('create-client').first().click();
    const form = s.page.getByTestId('client-form');
    await form.waitFor();
    await settled(s.page);
    const modal = s.page.locator('.ant-modal').filter({ has: form });
    // at least one scope is needed
    await form.locator('#name').fill(name);
    await modal.getByRole('button', { name: /创\s*建/ }).click();
    await modal.getByText('请至少选择一项权限').waitFor();
    await form.getByTestId('scope-schools:read').check();
    await form.getByTestId('scope-agreements:read').check();
    await modal.getByRole('button', { name: /创\s*建/ }).click();

    const first = await readAndCloseSecret(s.page);
    expect(first.length).toBeGreaterThanOrEqual(20);

    const row = s.page.getByTestId('client-list').locator('tr').filter({ hasText: name });
    await row.waitFor();
    expect(await row.getByTestId('client-status').getAttribute('data-status')).toBe('active');
    expect(await row.getByTestId('client-scopes').locator('[data-scope]').evaluateAll((els) => els.map((e) => e.getAttribute('data-scope')))).toEqual([
      'schools:read',
      'agreements:read',
    ]);
    await row.getByText('从未使用').waitFor();

    // rotating asks first, then shows the new secret
    await row.getByTestId('client-rotate').click();
    await s.page.locator('.ant-modal-confirm').getByText('旧密钥和用它换取的令牌立即失效', { exact: false }).waitFor();
    await settled(s.page);
    await visible(s.page, 'rotate-ok').click();
    const second = await readAndCloseSecret(s.page);
    expect(second.length).toBeGreaterThanOrEqual(20);
    expect(second).not.toBe(first);

    // revoking names the client and asks first; the client stays, revoked, without actions
    await row.getByTestId('client-revoke').click();
    await s.page.locator('.ant-modal-confirm-title').filter({ hasText: `吊销客户端“${name}”？` }).waitFor();
    await settled(s.page);
    await visible(s.page, 'revoke-ok').click();
    await row.locator('[data-testid="client-status"][data-status="revoked"]').waitFor();
    await row.getByTestId('client-actions').waitFor({ state: 'detached' });
    expect(await row.getByTestId('client-rotate').count()).toBe(0);
  });

  it('a bureau viewer sees the clients read-only, also on a phone', async () => {
    const name = `E2E 只读 ${Date.now() % 1_000_000}`;
    const bureau = await apiAs('bureau');
    ok(await bureau.POST('/api/v1/integrations/clients', { body: { name, scopes: ['reports:read'] } }));

    await new LoginPage(s.page).loginAs('leader');
    await new AppShell(s.page).openMenuItem('menu-integrations');
    const row = s.page.getByTestId('client-list').locator('tr').filter({ hasText: name });
    await row.waitFor();
    expect(await row.getByTestId('client-status').getAttribute('data-status')).toBe('active');
    expect(await s.page.getByTestId('create-client').count()).toBe(0);
    expect(await s.page.getByTestId('client-actions').count()).toBe(0);
    expect(await s.page.getByTestId('export-xlsx').isVisible()).toBe(true);

    // 360 px: cards, nothing wider than the screen
    const phone = await newSession({ width: 360, height: 740 });
    try {
      await new LoginPage(phone.page).loginAs('leader');
      await phone.page.goto('/integrations');
      await phone.page.getByTestId('list-card').filter({ hasText: name }).waitFor();
      expect(await phone.page.getByTestId('create-client').count()).toBe(0);
      expect(await phone.page.getByTestId('client-actions').count()).toBe(0);
      expect(await hasHorizontalOverflow(phone.page)).toBe(false);
    } finally {
      await phone.close();
    }
  });
});
