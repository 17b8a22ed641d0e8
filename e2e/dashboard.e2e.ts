import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Dashboard, DashboardKpis } from '@anxun/contracts';
import { baseUrl, launch, loginAs, screenshot } from './browser.ts';

const poll = <T>(fn: () => Promise<T> | T, timeout = 20_000) => expect.poll(fn, { timeout, interval: 250 });

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
});
afterAll(() => browser?.close());

const KEYS: (keyof DashboardKpis)[] = ['sitesInScope', 'sitesInspected', 'inspectionRate', 'hazardsFound', 'hazardsClosed', 'closeOutRate', 'hazardsOverdue', 'openMajorHazards'];

/** What a card must show for the API's figure: rates as percentages with one decimal, counts grouped. */
const shown = (key: keyof DashboardKpis, value: number | null) =>
  key === 'inspectionRate' || key === 'closeOutRate' ? (value === null ? '—' : `${(value * 100).toFixed(1)}%`) : new Intl.NumberFormat('zh-CN').format(value ?? 0);

async function apiDashboard(): Promise<Dashboard> {
  const res = await page.request.get(`${baseUrl()}/api/dashboard`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Dashboard;
}

async function expectCardsEqualApi(target: Page) {
  const api = await apiDashboard();
  for (const key of KEYS) await poll(() => target.getByTestId(`kpi-${key}-value`).textContent(), 10_000).toBe(shown(key, api.kpis[key]));
  return api;
}

describe('dashboard (驾驶舱)', () => {
  it('is the command centre’s home page and shows the KPIs the API counts', async () => {
    await loginAs(page, 'command');
    await poll(() => new URL(page.url()).pathname).toBe('/dashboard');
    await page.getByTestId('dashboard-page').waitFor();
    const api = await expectCardsEqualApi(page);
    expect(api.kpis.sitesInScope).toBeGreaterThan(1000);
    expect(api.kpis.hazardsFound).toBeGreaterThan(0);
  });

  it('explains every figure in a tooltip with the definition the docs give', async () => {
    const api = await apiDashboard();
    await page.getByTestId('kpi-closeOutRate').getByText('销号率').hover();
    await page.getByText(api.definitions.closeOutRate!.zh).waitFor();
    await page.getByTestId('kpi-hazardsOverdue').getByText('逾期隐患').hover();
    await page.getByText(api.definitions.hazardsOverdue!.zh).waitFor();
  });

  it('switches the breakdown and links the overdue list to the hazards', async () => {
    await page.getByTestId('chart-breakdown').locator('canvas').first().waitFor();
    await page.getByTestId('breakdown-switch').getByText('部门').click();
    await poll(() => page.getByTestId('breakdown-switch').locator('.ant-segmented-item-selected').textContent()).toBe('部门');
    await page.getByTestId('chart-breakdown').locator('canvas').first().waitFor();
    const overdue = (await (await page.request.get(`${baseUrl()}/api/dashboard/overdue?limit=10`)).json()) as { total: number; items: { hazardId: string }[] };
    if (overdue.items.length) {
      const link = page.getByTestId('overdue-hazard-link').first();
      expect(await link.getAttribute('href')).toBe(`/hazards/${overdue.items[0]!.hazardId}`);
    }
    await page.getByTestId('chart-trend').locator('canvas').first().waitFor();
    await page.waitForTimeout(800); // charts animate in
    await screenshot(page, 'dashboard');
  });

  it('refreshes by itself when something changes in scope', async () => {
    // A yellow card on some site in scope, issued through the API as another screen would.
    const sites = (await (await page.request.get(`${baseUrl()}/api/sites?pageSize=1`)).json()) as { items: { id: string; name: string }[] };
    const site = sites.items[0]!;
    const before = await page.getByTestId('kpi-sitesInScope-value').textContent();
    const res = await page.request.post(`${baseUrl()}/api/sites/${site.id}/yellow-cards`, { data: { deadline: '2099-06-30', reason: '驾驶舱实时刷新测试' } });
    expect(res.status()).toBe(200);
    await poll(() => page.getByTestId('activity-feed').getByText('发出黄牌').count()).toBeGreaterThan(0);
    await page.getByTestId('activity-feed').getByText(site.name).first().waitFor();
    expect(await page.getByTestId('kpi-sitesInScope-value').textContent()).toBe(before);
  });

  it('has a 1920×1080 dark big screen for the command room', async () => {
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    await wall.context().addCookies(await page.context().cookies());
    await wall.goto(`${baseUrl()}/big-screen`);
    await wall.getByTestId('big-screen').waitFor();
    // No app chrome: the navigation is not there.
    expect(await wall.getByTestId('nav-sites').count()).toBe(0);
    await expectCardsEqualApi(wall);
    const box = await wall.getByTestId('big-screen').boundingBox();
    expect(Math.round(box!.width)).toBe(1920);
    expect(Math.round(box!.height)).toBe(1080);
    await wall.getByTestId('chart-trend').locator('canvas').first().waitFor();
    await wall.getByTestId('chart-colours').locator('canvas').first().waitFor();
    await wall.waitForTimeout(1000);
    await screenshot(wall, 'big-screen', { fullPage: false });
    await wall.close();
  });
});
