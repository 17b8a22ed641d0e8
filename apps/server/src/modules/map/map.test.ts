import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { SITE_COLOURS, type ColourCounts, type MapClusters, type SiteColour } from '@anxun/contracts';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, insertDepartment, insertSite, insertUser } from '../../../test/factories.ts';
import { insertHazard } from '../../../test/closed-loop-rows.ts';
import { sites } from '../sites/schema.ts';
import { areas } from '../areas/schema.ts';
import { campaigns, campaignSites, campaignUnits } from '../campaigns/schema.ts';
import { refreshSiteColour } from '../colours/service.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof areaTree>>;
let town: string;
let village: string;
let party: string;
type SiteRow = typeof sites.$inferSelect;
const inA: SiteRow[] = [];
const inB: SiteRow[] = [];
let department: Awaited<ReturnType<typeof insertDepartment>>;
let squadId: string;
let campaignId: string;

const WORLD = '-180,-85,180,85';
const NEAR = '120.40,30.10,120.60,30.30';
/** Small enough for the cell budget at the pin zoom. */
const TIGHT = '120.47,30.18,120.55,30.22';

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  tree = await areaTree(db);
  // Deterministic spread: 18 sites in village A over all six colours, one of them without coordinates; 6 in village B.
  for (let i = 0; i < 18; i++) {
    const colour = SITE_COLOURS[i % 6]!;
    inA.push(
      await insertSite(db, tree.microA, {
        colour,
        kind: i % 3 === 0 ? 'street_shop' : 'enterprise',
        riskLevel: i % 4 === 0 ? 'red' : 'blue',
        lng: i === 17 ? null : 120.48 + (i % 5) * 0.004,
        lat: i === 17 ? null : 30.19 + Math.floor(i / 5) * 0.004,
      }),
    );
  }
  for (let i = 0; i < 6; i++) inB.push(await insertSite(db, tree.microB, { colour: SITE_COLOURS[i]!, lng: 120.52 + i * 0.003, lat: 30.21 }));
  department = await insertDepartment(db, 'map-fire', '消防');
  await insertHazard(db, inA[1]!, department.id);
  await insertHazard(db, inA[2]!, department.id, { status: 'closed' });
  await insertHazard(db, inB[1]!, department.id);
  campaignId = randomUUID();
  squadId = randomUUID();
  await db.insert(campaigns).values({ id: campaignId, name: '除险保安', areaId: tree.town.id, areaPath: tree.town.path, startsOn: '2026-01-01', endsOn: '2026-12-31', siteKinds: ['enterprise'] });
  await db.insert(campaignUnits).values({ id: squadId, campaignId, kind: 'squad', name: '第一小组' });
  await db.insert(campaignSites).values([inA[3]!, inA[4]!, inB[0]!].map((s) => ({ campaignId, siteId: s.id, squadId })));
  const square = (lng: number, lat: number) => ({ type: 'Polygon' as const, coordinates: [[[lng, lat], [lng + 0.02, lat], [lng + 0.02, lat + 0.02], [lng, lat + 0.02], [lng, lat]] as [number, number][]] });
  await db.update(areas).set({ boundary: square(120.47, 30.18), centreLng: 120.48, centreLat: 30.19 }).where(eq(areas.id, tree.villageA.id));
  await db.update(areas).set({ boundary: square(120.51, 30.2), centreLng: 120.52, centreLat: 30.21 }).where(eq(areas.id, tree.villageB.id));
  town = await t.login((await insertUser(db, ['town'], [tree.town])).username);
  village = await t.login((await insertUser(db, ['village'], [tree.villageA])).username);
  party = await t.login((await insertUser(db, ['party'], [], { phone: inA[0]!.phone! })).username);
});
afterAll(() => t.close());

async function clusters(cookie: string, query: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/map/clusters?${query}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MapClusters>();
}

/** Per-colour sums of what the map draws: cluster counts plus one per pin. */
function drawn(answer: MapClusters): ColourCounts {
  const out = Object.fromEntries(SITE_COLOURS.map((c) => [c, 0])) as ColourCounts;
  for (const c of answer.clusters) for (const colour of SITE_COLOURS) out[colour] += c.counts[colour];
  for (const p of answer.pins) out[p.colour] += 1;
  return out;
}

/** The same counts straight from the database. */
async function countsIn(scopePath: string, located = true): Promise<ColourCounts> {
  const rows = await t.database.db
    .select({ colour: sites.colour, n: sql<number>`count(*)::int` })
    .from(sites)
    .where(sql`${sites.areaPath} like ${scopePath + '%'} ${located ? sql`and ${sites.lng} is not null` : sql``}`)
    .groupBy(sites.colour);
  const out = Object.fromEntries(SITE_COLOURS.map((c) => [c, 0])) as ColourCounts;
  for (const r of rows) out[r.colour as SiteColour] = r.n;
  return out;
}

describe('GET /api/map/clusters', () => {
  it.each([3, 10, 14, 16, 17])('at zoom %i the clusters and pins add up to the scope per colour, exactly', async (zoom) => {
    for (const [cookie, path] of [
      [town, tree.town.path],
      [village, tree.villageA.path],
    ] as const) {
      const answer = await clusters(cookie, `bbox=${zoom < 10 ? WORLD : zoom < 16 ? NEAR : TIGHT}&zoom=${zoom}`);
      expect(drawn(answer)).toEqual(await countsIn(path));
      expect(answer.legend).toEqual(await countsIn(path, false));
      expect(answer.unlocated).toBe(1);
    }
  });

  it('never counts or names a site outside the scope', async () => {
    const answer = await clusters(village, `bbox=${TIGHT}&zoom=17`);
    const ids = answer.pins.map((p) => p.id);
    expect(ids).toHaveLength(17);
    for (const s of inB) expect(ids).not.toContain(s.id);
    expect(answer.pins.find((p) => p.id === inA[0]!.id)).toMatchObject({ name: inA[0]!.name, colour: inA[0]!.colour, kind: inA[0]!.kind });
  });

  it('clusters nearby sites at low zoom with their colours', async () => {
    const answer = await clusters(town, `bbox=${WORLD}&zoom=3`);
    expect(answer.pins).toEqual([]);
    expect(answer.clusters).toHaveLength(1);
    expect(answer.clusters[0]!.count).toBe(23);
    expect(answer.clusters[0]!.lng).toBeGreaterThan(120.47);
    expect(answer.clusters[0]!.lng).toBeLessThan(120.54);
  });

  it('filters by kind, colours, risk level, area, department, campaign and squad', async () => {
    const ids = async (query: string) => (await clusters(town, `bbox=${TIGHT}&zoom=17&${query}`)).pins.map((p) => p.id).sort();
    const located = [...inA, ...inB].filter((s) => s.lng !== null);
    const expectIds = (pred: (s: SiteRow) => boolean) => located.filter(pred).map((s) => s.id).sort();
    expect(await ids('kind=street_shop')).toEqual(expectIds((s) => s.kind === 'street_shop'));
    expect(await ids('colours=red,black')).toEqual(expectIds((s) => s.colour === 'red' || s.colour === 'black'));
    expect(await ids('riskLevel=red')).toEqual(expectIds((s) => s.riskLevel === 'red'));
    expect(await ids(`areaId=${tree.villageB.id}`)).toEqual(expectIds((s) => s.areaPath.startsWith(tree.villageB.path)));
    // Open hazards only: the closed one on inA[2] does not count.
    expect(await ids(`departmentId=${department.id}`)).toEqual([inA[1]!.id, inB[1]!.id].sort());
    expect(await ids(`campaignId=${campaignId}`)).toEqual([inA[3]!.id, inA[4]!.id, inB[0]!.id].sort());
    expect(await ids(`squadId=${squadId}&kind=enterprise`)).toEqual([inA[4]!.id, inB[0]!.id].sort());
    // The legend keeps every colour under the other filters so it can switch colours on and off.
    const legend = (await clusters(town, `bbox=${TIGHT}&zoom=17&colours=red&kind=street_shop`)).legend;
    expect(Object.values(legend).reduce((a, b) => a + b, 0)).toBe([...inA, ...inB].filter((s) => s.kind === 'street_shop').length);
  });

  it('answers 404 for an area outside the scope, 403 for a party, 400 for a wall of screens', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/map/clusters?bbox=${NEAR}&zoom=12&areaId=${tree.villageB.id}`, headers: { cookie: village } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/map/clusters?bbox=${NEAR}&zoom=12`, headers: { cookie: party } })).statusCode).toBe(403);
    const wall = await t.app.inject({ method: 'GET', url: `/api/map/clusters?bbox=${WORLD}&zoom=14`, headers: { cookie: town } });
    expect(wall.statusCode).toBe(400);
    expect(wall.json()).toMatchObject({ code: 'viewport_too_large' });
    expect((await t.app.inject({ method: 'GET', url: `/api/map/clusters?bbox=1,2,3&zoom=12`, headers: { cookie: town } })).statusCode).toBe(400);
  });

  it('sees sites created, moved and recoloured since the last query', async () => {
    const before = await clusters(village, `bbox=${TIGHT}&zoom=17`);
    const added = await insertSite(t.database.db, tree.microA, { colour: 'grey', lng: 120.5, lat: 30.2 });
    await t.database.db.update(sites).set({ lng: 120.501, updatedAt: sql`now()` }).where(eq(sites.id, inA[5]!.id));
    const target = inA[0]!; // grey, never inspected
    await t.database.db.transaction(async (tx) => {
      await tx.update(sites).set({ inspectedAt: new Date() }).where(eq(sites.id, target.id));
      await refreshSiteColour(tx, target.id, 'test');
    });
    const after = await clusters(village, `bbox=${TIGHT}&zoom=17`);
    expect(after.pins).toHaveLength(before.pins.length + 1);
    expect(after.pins.find((p) => p.id === added.id)?.colour).toBe('grey');
    expect(after.pins.find((p) => p.id === inA[5]!.id)?.lng).toBe(120.501);
    expect(after.pins.find((p) => p.id === target.id)?.colour).toBe('green');
    expect(drawn(after)).toEqual(await countsIn(tree.villageA.path));
  });
});

describe('GET /api/map/events', () => {
  it('pushes a colour change inside the scope and none outside it', async () => {
    const db = t.database.db;
    const a = await insertSite(db, tree.microA, { lng: 120.5, lat: 30.2 });
    const b = await insertSite(db, tree.microB, { lng: 120.52, lat: 30.21 });
    const stream = t.app.inject({ method: 'GET', url: '/api/map/events?maxSeconds=3', headers: { cookie: village } });
    await new Promise((r) => setTimeout(r, 500));
    for (const site of [a, b]) {
      await db.transaction(async (tx) => {
        await tx.update(sites).set({ inspectedAt: new Date() }).where(eq(sites.id, site.id));
        await refreshSiteColour(tx, site.id, 'test');
      });
    }
    const res = await stream;
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    const events = res.body
      .split('\n\n')
      .filter((block) => block.includes('event: colour'))
      .map((block) => JSON.parse(block.split('\n').find((l) => l.startsWith('data: '))!.slice(6)) as { siteId: string; colour: string; previous: string });
    expect(events).toEqual([expect.objectContaining({ siteId: a.id, colour: 'green', previous: 'grey' })]);
    expect(res.body).not.toContain(b.id);
  });

  it('is refused to a party and without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/map/events?maxSeconds=0.2', headers: { cookie: party } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/map/events?maxSeconds=0.2' })).statusCode).toBe(401);
  });
});

describe('areas, site card, options, config', () => {
  it('draws the area polygons of the zoom level inside the scope', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/map/areas?bbox=${NEAR}&zoom=12`, headers: { cookie: village } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().map((a: { name: string }) => a.name)).toEqual([tree.villageA.name]);
    const all = await t.app.inject({ method: 'GET', url: `/api/map/areas?bbox=${NEAR}&zoom=12`, headers: { cookie: town } });
    expect(all.json()).toHaveLength(2);
  });

  it('shows a site card with its open hazards; 404 outside the scope', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/map/sites/${inA[1]!.id}`, headers: { cookie: village } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: inA[1]!.id, name: inA[1]!.name, openHazards: [{ departmentName: '消防', status: 'open' }] });
    expect((await t.app.inject({ method: 'GET', url: `/api/map/sites/${inB[1]!.id}`, headers: { cookie: village } })).statusCode).toBe(404);
  });

  it('lists departments and the campaigns touching the scope with their squads', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/map/options', headers: { cookie: village } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().campaigns).toEqual([{ id: campaignId, name: '除险保安', squads: [{ id: squadId, name: '第一小组' }] }]);
  });

  it('has no basemap tiles unless configured', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/map/config', headers: { cookie: town } });
    expect(res.json()).toEqual({ tileUrl: null, crs: 'wgs84', attribution: null, maxZoom: 18 });
  });
});

describe('a configured basemap', () => {
  it('passes MAP_TILE_URL, MAP_TILE_CRS and the attribution to the web app', async () => {
    const other = await buildTestApp({ MAP_TILE_URL: 'https://webrd01.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}', MAP_TILE_CRS: 'gcj02', MAP_TILE_ATTRIBUTION: '© 高德地图' });
    try {
      const tree2 = await areaTree(other.database.db);
      const cookie = await other.login((await insertUser(other.database.db, ['town'], [tree2.town])).username);
      const res = await other.app.inject({ method: 'GET', url: '/api/map/config', headers: { cookie } });
      expect(res.json()).toEqual({ tileUrl: 'https://webrd01.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}', crs: 'gcj02', attribution: '© 高德地图', maxZoom: 18 });
    } finally {
      await other.close();
    }
  });
});
