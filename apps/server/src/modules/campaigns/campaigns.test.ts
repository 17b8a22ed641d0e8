import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { CampaignDetail } from '@anxun/contracts';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, insertArea, insertSite, insertUser } from '../../../test/factories.ts';
import { auditEvents } from '../audit/schema.ts';
import { campaigns, campaignSites, campaignUnits } from './schema.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof areaTree>>;
const cookie = {} as Record<'admin' | 'command' | 'town' | 'village' | 'squad' | 'inspector' | 'supervisor' | 'party' | 'outsider', string>;
let squadUserId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  tree = await areaTree(db);
  const users = {
    admin: await insertUser(db, ['admin'], [tree.district]),
    command: await insertUser(db, ['command_centre'], [tree.town]),
    town: await insertUser(db, ['town'], [tree.town]),
    village: await insertUser(db, ['village'], [tree.villageA]),
    squad: await insertUser(db, ['squad_leader'], [tree.villageA]),
    inspector: await insertUser(db, ['inspector'], [tree.villageA]),
    supervisor: await insertUser(db, ['supervisor'], [tree.town]),
    party: await insertUser(db, ['party'], [], { phone: '19900009999' }),
    outsider: await insertUser(db, ['command_centre'], [tree.villageB]),
  };
  squadUserId = users.squad.id;
  for (const [name, user] of Object.entries(users)) cookie[name as keyof typeof cookie] = await t.login(user.username);
});
afterAll(() => t.close());

const send = (who: keyof typeof cookie, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: cookie[who] }, ...(payload === undefined ? {} : { payload: payload as object }) });
const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n;
const campaignCount = async () => (await t.database.db.select({ n: count() }).from(campaigns))[0]!.n;

/** A refusal: the status, a message in both languages, and nothing written. */
async function refused(res: { statusCode: number; json(): unknown }, status: number, auditBefore: number) {
  expect(res.statusCode).toBe(status);
  const body = res.json() as { message: string; messageEn: string };
  expect(body.message).toMatch(/[\u4e00-\u9fff]/);
  expect(body.messageEn).toMatch(/[A-Za-z]/);
  expect(await auditCount()).toBe(auditBefore);
  return body;
}

const townCampaign = (name = '除险保安专项行动') => ({ name, areaId: tree.town.id, startsOn: '2026-03-02', endsOn: '2026-04-30', siteKinds: ['enterprise', 'street_shop'] });

async function createTownCampaign(name?: string): Promise<string> {
  const res = await send('command', 'POST', '/api/campaigns', townCampaign(name));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('campaigns', () => {
  it('are created by the command centre over an area in its scope, with an audit event', async () => {
    const before = await auditCount();
    const res = await send('command', 'POST', '/api/campaigns', townCampaign('创建测试'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: '创建测试', areaName: '瓜沥镇', startsOn: '2026-03-02', endsOn: '2026-04-30', siteKinds: ['enterprise', 'street_shop'] });
    expect(['planned', 'active', 'finished']).toContain(res.json().status);
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, res.json().id));
    expect(event!.action).toBe('campaign.created');
    expect(await auditCount()).toBe(before + 1);
  });

  it('refuse bad input with a bilingual 400 and write nothing', async () => {
    const [audits, rows] = [await auditCount(), await campaignCount()];
    const reversed = await refused(await send('command', 'POST', '/api/campaigns', { ...townCampaign(), startsOn: '2026-05-01' }), 400, audits);
    expect(JSON.stringify(reversed)).toContain('结束日期不能早于开始日期');
    await refused(await send('command', 'POST', '/api/campaigns', { ...townCampaign(), siteKinds: [] }), 400, audits);
    await refused(await send('command', 'POST', '/api/campaigns', { ...townCampaign(), startsOn: '2026-02-30x' }), 400, audits);
    await refused(await send('command', 'POST', '/api/campaigns', { ...townCampaign(), name: ' ' }), 400, audits);
    expect(await campaignCount()).toBe(rows);
  });

  it('refuse an area outside the actor scope (422) and other roles (403)', async () => {
    const [audits, rows] = [await auditCount(), await campaignCount()];
    await refused(await send('outsider', 'POST', '/api/campaigns', townCampaign()), 422, audits);
    await refused(await send('outsider', 'POST', '/api/campaigns', { ...townCampaign(), areaId: tree.villageA.id }), 422, audits);
    for (const who of ['town', 'village', 'squad', 'inspector', 'supervisor', 'party'] as const) {
      await refused(await send(who, 'POST', '/api/campaigns', townCampaign()), 403, audits);
    }
    expect(await campaignCount()).toBe(rows);
  });

  it('are seen by every official whose scope overlaps the area, never by parties', async () => {
    const townId = await createTownCampaign('可见性测试（全镇）');
    const res = await send('admin', 'POST', '/api/campaigns', { ...townCampaign('可见性测试（东恩村）'), areaId: tree.villageA.id });
    const villageId = res.json().id as string;
    for (const who of ['admin', 'command', 'town', 'village', 'squad', 'inspector', 'supervisor'] as const) {
      const ids = (await send(who, 'GET', '/api/campaigns?pageSize=200')).json().items.map((c: { id: string }) => c.id);
      expect(ids, who).toContain(townId);
      expect(ids, who).toContain(villageId);
      expect((await send(who, 'GET', `/api/campaigns/${townId}`)).statusCode, who).toBe(200);
    }
    // A village-B command centre sees the town-wide campaign (it covers them), not village A's.
    const outsider = (await send('outsider', 'GET', '/api/campaigns?pageSize=200')).json().items.map((c: { id: string }) => c.id);
    expect(outsider).toContain(townId);
    expect(outsider).not.toContain(villageId);
    expect((await send('outsider', 'GET', `/api/campaigns/${villageId}`)).statusCode).toBe(404);
    expect((await send('party', 'GET', '/api/campaigns')).statusCode).toBe(403);
    expect((await send('party', 'GET', `/api/campaigns/${townId}`)).statusCode).toBe(404);
  });

  it('are updated by managers whose scope holds the whole area', async () => {
    const id = await createTownCampaign('修改测试');
    const audits = await auditCount();
    await refused(await send('supervisor', 'PATCH', `/api/campaigns/${id}`, { name: '越权' }), 403, audits);
    await refused(await send('outsider', 'PATCH', `/api/campaigns/${id}`, { name: '越权' }), 403, audits);
    await refused(await send('command', 'PATCH', `/api/campaigns/${id}`, { endsOn: '2026-01-01' }), 422, audits);
    const ok = await send('command', 'PATCH', `/api/campaigns/${id}`, { name: '修改后', endsOn: '2026-05-31' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: '修改后', endsOn: '2026-05-31', startsOn: '2026-03-02' });
    expect(await auditCount()).toBe(audits + 1);
  });
});

describe('organisation', () => {
  let id: string;
  const unit = async (payload: object) => send('command', 'POST', `/api/campaigns/${id}/units`, payload);
  const unitId = (detail: CampaignDetail, name: string) => detail.units.find((u) => u.name === name)!.id;

  beforeAll(async () => {
    id = await createTownCampaign('组织测试');
  });

  it('builds 一办六组 and zone → squad → village team, refusing misplaced units', async () => {
    expect((await unit({ kind: 'office', name: '指挥部办公室' })).statusCode).toBe(200);
    for (const name of ['综合协调组', '督查考核组']) expect((await unit({ kind: 'working_group', name })).statusCode).toBe(200);
    let detail: CampaignDetail = (await unit({ kind: 'zone', name: '第一片区' })).json();
    detail = (await unit({ kind: 'squad', name: '第一小组', parentId: unitId(detail, '第一片区') })).json();
    detail = (await unit({ kind: 'village_team', name: '东恩村队', parentId: unitId(detail, '第一小组'), areaId: tree.villageA.id })).json();
    expect(detail.counts).toMatchObject({ zones: 1, squads: 1, villageTeams: 1 });
    const team = detail.units.find((u) => u.name === '东恩村队')!;
    expect(team).toMatchObject({ kind: 'village_team', areaName: '东恩村', parentId: unitId(detail, '第一小组') });

    const audits = await auditCount();
    await refused(await unit({ kind: 'office', name: '第二办公室' }), 422, audits);
    await refused(await unit({ kind: 'squad', name: '无片区小组' }), 422, audits);
    await refused(await unit({ kind: 'squad', name: '挂错小组', parentId: unitId(detail, '综合协调组') }), 422, audits);
    await refused(await unit({ kind: 'village_team', name: '网格队', parentId: unitId(detail, '第一小组'), areaId: tree.gridA.id }), 422, audits);
    await refused(await unit({ kind: 'village_team', name: '无村队', parentId: unitId(detail, '第一小组') }), 422, audits);
    await refused(await unit({ kind: 'zone', name: '带区域片区', areaId: tree.villageA.id }), 422, audits);
    await refused(await unit({ kind: 'zone', name: '' }), 400, audits);
    await refused(await send('village', 'POST', `/api/campaigns/${id}/units`, { kind: 'zone', name: '村里加片区' }), 403, audits);
  });

  it('keeps members with leaders and optional account links', async () => {
    let detail: CampaignDetail = (await send('command', 'GET', `/api/campaigns/${id}`)).json();
    const squad = unitId(detail, '第一小组');
    const add = await send('command', 'POST', `/api/campaign-units/${squad}/members`, { name: '王组长', phone: '13900001111', duty: '组长', isLeader: true, userId: squadUserId });
    expect(add.statusCode, add.body).toBe(200);
    detail = (await send('command', 'POST', `/api/campaign-units/${squad}/members`, { name: '李队员' })).json();
    const members = detail.units.find((u) => u.id === squad)!.members;
    expect(members.map((m) => [m.name, m.isLeader])).toEqual([
      ['王组长', true],
      ['李队员', false],
    ]);
    expect(members[0]!.username).toBeTruthy();
    const audits = await auditCount();
    await refused(await send('command', 'POST', `/api/campaign-units/${squad}/members`, { name: '坏号码', phone: '123' }), 400, audits);
    await refused(await send('command', 'POST', `/api/campaign-units/${squad}/members`, { name: '无账号', userId: crypto.randomUUID() }), 422, audits);
    const li = members[1]!;
    const edited = await send('command', 'PATCH', `/api/campaign-members/${li.id}`, { duty: '联络员' });
    expect(edited.json().units.find((u: { id: string }) => u.id === squad).members.find((m: { id: string }) => m.id === li.id).duty).toBe('联络员');
    const removed = await send('command', 'DELETE', `/api/campaign-members/${li.id}`);
    expect(removed.json().units.find((u: { id: string }) => u.id === squad).members).toHaveLength(1);
  });

  it('deletes only empty units, and answers 404 for units of campaigns out of sight', async () => {
    const detail: CampaignDetail = (await send('command', 'GET', `/api/campaigns/${id}`)).json();
    const audits = await auditCount();
    await refused(await send('command', 'DELETE', `/api/campaign-units/${unitId(detail, '第一片区')}`), 409, audits);
    const gone = await send('command', 'DELETE', `/api/campaign-units/${unitId(detail, '督查考核组')}`);
    expect(gone.statusCode).toBe(200);
    expect(gone.json().units.map((u: { name: string }) => u.name)).not.toContain('督查考核组');
    // A village-A campaign is invisible to the village-B command centre.
    const hidden = (await send('admin', 'POST', '/api/campaigns', { ...townCampaign('东恩村行动'), areaId: tree.villageA.id })).json().id;
    const zone = (await send('admin', 'POST', `/api/campaigns/${hidden}/units`, { kind: 'zone', name: '隐藏片区' })).json().units[0].id;
    const before = await auditCount();
    await refused(await send('outsider', 'PATCH', `/api/campaign-units/${zone}`, { name: '越权' }), 404, before);
    await refused(await send('outsider', 'DELETE', `/api/campaign-units/${zone}`), 404, before);
    await refused(await send('outsider', 'POST', `/api/campaign-units/${zone}/members`, { name: '越权' }), 404, before);
  });

  it('moves a village team with its sites to another squad, but keeps its village while it has sites', async () => {
    let detail: CampaignDetail = (await send('command', 'GET', `/api/campaigns/${id}`)).json();
    detail = (await unit({ kind: 'squad', name: '第二小组', parentId: unitId(detail, '第一片区') })).json();
    const team = unitId(detail, '东恩村队');
    const site = await insertSite(t.database.db, tree.microA);
    expect((await send('command', 'POST', `/api/campaigns/${id}/assignments`, { unitId: team, siteIds: [site.id] })).json()).toEqual({ assigned: 1, reassigned: 0, unchanged: 0 });
    const audits = await auditCount();
    await refused(await send('command', 'PATCH', `/api/campaign-units/${team}`, { areaId: tree.villageB.id }), 409, audits);
    await send('command', 'PATCH', `/api/campaign-units/${team}`, { parentId: unitId(detail, '第二小组') });
    const [row] = await t.database.db.select().from(campaignSites).where(eq(campaignSites.siteId, site.id));
    expect(row).toMatchObject({ squadId: unitId(detail, '第二小组'), villageTeamId: team });
  });
});

describe('site assignment', () => {
  let id: string;
  let squad1: string;
  let squad2: string;
  let teamA: string;
  let a1: string, a2: string, rental: string, b1: string;
  // A town of its own, so sites made by other tests do not count here; written by the district admin.
  let town: Awaited<ReturnType<typeof insertArea>>, villageC: typeof town, villageD: typeof town, gridC: typeof town;
  let villageCookie: string;
  const as = (who: 'admin' | 'village' | 'party', method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: who === 'village' ? villageCookie : cookie[who] }, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    const db = t.database.db;
    town = await insertArea(db, tree.district, 'town', '330109120000', '党湾镇');
    villageC = await insertArea(db, town, 'village', '330109120201', '庆丰村');
    villageD = await insertArea(db, town, 'village', '330109120202', '新梅村');
    gridC = await insertArea(db, villageC, 'grid', '330109120201-G01', '庆丰村第一网格');
    villageCookie = await t.login((await insertUser(db, ['village'], [villageC])).username);
    id = (await as('admin', 'POST', '/api/campaigns', { ...townCampaign('分配测试'), areaId: town.id })).json().id;
    const zone = (await as('admin', 'POST', `/api/campaigns/${id}/units`, { kind: 'zone', name: '片区' })).json().units[0].id;
    squad1 = (await as('admin', 'POST', `/api/campaigns/${id}/units`, { kind: 'squad', name: '一组', parentId: zone })).json().units.find((u: { name: string }) => u.name === '一组').id;
    squad2 = (await as('admin', 'POST', `/api/campaigns/${id}/units`, { kind: 'squad', name: '二组', parentId: zone })).json().units.find((u: { name: string }) => u.name === '二组').id;
    const res = await as('admin', 'POST', `/api/campaigns/${id}/units`, { kind: 'village_team', name: '东恩队', parentId: squad1, areaId: villageC.id });
    teamA = res.json().units.find((u: { name: string }) => u.name === '东恩队').id;
    a1 = (await insertSite(db, gridC)).id;
    a2 = (await insertSite(db, villageC, { kind: 'street_shop' })).id;
    rental = (await insertSite(db, gridC, { kind: 'rental_housing' })).id;
    b1 = (await insertSite(db, villageD)).id;
  });

  it('assigns the sites of a village in bulk, only those of the campaign kinds', async () => {
    const res = await as('admin', 'POST', `/api/campaigns/${id}/assignments`, { unitId: squad1, areaId: villageC.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ assigned: 2, reassigned: 0, unchanged: 0 });
    const rows = await t.database.db.select().from(campaignSites).where(eq(campaignSites.campaignId, id));
    expect(rows.map((r) => r.siteId).sort()).toEqual([a1, a2].sort());
    expect((await as('admin', 'POST', `/api/campaigns/${id}/assignments`, { unitId: squad1, areaId: villageC.id })).json()).toEqual({ assigned: 0, reassigned: 0, unchanged: 2 });
  });

  it('refuses what cannot be assigned, writing nothing', async () => {
    const audits = await auditCount();
    const bad = await refused(await as('admin', 'POST', `/api/campaigns/${id}/assignments`, { unitId: squad2, siteIds: [a1, rental, b1] }), 422, audits);
    expect(bad).toMatchObject({ code: 'sites_not_assignable' });
    expect((bad as unknown as { details: unknown[] }).details).toHaveLength(1);
    await refused(await as('admin', 'POST', `/api/campaigns/${id}/assignments`, { unitId: teamA, areaId: villageD.id }), 422, audits);
    await refused(await as('admin', 'POST', `/api/campaigns/${id}/assignments`, { unitId: teamA, siteIds: [b1] }), 422, audits);
    const zoneId = (await t.database.db.select().from(campaignUnits).where(eq(campaignUnits.id, squad1)))[0]!.parentId!;
    await refused(await as('admin', 'POST', `/api/campaigns/${id}/assignments`, { unitId: zoneId, siteIds: [a1] }), 422, audits);
    await refused(await as('admin', 'POST', `/api/campaigns/${id}/assignments`, { unitId: squad1, areaId: villageC.id, siteIds: [a1] }), 400, audits);
    await refused(await as('admin', 'POST', `/api/campaigns/${id}/assignments`, { unitId: squad1 }), 400, audits);
    await refused(await as('village', 'POST', `/api/campaigns/${id}/assignments`, { unitId: squad1, siteIds: [a1] }), 403, audits);
    const rows = await t.database.db.select().from(campaignSites).where(eq(campaignSites.campaignId, id));
    expect(rows.every((r) => r.squadId === squad1)).toBe(true);
  });

  it('reassigns one site, keeps others with onlyUnassigned, and unassigns', async () => {
    const moved = await as('admin', 'PUT', `/api/campaigns/${id}/sites/${a1}`, { unitId: teamA });
    expect(moved.json()).toEqual({ assigned: 0, reassigned: 1, unchanged: 0 });
    const kept = await as('admin', 'POST', `/api/campaigns/${id}/assignments`, { unitId: squad2, areaId: town.id, onlyUnassigned: true });
    expect(kept.json()).toEqual({ assigned: 1, reassigned: 0, unchanged: 2 }); // b1 newly, a1 and a2 stay
    const gone = await as('admin', 'DELETE', `/api/campaigns/${id}/sites/${b1}`);
    expect(gone.json()).toEqual({ unassigned: 1 });
    const audits = await auditCount();
    await refused(await as('admin', 'DELETE', `/api/campaigns/${id}/sites/${b1}`), 409, audits);
  });

  it('lists sites with their squads, filtered, with the unassigned count in the viewer scope', async () => {
    const all = (await as('admin', 'GET', `/api/campaigns/${id}/sites?pageSize=200`)).json();
    expect(all.total).toBe(3);
    expect(all.unassigned).toBe(1);
    const one = all.items.find((s: { siteId: string }) => s.siteId === a1);
    expect(one).toMatchObject({ squadId: squad1, squadName: '一组', villageTeamId: teamA, villageTeamName: '东恩队' });
    expect((await as('admin', 'GET', `/api/campaigns/${id}/sites?assigned=unassigned`)).json().items.map((s: { siteId: string }) => s.siteId)).toEqual([b1]);
    expect((await as('admin', 'GET', `/api/campaigns/${id}/sites?villageTeamId=${teamA}`)).json().items.map((s: { siteId: string }) => s.siteId)).toEqual([a1]);
    const village = (await as('village', 'GET', `/api/campaigns/${id}/sites?pageSize=200`)).json();
    expect(village.items.map((s: { siteId: string }) => s.siteId).sort()).toEqual([a1, a2].sort());
    expect(village.unassigned).toBe(0);
    expect((await as('admin', 'GET', `/api/campaigns/${id}`)).json().counts).toMatchObject({ sitesInScope: 3, sitesAssigned: 2, sitesUnassigned: 1 });
    expect((await as('party', 'GET', `/api/campaigns/${id}/sites`)).statusCode).toBe(404);
  });

  it('keeps assigned kinds in the campaign', async () => {
    const audits = await auditCount();
    await refused(await as('admin', 'PATCH', `/api/campaigns/${id}`, { siteKinds: ['enterprise'] }), 409, audits);
  });
});
