import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, hasHorizontalOverflow } from './support/browser';
import { sessionAs } from './support/session';
import { AppShell } from './pages/AppShell';

afterAll(closeBrowser);

describe('reminders bell', () => {
  it('the bureau sees what waits for its approval and opens the agreement from the list', async () => {
    const s = await sessionAs('bureau');
    try {
      const shell = new AppShell(s.page);
      await shell.openReminders();
      // the demo county has a confirmed agreement waiting for the bureau's approval (and rotations)
      const waiting = shell
        .reminders()
        .and(s.page.locator('[data-urgency="waiting"]'))
        .filter({ has: s.page.locator('a[href^="/agreements/"]') });
      expect(await waiting.count()).toBeGreaterThan(0);
      // the badge counts the unread ones
      const unread = await shell.reminders().and(s.page.locator('[data-unread="true"]')).count();
      expect(unread).toBeGreaterThan(0);
      expect(await shell.reminderBell.locator('.ant-badge-count').innerText()).toBe(String(unread));
      await waiting.first().locator('a').click();
      await s.page.waitForURL(/\/agreements\/\d+$/);
      await s.page.locator('.page-header [data-testid="status-tag"]').waitFor();
    } finally {
      await s.close();
    }
  });

  // (the demo teacher may have a leave decision by now, from another spec: the viewer has nothing)
  it('an account with nothing waiting gets the empty note', async () => {
    const s = await sessionAs('leader');
    try {
      const shell = new AppShell(s.page);
      await shell.openReminders();
      await shell.reminderPanel.getByText('暂无提醒').waitFor();
    } finally {
      await s.close();
    }
  });

  it('the bell fits the header of a 360-px phone and its list fits the screen', async () => {
    const s = await sessionAs('admin_YX009', { width: 360, height: 740 });
    try {
      const shell = new AppShell(s.page);
      expect(await shell.reminderBell.isVisible()).toBe(true);
      await shell.openReminders();
      expect(await hasHorizontalOverflow(s.page)).toBe(false);
      const box = await shell.reminderPanel.boundingBox();
      expect(box).not.toBeNull();
      if (box) expect(box.x + box.width).toBeLessThanOrEqual(360);
    } finally {
      await s.close();
    }
  });
});
