import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, loginAs, screenshot } from './browser.ts';
import { creditCode, rosterXlsx } from './roster.ts';

const poll = <T>(fn: () => Promise<T> | T, timeout = 15_000) => expect.poll(fn, { timeout, interval: 200 });

let browser: Browser;
let page: Page;
const stamp = Date.now() % 100000;
const newShop = `瓜沥测试五金店${stamp}`;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
});
afterAll(() => browser?.close());

/** The code of a micro-grid in the user's scope, found through the API as the web app would. */
async function someMicroGridCode(): Promise<string> {
  let areas = (await (await page.request.get(`${baseUrl()}/api/areas`)).json()) as { id: string; level: string; code: string }[];
  while (areas[0] && areas[0].level !== 'micro_grid') {
    areas = await (await page.request.get(`${baseUrl()}/api/areas?parentId=${areas[0].id}`)).json();
  }
  return areas[0]!.code;
}

describe('foundation journey (desktop)', () => {
  it('logs in and shows the site registry', async () => {
    await loginAs(page, 'command');
    await page.getByTestId('nav-sites').click();
    await page.getByTestId('sites-table').waitFor();
    await poll(() => page.locator('[data-testid="sites-table"] tbody tr').count()).toBeGreaterThan(5);
    await screenshot(page, '01-sites-list');
  });

  it('imports a roster: reports the bad rows first, then imports the valid ones', async () => {
    const areaCode = await someMicroGridCode();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'roster-')), '名册.xlsx');
    fs.writeFileSync(
      file,
      await rosterXlsx([
        { name: newShop, kind: '沿街商铺', address: `瓜沥镇测试路${stamp}号`, areaCode, responsiblePerson: '陈老板', phone: '13905719999', riskLevel: '一般', lng: 120.49, lat: 30.21 },
        { name: `瓜沥测试机械有限公司${stamp}`, kind: '企业', creditCode: creditCode(stamp), address: `瓜沥镇工业园${stamp}号`, areaCode, employees: 42, flags: '厂中厂' },
        { name: `坏数据${stamp}`, kind: '工厂', address: '瓜沥镇某路', areaCode, phone: '12345' },
      ]),
    );
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
    const errors = page.getByTestId('import-errors');
    await poll(() => errors.innerText()).toContain('类型');
    expect(await errors.innerText()).toContain('手机号');
    await screenshot(page, '02-import-report');
    await page.getByTestId('import-commit').click();
    await poll(() => page.locator('body').innerText(), 30_000).toContain('已导入 2 个受检单位');
    await screenshot(page, '03-import-done');
  });

  it('finds the imported site and opens its archive with the timeline', async () => {
    await page.getByTestId('nav-sites').click();
    await page.getByTestId('sites-search').fill(newShop);
    await page.getByTestId('sites-search').press('Enter');
    const link = page.locator('[data-testid="sites-table"]').getByText(newShop, { exact: true });
    await link.waitFor();
    await link.click();
    await poll(() => page.getByTestId('site-archive-title').innerText()).toContain(newShop);
    await poll(() => page.locator('body').innerText()).toContain('陈老板');
    await screenshot(page, '04-site-archive');
  });

  it('switches the interface to English', async () => {
    await page.getByTestId('lang-switch').click();
    await poll(() => page.locator('body').innerText()).toMatch(/Sites|Site/);
    await screenshot(page, '05-site-archive-en');
    await page.getByTestId('lang-switch').click();
  });
});
