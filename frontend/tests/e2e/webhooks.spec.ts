// The webhooks page (事件订阅): the bureau admin subscribes a URL to events, sees the signing secret
// once, pauses and resumes the subscription, opens its (empty) delivery log and deletes it; a real
// delivery to a receiver on this machine arrives signed and can be sent again; a bureau viewer reads.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { apiAs, ok } from './support/api';
import { closeBrowser, hasHorizontalOverflow, newSession, settled, type Session } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { AppShell } from './pages/AppShell';

const URL_ = 'https://hooks.example.org/pairing';
type Bureau = Awaited<ReturnType<typeof apiAs>>;

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

/** Delete the bureau's subscriptions to `url` (left over by an earlier, failed attempt). */
async function unsubscribe(bureau: Bureau, url: string): Promise<void> {
  const page = ok(await bureau.GET('/api/v1/integrations/webhooks', { params: { query: { q: url, limit: 200 } } }));
  for (const w of page.items.filter((x) => x.url === url)) {
    const { response } = await bureau.DELETE('/api/v1/integrations/webhooks/{webhook_id}', {
      params: { path: { webhook_id: w.id } },
      headers: { 'If-Match': `"${w.version}"` },
    });
    if (!response.ok) throw new Error(`deleting webhook ${w.id}: HTTP ${response.status}`);
  }
}

async function counts(row: Locator): Promise<string[]> {
  return Promise.all(['delivered', 'pending', 'failed'].map(async (k) => (await row.getByTestId(`count-${k}`).getAttribute('data-count')) ?? '?'));
}

function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('webhooks', () => {
  it('the bureau admin subscribes a URL, sees the secret once, pauses, resumes and deletes it', async () => {
    await unsubscribe(await apiAs('bureau'), URL_);
    await new LoginPage(s.page).loginAs('bureau');
    await new AppShell(s.page).openMenuItem('menu-webhooks');
    await s.page.waitForURL(/\/webhooks$/);
    await s.page.locator('.page-header').getByText('事件订阅').waitFor();

    // the header button (the empty state may show a second one)
    await s.page.getByTestId('create-webhook').first().click();
    const form = s.page.getByTestId('webhook-form');
    await form.waitFor();
    await settled(s.page);
    const modal = s.page.locator('.ant-modal').filter({ has: form });
    // an http(s) URL and at least one event are needed; the secret is generated unless typed in
    await form.locator('#url').fill('hooks.example.org/pairing');
    await modal.getByRole('button', { name: /创\s*建/ }).click();
    await modal.getByText('请输入以 http:// 或 https:// 开头的完整地址').waitFor();
    await modal.getByText('请至少选择一个事件').waitFor();
    expect(await form.getByRole('radio', { name: '自动生成（推荐）' }).isChecked()).toBe(true);
    await form.locator('#url').fill(URL_);
    await form.getByTestId('event-agreement.status_changed').check();
    await form.getByTestId('event-checkin.created').check();
    await modal.getByRole('button', { name: /创\s*建/ }).click();

    // the secret, once, with how to verify a delivery's signature
    const dialog = s.page.getByTestId('secret-modal');
    await dialog.waitFor();
    expect((await dialog.getByTestId('secret-value').innerText()).trim().length).toBeGreaterThanOrEqual(32);
    expect((await dialog.getByTestId('secret-url').innerText()).trim()).toBe(URL_);
    expect(await dialog.getByTestId('secret-verify-hint').innerText()).toContain('X-Pairing-Signature');
    expect(await dialog.getByTestId('secret-snippet').innerText()).toContain('hashlib.sha256');
    await settled(s.page);
    await visible(s.page, 'secret-close').click();
    await settled(s.page);
    await visible(s.page, 'secret-close-ok').click();
    await dialog.waitFor({ state: 'hidden' });

    const row = s.page.getByTestId('webhook-list').locator('tr').filter({ hasText: URL_ });
    await row.waitFor();
    expect(await row.getByTestId('webhook-status').getAttribute('data-status')).toBe('active');
    expect(await row.getByTestId('webhook-events').locator('[data-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event')))).toEqual([
      'agreement.status_changed',
      'checkin.created',
    ]);
    expect(await counts(row)).toEqual(['0', '0', '0']);

    // pausing asks first (events meanwhile are not sent); resuming does not
    await row.getByTestId('webhook-pause').click();
    await s.page.locator('.ant-modal-confirm-title').filter({ hasText: `暂停向“${URL_}”投递？` }).waitFor();
    await settled(s.page);
    await visible(s.page, 'pause-ok').click();
    await row.locator('[data-testid="webhook-status"][data-status="paused"]').waitFor();
    await row.getByTestId('webhook-resume').click();
    await row.locator('[data-testid="webhook-status"][data-status="active"]').waitFor();

    // its delivery log: nothing has happened yet
    await row.getByTestId('webhook-deliveries').click();
    await s.page.waitForURL(/\/webhooks\/\d+$/);
    await s.page.getByTestId('webhook-summary').getByText(URL_).waitFor();
    await s.page.getByTestId('delivery-list').getByText('还没有投递记录', { exact: false }).waitFor();
    // the status filter is kept in the URL
    await s.page.getByTestId('delivery-filter-status').click();
    await s.page.locator('.ant-select-item-option').filter({ hasText: '已失败' }).click();
    await s.page.waitForURL(/status=failed/);
    await s.page.getByTestId('delivery-list').getByText('没有符合条件的记录').waitFor();
    await s.page.goBack();
    await s.page.waitForURL(/\/webhooks$/);

    // deleting names the URL and asks first
    await row.getByTestId('webhook-delete').click();
    await s.page.locator('.ant-modal-confirm-title').filter({ hasText: `删除事件订阅“${URL_}”？` }).waitFor();
    await settled(s.page);
    await visible(s.page, 'delete-ok').click();
    await row.waitFor({ state: 'detached' });
  });

  it('a delivery reaches a receiver signed, and the admin sends it again', async () => {
    const secret = `e2e-receiver-secret-${Date.now()}`;
    const received: { signature: string; verified: boolean; type: string }[] = [];
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const timestamp = String(req.headers['x-pairing-timestamp'] ?? '');
        const signature = String(req.headers['x-pairing-signature'] ?? '');
        const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
        received.push({ signature, verified: signature === expected, type: String(req.headers['x-pairing-event'] ?? '') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    const bureau = await apiAs('bureau');
    try {
      const hook = ok(await bureau.POST('/api/v1/integrations/webhooks', { body: { url, events: ['meeting.held'], secret } }));
      // something happens in the county: a meeting of an active agreement is recorded as held
      const yesterday = isoDay(new Date(Date.now() - 24 * 3600_000));
      const agreement = ok(await bureau.GET('/api/v1/agreements', { params: { query: { status: 'active', limit: 1 } } })).items[0];
      if (!agreement) throw new Error('no active agreement in the demo county');
      const meeting = ok(
        await bureau.POST('/api/v1/agreements/{agreement_id}/meetings', {
          params: { path: { agreement_id: agreement.id } },
          body: { kind: 'other', scheduled_date: yesterday, location: 'E2E 事件订阅', online_link: '', agenda: '' },
        }),
      );
      ok(
        await bureau.PATCH('/api/v1/meetings/{meeting_id}', {
          params: { path: { meeting_id: meeting.id } },
          body: { status: 'held', held_date: yesterday },
          headers: { 'If-Match': `"${meeting.version}"` },
        }),
      );

      await new LoginPage(s.page).loginAs('bureau');
      await s.page.goto(`/webhooks/${hook.id}`);
      const list = s.page.getByTestId('delivery-list');
      // the worker sends within seconds: refresh until it arrived
      const delivered = list.locator('tr').filter({ has: s.page.locator('[data-testid="delivery-status"][data-status="delivered"]') });
      for (let i = 0; i < 30 && (await delivered.count()) === 0; i++) {
        await s.page.waitForTimeout(1000);
        await s.page.getByTestId('deliveries-refresh').click();
        await s.page.waitForTimeout(300);
      }
      const row = delivered.first();
      await row.waitFor();
      expect(received.length).toBeGreaterThanOrEqual(1);
      expect(received[0]).toMatchObject({ verified: true, type: 'meeting.held' });
      await row.locator('[data-event="meeting.held"]').waitFor();
      expect((await row.getByTestId('delivery-code').innerText()).trim()).toBe('HTTP 204');

      // a row opens its attempt log
      await row.click();
      const log = list.getByTestId('attempt-log').first();
      await log.waitFor();
      expect(await log.getByTestId('attempt').count()).toBe(1);
      await log.getByText('HTTP 204').waitFor();

      // redelivering asks first, then the worker sends it again
      const before = received.length;
      await row.getByTestId('redeliver').click();
      await s.page.locator('.ant-modal-confirm').getByText(url, { exact: false }).waitFor();
      await settled(s.page);
      await visible(s.page, 'redeliver-ok').click();
      for (let i = 0; i < 30 && received.length === before; i++) await s.page.waitForTimeout(1000);
      expect(received.length).toBeGreaterThan(before);
      expect(received.at(-1)?.verified).toBe(true);
    } finally {
      await unsubscribe(bureau, url);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('a bureau viewer sees the webhooks and their deliveries read-only, also on a phone', async () => {
    const url = `https://hooks.example.org/readonly-${Date.now() % 1_000_000}`;
    const bureau = await apiAs('bureau');
    const hook = ok(await bureau.POST('/api/v1/integrations/webhooks', { body: { url, events: ['evaluation.submitted'] } }));
    try {
      await new LoginPage(s.page).loginAs('leader');
      await new AppShell(s.page).openMenuItem('menu-webhooks');
      const row = s.page.getByTestId('webhook-list').locator('tr').filter({ hasText: url });
      await row.waitFor();
      expect(await row.getByTestId('webhook-status').getAttribute('data-status')).toBe('active');
      expect(await s.page.getByTestId('create-webhook').count()).toBe(0);
      expect(await s.page.getByTestId('webhook-actions').count()).toBe(0);
      expect(await s.page.getByTestId('export-xlsx').isVisible()).toBe(true);
      await row.getByTestId('webhook-deliveries').click();
      await s.page.waitForURL(new RegExp(`/webhooks/${hook.id}$`));
      await s.page.getByTestId('delivery-list').getByText('还没有投递记录', { exact: false }).waitFor();
      expect(await s.page.getByTestId('redeliver').count()).toBe(0);
      expect(await s.page.getByTestId('export-xlsx').isVisible()).toBe(true);

      // 360 px: cards, nothing wider than the screen
      const phone = await newSession({ width: 360, height: 740 });
      try {
        await new LoginPage(phone.page).loginAs('leader');
        await phone.page.goto('/webhooks');
        await phone.page.getByTestId('list-card').filter({ hasText: url }).waitFor();
        expect(await phone.page.getByTestId('create-webhook').count()).toBe(0);
        expect(await phone.page.getByTestId('webhook-actions').count()).toBe(0);
        expect(await hasHorizontalOverflow(phone.page)).toBe(false);
        await phone.page.goto(`/webhooks/${hook.id}`);
        await phone.page.getByTestId('webhook-summary').getByText(url).waitFor();
        await phone.page.getByTestId('delivery-list').getByText('还没有投递记录', { exact: false }).waitFor();
        expect(await hasHorizontalOverflow(phone.page)).toBe(false);
      } finally {
        await phone.close();
      }
    } finally {
      await unsubscribe(bureau, url);
    }
  });
});
