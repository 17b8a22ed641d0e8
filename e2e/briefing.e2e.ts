import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Briefing, Campaign, RankingView } from '@anxun/contracts';
import { baseUrl, launch, loginAs, screenshot } from './browser.ts';

/**
 * 每日通报: the command centre opens the briefing of the demo campaign (its 14 simulated days), sees
 * the document with the bottom three the ranking marks for that day, prints nothing but downloads the
 * server's PDF from the button, which must be a PDF whose text carries the title and the date.
 */

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  page = await context.newPage();
  await loginAs(page, 'command');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('每日通报', () => {
  it('shows the day’s briefing of the demo campaign and downloads its PDF', async () => {
    const campaigns = (await (await page.request.get(`${baseUrl()}/api/campaigns?pageSize=200`)).json()) as { items: Campaign[] };
    // Other journeys create campaigns of their own (some starting today); the demo's is the seeded one.
    const demo = campaigns.items.find((c) => c.name.endsWith('“除险保安”专项行动') && c.status === 'active');
    expect(demo, 'the demo campaign').toBeDefined();

    await page.getByTestId('nav-briefings').click();
    await page.getByTestId('briefing-title').waitFor({ timeout: 60_000 });
    await page.goto(`${baseUrl()}/briefings?campaign=${demo!.id}`);
    await page.getByTestId('briefing-title').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('briefing-title').textContent()).toBe('安全隐患排查整治每日通报');

    // The default day is yesterday, the last complete day; the page shows what the API says for it.
    const yesterday = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    const briefing = (await (await page.request.get(`${baseUrl()}/api/campaigns/${demo!.id}/briefings/${yesterday}`)).json()) as Briefing;
    const ranking = (await (await page.request.get(`${baseUrl()}/api/campaigns/${demo!.id}/rankings?unit=village&day=${yesterday}`)).json()) as RankingView;
    const [y, m, d] = yesterday.split('-').map(Number);
    expect(await page.getByTestId('briefing-date').textContent()).toContain(`${y}年${m}月${d}日`);
    const summary = (await page.getByTestId('briefing-summary').textContent()) ?? '';
    expect(summary).toBe(briefing.summary);
    const bottom = ranking.rows.filter((r) => r.inspectionBottom).map((r) => r.name);
    expect(bottom.length).toBeGreaterThanOrEqual(3);
    for (const name of bottom) expect(summary).toContain(name);
    await expect.poll(() => page.locator('[data-testid="briefing-villages"] tr[data-bottom]').count()).toBe(ranking.rows.filter((r) => r.inspectionBottom || r.closeOutBottom).length);
    await page.getByTestId('briefing-trend-chart').locator('svg').first().waitFor();
    await screenshot(page, 'briefing');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('briefing-download').click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-e2e-')), 'briefing.pdf');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('安全隐患排查整治每日通报');
    expect(text).toContain(`${y}年${m}月${d}日`);
    for (const name of bottom) expect(text).toContain(name);
  });
});
