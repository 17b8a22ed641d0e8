import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { SITE_COLOURS, SITE_KINDS, type ActivityItem, type BreakdownRow, type Dashboard, type HazardStatus } from '@anxun/contracts';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, insertDepartment, insertSite, insertUser } from '../../../test/factories.ts';
import { insertCheckItem, insertInspection } from '../../../test/closed-loop-rows.ts';
import { sites } from '../sites/schema.ts';
import { inspections } from '../inspections/schema.ts';
import { hazards } from '../hazards/schema.ts';
import { checkItems } from '../checklists/schema.ts';
import { colourHistory } from '../colours/schema.ts';
import { suspensions, yellowCards } from '../site-orders/schema.ts';
import { campaigns, campaignSites, campaignUnits } from '../campaigns/schema.ts';

/*
 * Every figure is recounted here from the raw rows with code of its own (plain UTC+8 arithmetic,
 * string prefixes, array filters) and must equal what the API answers, exactly.
 */

let t: TestApp;
let tree: Awaited<ReturnType<typeof areaTree>>;
const cookies = {} as Record<'command' | 'village' | 'department' | 'supervisor' | 'party', string>;
const scopes = {} as Record<keyof typeof cookies, { paths: string[]; department: string | null }>;
let campaignId: string;
let campaignB: string;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function lcg(seed: number) {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
}
const shDay = (instant: Date) => new Date(instant.getTime() + 8 * HOUR).toISOString().slice(0, 10);
const shMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const addDays = (day: string, n: number) => shDay(new Date(shMidnight(day).getTime() + n * DAY));

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  tree = await areaTree(db);
  const rand = lcg(20260523);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const now = Date.now();
  const today = shDay(new Date(now));

  const fire = await insertDepartment(db, 'dash-fire', '消防');
  const police = await insertDepartment(db, 'dash-police', '公安');
  const items = [await insertCheckItem(db, fire.id, { domain: 'fire' }), await insertCheckItem(db, police.id, { domain: 'electrical' }), await insertCheckItem(db, fire.id, { domain: 'gas' })];
  const inspector = await insertUser(db, ['inspector'], [tree.town]);

  const places = [tree.town, tree.villageA, tree.gridA, tree.microA, tree.microA, tree.villageB, tree.gridB, tree.microB];
  const siteRows = [];
  for (let i = 0; i < 70; i++) {
    siteRows.push(await insertSite(db, pick(places), { kind: pick(SITE_KINDS), colour: pick(SITE_COLOURS) }));
  }
  // Instants over the last 40 days, some right at either side of a Shanghai midnight.
  const instant = () => {
    if (rand() < 0.2) return new Date(shMidnight(addDays(today, -Math.floor(rand() * 30))).getTime() - (rand() < 0.5 ? 1 : 0));
    return new Date(now - Math.floor(rand() * 40 * DAY));
  };
  for (let i = 0; i < 90; i++) {
    await insertInspection(db, pick(siteRows), inspector.id, { kind: rand() < 0.75 ? 'inspection' : 'reinspection', endedAt: instant() });
  }
  const statuses: HazardStatus[] = ['open', 'open', 'pending_review', 'closed', 'closed', 'cancelled'];
  const hazardRows = [];
  for (let i = 0; i < 260; i++) {
    const site = pick(siteRows);
    const item = rand() < 0.85 ? pick(items) : null;
    const status = pick(statuses);
    const mode = pick(['immediate', 'centralised', 'deadline', 'deadline'] as const);
    const foundAt = instant();
    const closedAt = status === 'closed' ? new Date(Math.min(now, foundAt.getTime() + Math.floor(rand() * 10 * DAY))) : null;
    hazardRows.push({
      id: randomUUID(),
      siteId: site.id,
      areaPath: site.areaPath,
      departmentId: item ? (item === items[1] ? police.id : fire.id) : pick([fire.id, police.id]),
      checkItemId: item?.id ?? null,
      level: rand() < 0.2 ? ('major' as const) : ('general' as const),
      mode,
      status,
      description: `隐患${i}`,
      deadline: mode === 'deadline' ? addDays(today, Math.floor(rand() * 30) - 20) : null,
      foundAt,
      closedAt,
    });
  }
  await db.insert(hazards).values(hazardRows);
  // Today's colour changes and orders for the activity feed.
  for (let i = 0; i < 6; i++) {
    const site = pick(siteRows);
    await db.insert(colourHistory).values({ siteId: site.id, colour: 'yellow', previous: 'green', reason: '测试', at: new Date(now - i * 60_000) });
  }
  for (let i = 0; i < 3; i++) {
    const site = pick(siteRows);
    await db.insert(yellowCards).values({ id: randomUUID(), siteId: site.id, number: `驾驶舱黄牌${i}`, deadline: '2099-01-01', reason: '测试', issuedAt: new Date(now - i * 1000), resolvedAt: i === 0 ? new Date(now) : null });
    await db.insert(suspensions).values({ id: randomUUID(), siteId: pick(siteRows).id, reason: `停业${i}`, orderedAt: new Date(now - 3 * DAY), liftedAt: i === 1 ? new Date(now - 5000) : null, liftReason: i === 1 ? '整改完毕' : null });
  }

  // A town campaign over enterprises and shops, 20 days ago to 5 days ahead, two squads.
  campaignId = randomUUID();
  await db.insert(campaigns).values({ id: campaignId, name: '除险保安', areaId: tree.town.id, areaPath: tree.town.path, startsOn: addDays(today, -20), endsOn: addDays(today, 5), siteKinds: ['enterprise', 'street_shop'] });
  const squads = [randomUUID(), randomUUID()];
  await db.insert(campaignUnits).values(squads.map((id, i) => ({ id, campaignId, kind: 'squad' as const, name: `第${i + 1}小组`, sortOrder: i })));
  const inCampaign = siteRows.filter((s) => s.kind === 'enterprise' || s.kind === 'street_shop');
  await db.insert(campaignSites).values(inCampaign.filter(() => rand() < 0.8).map((s) => ({ campaignId, siteId: s.id, squadId: pick(squads) })));
  campaignB = randomUUID();
  await db.insert(campaigns).values({ id: campaignB, name: '航民村行动', areaId: tree.villageB.id, areaPath: tree.villageB.path, startsOn: addDays(today, -5), endsOn: addDays(today, 5), siteKinds: [...SITE_KINDS] });

  const users = {
    command: await insertUser(db, ['command_centre'], [tree.town]),
    village: await insertUser(db, ['village'], [tree.villageA]),
    department: await insertUser(db, ['department'], [tree.town], { departmentId: fire.id }),
    supervisor: await insertUser(db, ['supervisor'], [tree.town]),
    party: await insertUser(db, ['party'], [], { phone: siteRows[0]!.phone! }),
  };
  for (const [name, user] of Object.entries(users)) cookies[name as keyof typeof cookies] = await t.login(user.username);
  Object.assign(scopes, {
    command: { paths: [tree.town.path], department: null },
    village: { paths: [tree.villageA.path], department: null },
    department: { paths: [tree.town.path], department: fire.id },
    supervisor: { paths: [tree.town.path], department: null },
  });
}, 120_000);
afterAll(() => t.close());

async function get<T>(who: keyof typeof cookies, url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

/** The raw rows and the independent recount of one view. */
async function recount(who: keyof typeof scopes, view: { campaign?: boolean; areaPath?: string }) {
  const db = t.database.db;
  const [allSites, allInspections, allHazards, allItems, [campaign], assigned] = [
    await db.select().from(sites),
    await db.select().from(inspections),
    await db.select().from(hazards),
    await db.select().from(checkItems),
    view.campaign ? await db.select().from(campaigns).where(eq(campaigns.id, campaignId)) : [undefined],
    await db.select().from(campaignSites),
  ];
  const scope = scopes[who];
  const today = shDay(new Date());
  const from = campaign ? shMidnight(campaign.startsOn).getTime() : -Infinity;
  const to = campaign ? shMidnight(campaign.endsOn).getTime() + DAY : Infinity;
  const inPeriod = (d: Date) => d.getTime() >= from && d.getTime() < to;
  const lensSites = allSites.filter(
    (s) =>
      scope.paths.some((p) => s.areaPath.startsWith(p)) &&
      (!view.areaPath || s.areaPath.startsWith(view.areaPath)) &&
      (!campaign || (s.areaPath.startsWith(campaign.areaPath) && campaign.siteKinds.includes(s.kind))),
  );
  const siteById = new Map(lensSites.map((s) => [s.id, s]));
  const inspected = (siteId: string) => allInspections.some((i) => i.siteId === siteId && i.kind === 'inspection' && inPeriod(i.endedAt));
  const lensHazards = allHazards.filter((h) => siteById.has(h.siteId) && h.status !== 'cancelled' && inPeriod(h.foundAt) && (scope.department === null || h.departmentId === scope.department));
  const open = (h: (typeof allHazards)[number]) => h.status === 'open' || h.status === 'pending_review';
  const overdue = (h: (typeof allHazards)[number]) => open(h) && h.mode === 'deadline' && h.deadline !== null && h.deadline < today;
  const hazardFigures = (list: typeof lensHazards) => ({
    hazardsFound: list.length,
    hazardsClosed: list.filter((h) => h.status === 'closed').length,
    hazardsOverdue: list.filter(overdue).length,
    openMajorHazards: list.filter((h) => h.level === 'major' && open(h)).length,
  });
  const siteFigures = (list: typeof lensSites) => ({ sites: list.length, sitesInspected: list.filter((s) => inspected(s.id)).length });
  const village = (path: string) => {
    const codes = path.split('/').filter(Boolean);
    return codes.length >= 3 ? `/${codes.slice(0, 3).join('/')}/` : null;
  };
  const squadOf = (siteId: string) => assigned.find((a) => a.siteId === siteId && a.campaignId === campaignId)?.squadId ?? null;
  const domainOf = (h: (typeof allHazards)[number]) => allItems.find((i) => i.id === h.checkItemId)?.domain ?? null;
  const keyers = {
    village: (siteId: string) => village(siteById.get(siteId)!.areaPath),
    kind: (siteId: string) => siteById.get(siteId)!.kind as string,
    squad: squadOf,
  };
  const groups = (by: 'village' | 'kind' | 'squad' | 'department' | 'domain') => {
    const rows = new Map<string | null, Record<string, number | null>>();
    const row = (key: string | null) => {
      if (!rows.has(key)) rows.set(key, { sites: 0, sitesInspected: 0, hazardsFound: 0, hazardsClosed: 0, hazardsOverdue: 0, openMajorHazards: 0 });
      return rows.get(key)!;
    };
    if (by === 'village' || by === 'kind' || by === 'squad') {
      for (const s of lensSites) Object.assign(row(keyers[by](s.id)), siteFigures([...lensSites.filter((x) => keyers[by](x.id) === keyers[by](s.id))]));
    }
    const hazardKey = (h: (typeof allHazards)[number]) => (by === 'department' ? h.departmentId : by === 'domain' ? domainOf(h) : keyers[by](h.siteId));
    for (const h of lensHazards) Object.assign(row(hazardKey(h)), hazardFigures(lensHazards.filter((x) => hazardKey(x) === hazardKey(h))));
    if (by === 'department' || by === 'domain') for (const r of rows.values()) Object.assign(r, { sites: null, sitesInspected: null });
    return rows;
  };
  const colours = Object.fromEntries(SITE_COLOURS.map((c) => [c, lensSites.filter((s) => s.colour === c).length]));
  const overdueList = lensHazards
    .filter(overdue)
    .sort((a, b) => a.deadline!.localeCompare(b.deadline!) || a.foundAt.getTime() - b.foundAt.getTime() || a.id.localeCompare(b.id))
    .map((h) => ({ hazardId: h.id, daysOverdue: Math.round((shMidnight(today).getTime() - shMidnight(h.deadline!).getTime()) / DAY) }));
  const trend = (days: number) =>
    Array.from({ length: days }, (_, i) => addDays(today, i - days + 1)).map((day) => ({
      day,
      found: lensHazards.filter((h) => shDay(h.foundAt) === day).length,
      closed: lensHazards.filter((h) => h.status === 'closed' && h.closedAt && shDay(h.closedAt) === day).length,
    }));
  const { sites: sitesInScope, sitesInspected } = siteFigures(lensSites);
  return { today, lensSites, lensHazards, kpis: { sitesInScope, sitesInspected, ...hazardFigures(lensHazards) }, colours, groups, overdueList, trend };
}

const VIEWS = [
  { name: 'whole scope', query: '', view: {} },
  { name: 'campaign', query: 'campaignId=CAMPAIGN', view: { campaign: true } },
  { name: 'village A', query: 'areaId=VILLAGE_A', view: { areaPath: 'VILLAGE_A' } },
] as const;

describe('dashboard figures equal a recount from the raw rows', () => {
  for (const who of ['command', 'village', 'department', 'supervisor'] as const) {
    for (const { name, query, view } of VIEWS) {
      it(`${who}, ${name}: KPIs, colours, breakdowns, overdue list and trend`, async () => {
        const q = query.replace('CAMPAIGN', campaignId).replace('VILLAGE_A', tree.villageA.id);
        const expected = await recount(who, { campaign: 'campaign' in view, areaPath: 'areaPath' in view ? tree.villageA.path : undefined });
        const dashboard = await get<Dashboard>(who, `/api/dashboard?${q}`);
        const k = dashboard.kpis;
        expect({ sitesInScope: k.sitesInScope, sitesInspected: k.sitesInspected, hazardsFound: k.hazardsFound, hazardsClosed: k.hazardsClosed, hazardsOverdue: k.hazardsOverdue, openMajorHazards: k.openMajorHazards }).toEqual(expected.kpis);
        expect(k.inspectionRate).toBe(expected.kpis.sitesInScope ? expected.kpis.sitesInspected / expected.kpis.sitesInScope : null);
        expect(k.closeOutRate).toBe(expected.kpis.hazardsFound ? expected.kpis.hazardsClosed / expected.kpis.hazardsFound : null);
        expect(dashboard.sitesByColour).toEqual(expected.colours);
        expect(dashboard.today).toBe(expected.today);
        // The data must exercise what is counted, or the equalities above prove little.
        if (who !== 'village' || name !== 'campaign') expect(expected.kpis.hazardsFound).toBeGreaterThan(0);

        for (const by of ['village', 'kind', 'squad', 'department', 'domain'] as const) {
          if (by === 'squad' && !('campaign' in view)) continue;
          const { rows } = await get<{ rows: BreakdownRow[] }>(who, `/api/dashboard/breakdowns?by=${by}&${q}`);
          const want = expected.groups(by);
          expect(new Map(rows.map((r) => [r.key, { sites: r.sites, sitesInspected: r.sitesInspected, hazardsFound: r.hazardsFound, hazardsClosed: r.hazardsClosed, hazardsOverdue: r.hazardsOverdue, openMajorHazards: r.openMajorHazards }])), by).toEqual(want);
          expect(rows.reduce((a, r) => a + r.hazardsFound, 0), by).toBe(k.hazardsFound);
          if (by === 'village') {
            for (const r of rows) expect(r.key === null || r.key === tree.villageA.path || r.key === tree.villageB.path).toBe(true);
            if (who === 'village') expect(rows.every((r) => r.key === tree.villageA.path)).toBe(true);
          }
        }

        const overdue = await get<{ total: number; items: { hazardId: string; daysOverdue: number }[] }>(who, `/api/dashboard/overdue?limit=100&${q}`);
        expect(overdue.total).toBe(expected.kpis.hazardsOverdue);
        expect(overdue.items.map((i) => ({ hazardId: i.hazardId, daysOverdue: i.daysOverdue }))).toEqual(expected.overdueList.slice(0, 100));
        expect(overdue.items.every((i) => i.daysOverdue >= 1)).toBe(true);

        const trend = await get<{ days: { day: string; found: number; closed: number }[] }>(who, `/api/dashboard/trend?days=45&${q}`);
        expect(trend.days).toEqual(expected.trend(45));
      });
    }
  }

  it("a village user's dashboard never counts another village", async () => {
    const mine = await get<Dashboard>('village', '/api/dashboard');
    const expected = await recount('village', {});
    expect(expected.lensSites.every((s) => s.areaPath.startsWith(tree.villageA.path))).toBe(true);
    expect(mine.kpis.sitesInScope).toBe(expected.lensSites.length);
    const town = await get<Dashboard>('command', '/api/dashboard');
    expect(town.kpis.sitesInScope).toBeGreaterThan(mine.kpis.sitesInScope);
    const activity = await get<{ items: ActivityItem[] }>('village', '/api/dashboard/activity?limit=200');
    const villageSites = new Set(expected.lensSites.map((s) => s.id));
    expect(activity.items.every((i) => villageSites.has(i.siteId))).toBe(true);
    // The town's campaign narrowed to the village; another village's campaign does not exist for them.
    expect((await get<Dashboard>('village', `/api/dashboard?campaignId=${campaignId}`)).kpis.sitesInScope).toBe((await recount('village', { campaign: true })).lensSites.length);
    const refused = await t.app.inject({ method: 'GET', url: `/api/dashboard?campaignId=${campaignB}`, headers: { cookie: cookies.village } });
    expect(refused.statusCode).toBe(404);
    const otherArea = await t.app.inject({ method: 'GET', url: `/api/dashboard/breakdowns?by=village&areaId=${tree.villageB.id}`, headers: { cookie: cookies.village } });
    expect(otherArea.statusCode).toBe(404);
  });

  it('a department user counts only its own department’s hazards', async () => {
    const expected = await recount('department', {});
    expect(new Set(expected.lensHazards.map((h) => h.departmentId)).size).toBe(1);
    const { rows } = await get<{ rows: BreakdownRow[] }>('department', '/api/dashboard/breakdowns?by=department');
    expect(rows).toHaveLength(1);
    expect((await get<Dashboard>('command', '/api/dashboard')).kpis.hazardsFound).toBeGreaterThan(rows[0]!.hazardsFound);
  });

  it("today's activity lists everything that happened today in scope, newest first", async () => {
    const expected = await recount('command', {});
    const db = t.database.db;
    const today = expected.today;
    const onToday = (d: Date | null) => d !== null && shDay(d) === today;
    const siteIds = new Set(expected.lensSites.map((s) => s.id));
    const want: { kind: string; refId: string; at: number }[] = [
      ...(await db.select().from(inspections)).filter((i) => siteIds.has(i.siteId) && onToday(i.endedAt)).map((i) => ({ kind: i.kind, refId: i.id, at: i.endedAt.getTime() })),
      ...expected.lensHazards.filter((h) => onToday(h.foundAt)).map((h) => ({ kind: 'hazard_found', refId: h.id, at: h.foundAt.getTime() })),
      ...expected.lensHazards.filter((h) => h.status === 'closed' && onToday(h.closedAt)).map((h) => ({ kind: 'hazard_closed', refId: h.id, at: h.closedAt!.getTime() })),
      ...(await db.select().from(colourHistory)).filter((c) => siteIds.has(c.siteId) && onToday(c.at)).map((c) => ({ kind: 'colour_changed', refId: String(c.id), at: c.at.getTime() })),
      ...(await db.select().from(yellowCards)).filter((c) => siteIds.has(c.siteId) && onToday(c.issuedAt)).map((c) => ({ kind: 'yellow_card_issued', refId: c.id, at: c.issuedAt.getTime() })),
      ...(await db.select().from(yellowCards)).filter((c) => siteIds.has(c.siteId) && onToday(c.resolvedAt)).map((c) => ({ kind: 'yellow_card_resolved', refId: c.id, at: c.resolvedAt!.getTime() })),
      ...(await db.select().from(suspensions)).filter((s) => siteIds.has(s.siteId) && onToday(s.orderedAt)).map((s) => ({ kind: 'suspended', refId: s.id, at: s.orderedAt.getTime() })),
      ...(await db.select().from(suspensions)).filter((s) => siteIds.has(s.siteId) && onToday(s.liftedAt)).map((s) => ({ kind: 'suspension_lifted', refId: s.id, at: s.liftedAt!.getTime() })),
    ];
    const { items } = await get<{ items: ActivityItem[] }>('command', '/api/dashboard/activity?limit=200');
    expect(want.length).toBeGreaterThan(5);
    expect(items.map((i) => `${i.kind}:${i.refId}`).sort()).toEqual(want.map((w) => `${w.kind}:${w.refId}`).sort());
    for (let i = 1; i < items.length; i++) expect(items[i - 1]!.at >= items[i]!.at).toBe(true);
    const limited = await get<{ items: ActivityItem[] }>('command', '/api/dashboard/activity?limit=3');
    expect(limited.items).toEqual(items.slice(0, 3));
  });

  it('refuses a party, a squad breakdown without a campaign, and bad input', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/dashboard', headers: { cookie: cookies.party } })).statusCode).toBe(403);
    const squad = await t.app.inject({ method: 'GET', url: '/api/dashboard/breakdowns?by=squad', headers: { cookie: cookies.command } });
    expect(squad.statusCode).toBe(400);
    expect(squad.json().message).toContain('专项行动');
    expect((await t.app.inject({ method: 'GET', url: '/api/dashboard/trend?days=0', headers: { cookie: cookies.command } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/dashboard/breakdowns?by=colour', headers: { cookie: cookies.command } })).statusCode).toBe(400);
  });

  it('serves every figure’s definition in Chinese and English', async () => {
    const { definitions } = await get<Dashboard>('command', '/api/dashboard');
    for (const key of ['sitesInScope', 'sitesInspected', 'inspectionRate', 'hazardsFound', 'hazardsClosed', 'closeOutRate', 'hazardsOverdue', 'openMajorHazards', 'sitesByColour', 'dailyTrend', 'daysOverdue']) {
      expect(definitions[key]?.zh, key).toMatch(/\S/);
      expect(definitions[key]?.en, key).toMatch(/\S/);
    }
  });
});

describe('live updates', () => {
  async function listen(who: keyof typeof cookies) {
    const res = await t.app.inject({ method: 'GET', url: '/api/dashboard/events', headers: { cookie: cookies[who] }, payloadAsStream: true });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    let text = '';
    const stream = res.stream();
    stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const events = () => [...text.matchAll(/event: changed\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1]!) as { kinds: string[] });
    return {
      events,
      async next(count: number) {
        for (let i = 0; i < 100 && events().length < count; i++) await new Promise((r) => setTimeout(r, 50));
        return events();
      },
      close: () => stream.destroy(),
    };
  }

  it('signals a change in scope, with its kind, and only to those whose scope it is in', async () => {
    const village = await listen('village');
    const town = await listen('command');
    const [siteA, siteB] = await Promise.all([insertSite(t.database.db, tree.microA), insertSite(t.database.db, tree.microB)]);
    const card = (siteId: string) => t.app.inject({ method: 'POST', url: `/api/sites/${siteId}/yellow-cards`, headers: { cookie: cookies.command }, payload: { deadline: '2099-06-30', reason: '驾驶舱测试' } });
    expect((await card(siteB.id)).statusCode).toBe(200);
    expect(await town.next(1)).toEqual([{ kinds: ['order'] }]);
    expect(village.events()).toEqual([]);
    expect((await card(siteA.id)).statusCode).toBe(200);
    expect(await village.next(1)).toEqual([{ kinds: ['order'] }]);
    expect(await town.next(2)).toHaveLength(2);
    village.close();
    town.close();
  });

  it('ends open streams when the server shuts down, instead of keeping it up', async () => {
    const own = await buildTestApp();
    const user = await insertUser(own.database.db, ['town'], []);
    const cookie = await own.login(user.username);
    const address = await own.app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${address}/api/dashboard/events`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('event: ready');
    await own.close();
    for (;;) if ((await reader.read()).done) break;
  }, 30_000);

  it('refuses to open a stream outside the scope or for a party', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/dashboard/events?areaId=${tree.villageB.id}`, headers: { cookie: cookies.village } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/dashboard/events', headers: { cookie: cookies.party } })).statusCode).toBe(403);
  });
});
