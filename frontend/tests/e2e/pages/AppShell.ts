import type { Locator, Page } from 'playwright-core';

export class AppShell {
  readonly page: Page;
  readonly languageSwitch: Locator;
  readonly logoutButton: Locator;
  readonly menuToggle: Locator;
  readonly reminderBell: Locator;
  readonly reminderPanel: Locator;

  constructor(page: Page) {
    this.page = page;
    this.reminderBell = page.getByTestId('reminder-bell');
    this.reminderPanel = page.getByTestId('reminder-panel');
    this.languageSwitch = page.getByTestId('lang-switch');
    this.logoutButton = page.getByTestId('logout');
    this.menuToggle = page.getByTestId('menu-toggle');
  }

  menu(): Locator {
    return this.page.getByTestId('main-menu').locator('[data-testid^="menu-"]');
  }

  /** The test ids of the visible menu entries (opening the drawer on phones). */
  async menuItems(): Promise<string[]> {
    if (await this.menuToggle.isVisible()) await this.menuToggle.click();
    await this.menu().first().waitFor();
    const ids = await this.menu().evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
    return ids;
  }

  async menuLabels(): Promise<string[]> {
    await this.menu().first().waitFor();
    return this.menu().allInnerTexts();
  }

  async openMenuItem(testId: string): Promise<void> {
    if (await this.menuToggle.isVisible()) await this.menuToggle.click();
    await this.page.getByTestId('main-menu').getByTestId(testId).click();
  }

  async switchLanguage(): Promise<void> {
    await this.languageSwitch.click();
  }

  async logout(): Promise<void> {
    await this.logoutButton.click();
    await this.page.waitForURL(/\/login/);
  }

  /** Open the reminders bell's list and wait until it has loaded (items or the empty note). */
  async openReminders(): Promise<void> {
    await this.reminderBell.click();
    await this.reminderPanel.locator('[data-testid="reminder-item"], .ant-empty').first().waitFor();
  }

  reminders(): Locator {
    return this.reminderPanel.getByTestId('reminder-item');
  }
}
