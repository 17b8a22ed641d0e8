import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader'],
  });
}

export const baseUrl = () => inject('baseUrl');

/** `fullPage: false` keeps only the viewport (long phone forms would make huge images). */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

export async function loginAs(page: Page, username: string, password = 'Anxun@2026') {
  await page.goto(`${baseUrl()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-sites').waitFor();
}

/**
 * One browser for a file and a desk-sized, logged-in page per account; `close` ends them all.
 * Journeys where several officials act in turn (command centre, village, supervisor) use it.
 */
export function deskSessions() {
  const desk = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  return {
    async page(username: string): Promise<Page> {
      browser ??= await launch();
      const context = await browser.newContext(desk);
      contexts.push(context);
      const page = await context.newPage();
      await loginAs(page, username);
      return page;
    },
    async close(): Promise<void> {
      for (const context of contexts) await context.close();
      await browser?.close();
    },
  };
}
