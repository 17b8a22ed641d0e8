import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { HazardSummary, Site } from '@anxun/contracts';
import { baseUrl, launch, loginAs, screenshot } from './browser.ts';

/**
 * Exports from the UI: the button starts the browser's download while the dialog follows the
 * server's progress to "done"; the saved file parses and holds what the list shows for the same filters.
 */

let browser: Browser;
let context: BrowserContext;
let page: Page;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxun-exports-'));

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  page = await context.newPage();
  await loginAs(page, 'command');
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function listAll<T>(pathAndQuery: string): Promise<T[]> {
  const out: T[] = [];
  for (let p = 1; ; p++) {
    const res = await page.request.get(`${baseUrl()}/api${pathAndQuery}&pageSize=200&page=${p}`);
    expect(res.ok()).toBe(true);
    const body = (await res.json()) as { items: T[]; total: number; totalCapped?: boolean };
    out.push(...body.items);
    if (!body.totalCapped && out.length >= body.total) return out;
  }
}

/** Clicks the export button, saves the download and waits for the dialog to say done. */
async function exportFrom(testId: string, name: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = path.join(dir, name);
  await download.saveAs(file);
  await page.locator('[data-testid="export-progress"][data-state="done"]').waitFor({ timeout: 30_000 });
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { suggested: download.suggestedFilename(), sheet: sheet.name, header: rows[0]!, rows: rows.slice(1) };
}

describe('xlsx exports from the UI', () => {
  it('exports the hazard ledger with the list filters, with progress to done', async () => {
    await page.goto(`${baseUrl()}/hazards?level=major`);
    await page.getByTestId('hazards-table').waitFor();
    const listed = await listAll<HazardSummary>('/hazards?level=major');
    expect(listed.length).toBeGreaterThan(0);
    const file = await exportFrom('hazards-export', 'ledger.xlsx');
    await screenshot(page, 'exports-hazard-ledger', { fullPage: false });
    expect(file.suggested).toMatch(/^隐患台账-\d{8}\.xlsx$/);
    expect(file.sheet).toBe('隐患台账');
    expect(file.header.slice(0, 5)).toEqual(['受检单位', '所属镇街', '所属村社', '责任部门', '检查项']);
    expect(file.rows.map((r) => [r[0], r[5]])).toEqual(listed.map((h) => [h.siteName, h.description]));
    expect(file.rows.every((r) => r[6] === '重大隐患')).toBe(true);
    await page.getByTestId('export-close').click();
  });

  it('exports the site list with the list filters', async () => {
    await page.goto(`${baseUrl()}/sites?kind=high_rise`);
    await page.getByTestId('sites-table').waitFor();
    const listed = await listAll<Site>('/sites?kind=high_rise');
    const file = await exportFrom('sites-export', 'sites.xlsx');
    expect(file.suggested).toMatch(/^受检单位-\d{8}\.xlsx$/);
    expect(file.rows).toHaveLength(listed.length);
    expect(file.rows.map((r) => r[0]).sort()).toEqual(listed.map((s) => s.name).sort());
    await page.getByTestId('export-close').click();
  });
});
