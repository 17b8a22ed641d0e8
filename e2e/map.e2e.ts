import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { HazardSummary, MapConfig, SiteColour, SiteDetail } from '@anxun/contracts';
import { baseUrl, launch, loginAs, screenshot } from './browser.ts';

/**
 * 一张图 at a command centre's desk: every site of the town in its colour, and a colour that
 * changes on screen, without a reload, when a hazard is closed out through the API.
 */

const poll = <T>(fn: () => Promise<T> | T, timeout = 60_000) => expect.poll(fn, { timeout, interval: 250 });
const DESK = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const;
/** The five colours as the map draws them (apps/web/src/app/theme.ts). */
const FIVE: Record<Exclude<SiteColour, 'grey'>, [number, number, number]> = {
  green: [0x38, 0x9e, 0x0d],
  yellow: [0xfa, 0xdb, 0x14],
  orange: [0xfa, 0x8c, 0x16],
  red: [0xcf, 0x13, 0x22],
  black: [0x14, 0x14, 0x14],
};
const COLOURED = 'colours=green,yellow,orange,red,black';

let browser: Browser;
let context: BrowserContext;
let desk: Page;

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext(DESK);
  desk = await context.newPage();
  await loginAs(desk, 'command');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

async function painted(page: Page) {
  const map = page.locator('[data-testid="one-map"][data-painted]');
  await map.waitFor({ state: 'attached', timeout: 60_000 });
  return map;
}

/** Which of the five colours appear among the pixels of a PNG (within a small tolerance). */
async function coloursIn(png: Buffer): Promise<string[]> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const found = new Set<string>();
  for (let i = 0; i < info.width * info.height * 3; i += 3) {
    for (const [name, [r, g, b]] of Object.entries(FIVE)) {
      if (Math.abs(data[i]! - r) <= 6 && Math.abs(data[i + 1]! - g) <= 6 && Math.abs(data[i + 2]! - b) <= 6) found.add(name);
    }
  }
  return [...found].sort();
}

/** The viewport requests a page makes from now on (the overview at zoom 0 aside), each view once. */
function viewRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/map/clusters' && url.searchParams.get('zoom') !== '0' && !seen.includes(url.search)) seen.push(url.search);
  });
  return seen;
}

const legendCount = async (page: Page, colour: SiteColour) => Number((await page.getByTestId(`legend-count-${colour}`).innerText()).replace(/,/g, ''));

describe('一张图', () => {
  it('shows the town with pins in all five colours, on a plain background with its areas', async () => {
    await desk.getByTestId('nav-map').click();
    await painted(desk);
    // Only the inspected sites: the colours stand out as single pins and small donuts.
    const views = viewRequests(desk);
    await desk.goto(`${baseUrl()}/map?${COLOURED}`);
    const map = await painted(desk);
    // The first view was foreseen before MapLibre loaded; had MapLibre fitted another, it would have asked again.
    expect(views, views.join('\n')).toHaveLength(1);
    for (const colour of Object.keys(FIVE) as SiteColour[]) expect(await legendCount(desk, colour), colour).toBeGreaterThan(0);
    const file = await screenshot(desk, 'map-five-colours', { fullPage: false });
    expect(file).toMatch(/map-five-colours\.png$/);
    // The map element alone, so the legend's swatches cannot pass the check for it.
    expect(await coloursIn(await map.screenshot())).toEqual(Object.keys(FIVE).sort());
  });

  it('changes a colour live after a close-out through the API, with no reload', async () => {
    const hazards = (await (await desk.request.get(`${baseUrl()}/api/hazards?status=open,pending_review&pageSize=200`)).json()) as { items: HazardSummary[] };
    const perSite = new Map<string, HazardSummary[]>();
    for (const h of hazards.items) perSite.set(h.siteId, [...(perSite.get(h.siteId) ?? []), h]);
    const [siteId, [hazard]] = [...perSite.entries()].find(([, list]) => list.length === 1)!;
    const before = (await (await desk.request.get(`${baseUrl()}/api/sites/${siteId}`)).json()) as SiteDetail;

    await desk.goto(`${baseUrl()}/map?${COLOURED}&site=${siteId}`);
    await painted(desk);
    const card = desk.getByTestId('card-colour');
    await poll(() => card.getAttribute('data-colour')).toBe(before.colour);
    const countBefore = await legendCount(desk, before.colour);
    // A reload would lose this.
    await desk.evaluate(() => ((globalThis as unknown as { noReload: boolean }).noReload = true));

    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2f7d32' } }).jpeg().toBuffer();
    const uploaded = await desk.request.post(`${baseUrl()}/api/sites/${siteId}/photos`, { multipart: { file: { name: 'fixed.jpg', mimeType: 'image/jpeg', buffer: photo } } });
    expect(uploaded.status(), await uploaded.text()).toBe(201);
    const { key } = (await uploaded.json()) as { key: string };
    const closed = await desk.request.post(`${baseUrl()}/api/hazards/${hazard!.id}/actions`, { data: { action: 'reinspect_fixed', evidence: [key] } });
    expect(closed.status(), await closed.text()).toBe(200);
    const after = (await (await desk.request.get(`${baseUrl()}/api/sites/${siteId}`)).json()) as SiteDetail;
    expect(after.colour).not.toBe(before.colour);

    await poll(() => card.getAttribute('data-colour'), 15_000).toBe(after.colour);
    await poll(() => legendCount(desk, before.colour), 15_000).toBe(countBefore - 1);
    expect(await desk.evaluate(() => (globalThis as unknown as { noReload?: boolean }).noReload)).toBe(true);
    await screenshot(desk, 'map-live-colour', { fullPage: false });
  });

  it('draws a configured tile source (served here by a local tile server)', async () => {
    const tile = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#cfe3f5' } }).png().toBuffer();
    const requested: string[] = [];
    const tiles = http.createServer((req, res) => {
      requested.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
      res.end(tile);
    });
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    const port = (tiles.address() as AddressInfo).port;
    const page = await context.newPage();
    try {
      // What the server answers with MAP_TILE_URL / MAP_TILE_CRS set (the env → config path is an API test).
      const config: MapConfig = { tileUrl: `http://127.0.0.1:${port}/amap/{z}/{x}/{y}.png`, crs: 'gcj02', attribution: '© 本地瓦片', maxZoom: 18 };
      await page.route('**/api/map/config', (route) => route.fulfill({ json: config }));
      const views = viewRequests(page);
      await page.goto(`${baseUrl()}/map`);
      await painted(page);
      // Foreseen through the GCJ-02 shift and back, the first view is still the one MapLibre fitted.
      expect(views, views.join('\n')).toHaveLength(1);
      await poll(() => requested.length).toBeGreaterThan(0);
      expect(requested.every((u) => /^\/amap\/\d+\/\d+\/\d+\.png$/.test(u))).toBe(true);
      await page.getByText('© 本地瓦片').waitFor({ state: 'attached' });
      await screenshot(page, 'map-tiles', { fullPage: false });
    } finally {
      await page.close();
      await new Promise((resolve) => tiles.close(resolve));
    }
  });
});
