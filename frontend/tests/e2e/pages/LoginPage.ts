import type { Locator, Page } from 'playwright-core';
import { demoPassword, type DemoUser } from '../support/env';

export class LoginPage {
  readonly page: Page;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly languageSwitch: Locator;

  constructor(page: Page) {
    this.page = page;
    const form = page.getByTestId('login-form');
    this.username = form.locator('#username');
    this.password = form.locator('#password');
    this.submit = page.getByTestId('login-submit');
    this.error = page.getByTestId('login-error');
    this.languageSwitch = page.getByTestId('lang-switch');
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await this.submit.waitFor();
  }

  async login(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  /**
   * Log in as a demo account and wait until the app shell is shown. The account may have been
   * left in English by an earlier run; tests start in Chinese, so switch back when needed.
   */
  async loginAs(user: DemoUser, language: 'zh-CN' | 'keep' = 'zh-CN'): Promise<void> {
    await this.goto();
    await this.login(user, demoPassword());
    await this.page.getByTestId('logout').waitFor();
    if (language === 'keep') return;
    const lang = await this.page.evaluate(() => document.documentElement.lang);
    if (lang !== language) {
      await this.page.getByTestId('lang-switch').click();
      await this.page.waitForFunction((l) => document.documentElement.lang === l, language);
    }
  }
}
