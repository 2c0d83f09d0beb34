import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { BASE_URL, CHROMIUM_PATH } from './env';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Browser | null = null;

export async function getBrowser(): Promise<Browser> {
  if (!browser) browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/**
 * A fresh browser context (own cookies and storage), desktop size unless told otherwise; `options`
 * adds context settings (a time zone, a granted geolocation...).
 */
export async function newSession(
  viewport = { width: 1280, height: 800 },
  options: Omit<BrowserContextOptions, 'baseURL' | 'viewport'> = {},
): Promise<Session> {
  const b = await getBrowser();
  const context = await b.newContext({ locale: 'zh-CN', ...options, baseURL: BASE_URL, viewport });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page, close: () => context.close() };
}

/** True when the page body is wider than the viewport (a horizontal scrollbar). */
export async function hasHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1 || document.body.scrollWidth > window.innerWidth + 1,
  );
}

/**
 * Wait until no Ant Design element is still animating in. Dialogs ignore clicks while they zoom in,
 * and on a busy CI machine a test can otherwise click "OK" or "cancel" mid-animation and wait for ever.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll('[class*="-appear-active"], [class*="-enter-active"]').length === 0,
  );
}
