import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import type { Area, Campaign, CampaignUnit, HazardSummary, Site } from '@anxun/contracts';
import { baseUrl, launch, loginAs, screenshot } from './browser.ts';

/**
 * 排名晾晒: a campaign over the demo town that started 13 days ago (so the demo's inspections of
 * the last ten days and their hazards count), with two squads. The page's every figure — counts,
 * ranks, bottom-three marks — must equal a recount made here from the raw records read back
 * through the API: every site of the town, every hazard, and every visit of every site ever visited.
 */

const DESK = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const;
const shanghaiDay = (offset = 0) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const KINDS = ['enterprise', 'street_shop'];

let browser: Browser;
let context: BrowserContext;
let page: Page;
let campaign: Campaign;
let squads: string[] = [];

interface Figures {
  sitesInScope: number;
  sitesInspected: number;
  hazardsFound: number;
  hazardsClosed: number;
}

async function json<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(`${baseUrl()}/api${path}`);
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

async function all<T>(request: APIRequestContext, path: string): Promise<T[]> {
  const out: T[] = [];
  for (let p = 1; ; p++) {
    const res = await json<{ items: T[]; total: number }>(request, `${path}${path.includes('?') ? '&' : '?'}pageSize=200&page=${p}`);
    out.push(...res.items);
    if (out.length >= res.total || res.items.length === 0) return out;
  }
}

/** 1 + the units with a strictly better share; a unit with nothing to divide by is worse than any with a share. */
function ranks(shares: { num: number; den: number }[]): number[] {
  const better = (v: { num: number; den: number }, u: { num: number; den: number }) => (u.den === 0 ? v.den > 0 : v.den > 0 && v.num * u.den > u.num * v.den);
  return shares.map((u) => 1 + shares.filter((v) => better(v, u)).length);
}

/** Every unit's figures now, from raw records: sites, their visits, hazards and their statuses. */
async function recount(request: APIRequestContext, units: Map<string, Set<string>>) {
  const start = new Date(`${campaign.startsOn}T00:00:00+08:00`).getTime();
  const inScope = await all<Site>(request, `/sites?areaId=${campaign.areaId}`);
  const visited = inScope.filter((s) => s.colour !== 'grey');
  const inspected = new Set<string>();
  // Hundreds of visited sites: a few requests at a time, or the recount outlasts the test on a busy machine.
  for (let i = 0; i < visited.length; i += 8) {
    await Promise.all(
      visited.slice(i, i + 8).map(async (site) => {
        const orders = await json<{ inspections: { kind: string; endedAt: string }[] }>(request, `/sites/${site.id}/orders`);
        if (orders.inspections.some((v) => v.kind === 'inspection' && new Date(v.endedAt).getTime() >= start)) inspected.add(site.id);
      }),
    );
  }
  const hazards = (await all<HazardSummary>(request, `/hazards?areaId=${campaign.areaId}`)).filter((h) => new Date(h.foundAt).getTime() >= start && h.status !== 'cancelled');
  const figures = new Map<string, Figures>();
  for (const [unitId, siteIds] of units) {
    const mine = hazards.filter((h) => siteIds.has(h.siteId));
    figures.set(unitId, {
      sitesInScope: siteIds.size,
      sitesInspected: [...siteIds].filter((id) => inspected.has(id)).length,
      hazardsFound: mine.length,
      hazardsClosed: mine.filter((h) => h.status === 'closed').length,
    });
  }
  const ids = [...figures.keys()];
  const inspection = ranks(ids.map((id) => ({ num: figures.get(id)!.sitesInspected, den: figures.get(id)!.sitesInScope })));
  const closeOut = ranks(ids.map((id) => ({ num: figures.get(id)!.hazardsClosed, den: figures.get(id)!.hazardsFound })));
  return new Map(ids.map((id, i) => [id, { ...figures.get(id)!, inspectionRank: inspection[i]!, closeOutRank: closeOut[i]! }]));
}

/** What the page shows, row by row. */
async function shown(p: Page) {
  await p.getByTestId('ranking-row').first().waitFor();
  return p.getByTestId('ranking-row').evaluateAll((rows) =>
    rows.map((row) => {
      const cell = (id: string) => row.querySelector(`[data-testid="${id}"]`)!;
      const data = (id: string, name: string) => Number(cell(id).getAttribute(`data-${name}`));
      return {
        unitId: row.getAttribute('data-unit')!,
        sitesInspected: data('inspected', 'numerator'),
        sitesInScope: data('inspected', 'denominator'),
        hazardsClosed: data('closed', 'numerator'),
        hazardsFound: data('closed', 'denominator'),
        inspectionRank: Number(cell('inspection-rank').textContent),
        closeOutRank: Number(cell('close-out-rank').textContent),
        inspectionBottom: !!row.querySelector('[data-testid="inspection-rank-bottom"]'),
        closeOutBottom: !!row.querySelector('[data-testid="close-out-rank-bottom"]'),
        rateText: cell('inspection-rate').textContent,
      };
    }),
  );
}

function bottom(figures: Map<string, { inspectionRank: number; closeOutRank: number; sitesInScope: number; hazardsFound: number }>, which: 'inspection' | 'closeOut') {
  const ranked = [...figures].filter(([, f]) => (which === 'inspection' ? f.sitesInScope : f.hazardsFound) > 0).map(([id, f]) => ({ id, rank: which === 'inspection' ? f.inspectionRank : f.closeOutRank }));
  return new Set(ranked.filter((u) => ranked.filter((o) => o.rank > u.rank).length < 3).map((u) => u.id));
}

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext(DESK);
  page = await context.newPage();
  await loginAs(page, 'command');
  const [town] = await json<Area[]>(page.request, '/areas');
  const created = await page.request.post(`${baseUrl()}/api/campaigns`, {
    data: { name: `除险保安排名（e2e ${Date.now() % 100000}）`, areaId: town!.id, startsOn: shanghaiDay(-13), endsOn: shanghaiDay(30), siteKinds: KINDS },
  });
  expect(created.status(), await created.text()).toBe(201);
  campaign = (await created.json()) as Campaign;
  const unit = async (body: object) => {
    const res = await page.request.post(`${baseUrl()}/api/campaigns/${campaign.id}/units`, { data: body });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return ((await res.json()) as { units: CampaignUnit[] }).units;
  };
  const zone = (await unit({ kind: 'zone', name: '第一片区' })).find((u) => u.kind === 'zone')!;
  await unit({ kind: 'squad', parentId: zone.id, name: '第一小组' });
  squads = (await unit({ kind: 'squad', parentId: zone.id, name: '第二小组' })).filter((u) => u.kind === 'squad').map((u) => u.id);
  const villages = await json<Area[]>(page.request, `/areas?parentId=${town!.id}`);
  // The first village (the demo's inspected one) to squad 1, the second to squad 2.
  for (const [i, squadId] of squads.entries()) {
    const res = await page.request.post(`${baseUrl()}/api/campaigns/${campaign.id}/assignments`, { data: { unitId: squadId, areaId: villages[i]!.id } });
    expect(res.status(), await res.text()).toBeLessThan(300);
  }
});
afterAll(async () => {
  await context.close();
  await browser.close();
});

describe('rankings (排名晾晒)', () => {
  it('the village ranking on the page equals a recount from the raw records', async () => {
    const villages = await json<Area[]>(page.request, `/areas?parentId=${campaign.areaId}`);
    const sites = (await all<Site>(page.request, `/sites?areaId=${campaign.areaId}`)).filter((s) => KINDS.includes(s.kind));
    const pathOf = new Map<string, string>();
    for (const areaId of new Set(sites.map((s) => s.areaId))) pathOf.set(areaId, (await json<Area>(page.request, `/areas/${areaId}`)).path);
    const units = new Map(villages.map((v) => [v.id, new Set(sites.filter((s) => pathOf.get(s.areaId)!.startsWith(v.path)).map((s) => s.id))]));
    const expected = await recount(page.request, units);
    expect([...expected.values()].some((f) => f.sitesInspected > 0 && f.hazardsFound > 0)).toBe(true);

    await page.goto(`${baseUrl()}/rankings?campaign=${campaign.id}`);
    await page.getByTestId('rankings-title').waitFor();
    const rows = await shown(page);
    expect(await page.getByTestId('ranking-as-of').first().getAttribute('data-live')).toBe('true');
    expect(new Set(rows.map((r) => r.unitId))).toEqual(new Set(expected.keys()));
    for (const row of rows) expect(row, row.unitId).toMatchObject(expected.get(row.unitId)!);
    expect(new Set(rows.filter((r) => r.inspectionBottom).map((r) => r.unitId))).toEqual(bottom(expected, 'inspection'));
    expect(new Set(rows.filter((r) => r.closeOutBottom).map((r) => r.unitId))).toEqual(bottom(expected, 'closeOut'));
    const first = rows.find((r) => r.sitesInScope > 0)!;
    expect(first.rateText).toBe(`${((first.sitesInspected / first.sitesInScope) * 100).toFixed(1)}%`);
    await screenshot(page, 'rankings-villages');
  }, 180_000);

  it('the squad ranking equals the recount over each squad’s assigned sites', async () => {
    const units = new Map<string, Set<string>>();
    for (const squadId of squads) units.set(squadId, new Set((await all<{ siteId: string }>(page.request, `/campaigns/${campaign.id}/sites?squadId=${squadId}`)).map((s) => s.siteId)));
    const expected = await recount(page.request, units);
    await page.getByTestId('ranking-tab-squad').click();
    await page.waitForURL(/unit=squad/);
    await page.getByTestId('ranking-weekly').first().waitFor();
    const rows = await shown(page);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row, row.unitId).toMatchObject(expected.get(row.unitId)!);
    await screenshot(page, 'rankings-squads');
  }, 180_000);

  it('a past day is read from the snapshot (or counted as of that night) and shows the history chart', async () => {
    await page.goto(`${baseUrl()}/rankings?campaign=${campaign.id}&day=${shanghaiDay(-1)}`);
    await page.getByTestId('ranking-row').first().waitFor();
    await expect.poll(() => page.getByTestId('ranking-as-of').first().getAttribute('data-day'), { timeout: 30_000 }).toBe(shanghaiDay(-1));
    expect(await page.getByTestId('ranking-as-of').first().getAttribute('data-live')).toBe('false');
    await page.getByTestId('ranking-history-chart').waitFor();
    await screenshot(page, 'rankings-history');
  });
});
