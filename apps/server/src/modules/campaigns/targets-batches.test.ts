import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, insertDepartment, insertSite, insertUser } from '../../../test/factories.ts';
import { insertHazard, insertInspection } from '../../../test/closed-loop-rows.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { auditEvents } from '../audit/schema.ts';
import { hazards } from '../hazards/schema.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { batchSignoffs, campaignMembers, squadTargets } from './schema.ts';
import { createCampaign, getCampaign } from './service.ts';
import { addMember, createUnit } from './org.ts';
import { assignSites } from './assignments.ts';
import { editTarget, getTargets, planCampaignTargets } from './targets.ts';
import { addDays, mondayOf } from './rules.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof areaTree>>;
let command: Actor;
const cookie = {} as Record<'command' | 'village' | 'squad' | 'squad2' | 'inspector' | 'town' | 'admin' | 'outsiderSquad', string>;
const ids = {} as Record<keyof typeof cookie, string>;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  tree = await areaTree(db);
  const users = {
    command: await insertUser(db, ['command_centre'], [tree.town]),
    village: await insertUser(db, ['village'], [tree.villageA]),
    squad: await insertUser(db, ['squad_leader'], [tree.villageA]),
    squad2: await insertUser(db, ['squad_leader'], [tree.villageA]),
    inspector: await insertUser(db, ['inspector'], [tree.villageA]),
    town: await insertUser(db, ['town'], [tree.town]),
    admin: await insertUser(db, ['admin'], [tree.district]),
    outsiderSquad: await insertUser(db, ['squad_leader'], [tree.villageB]),
  };
  for (const [name, user] of Object.entries(users)) {
    cookie[name as keyof typeof cookie] = await t.login(user.username);
    ids[name as keyof typeof cookie] = user.id;
  }
  command = { id: users.command.id, username: users.command.username, displayName: '指挥部', roles: ['command_centre'], departmentId: null, phone: null, scopePaths: [tree.town.path] };
});
afterAll(() => t.close());

const ctx = (): RequestContext => ({ database: t.database, actor: command, ip: null, requestId: null });
const at = (local: string) => new Date(`${local}+08:00`);
const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n;
const send = (who: keyof typeof cookie, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: cookie[who] }, ...(payload === undefined ? {} : { payload: payload as object }) });

/** A campaign with one zone and two squads, built through the services as the command centre. */
async function setUp(name: string, period: { startsOn: string; endsOn: string }) {
  const campaign = await createCampaign(ctx(), { name, areaId: tree.town.id, siteKinds: ['enterprise', 'street_shop'], ...period });
  const zone = (await createUnit(ctx(), campaign.id, { kind: 'zone', name: '片区' })).units[0]!.id;
  await createUnit(ctx(), campaign.id, { kind: 'squad', name: '一组', parentId: zone });
  const detail = await createUnit(ctx(), campaign.id, { kind: 'squad', name: '二组', parentId: zone });
  const squad1 = detail.units.find((u) => u.name === '一组')!.id;
  const squad2 = detail.units.find((u) => u.name === '二组')!.id;
  return { id: campaign.id, squad1, squad2 };
}

describe('weekly targets (倒排) and attainment', () => {
  // 2026-03-02 is a Monday; four weeks to Sunday 2026-03-29.
  const period = { startsOn: '2026-03-02', endsOn: '2026-03-29' };
  let c: Awaited<ReturnType<typeof setUp>>;
  let departmentId: string;

  beforeAll(async () => {
    const db = t.database.db;
    departmentId = (await insertDepartment(db, 'fire-t', '消防')).id;
    c = await setUp('目标测试', period);
    const mine = [];
    for (let i = 0; i < 5; i++) mine.push(await insertSite(db, tree.microA));
    const other = await insertSite(db, tree.microB);
    await assignSites(ctx(), c.id, { unitId: c.squad1, siteIds: mine.map((s) => s.id), onlyUnassigned: false }, at('2026-03-01T09:00:00'));
    await assignSites(ctx(), c.id, { unitId: c.squad2, siteIds: [other.id], onlyUnassigned: false }, at('2026-03-01T09:00:00'));
    // Before the campaign: does not count. Sunday 23:30 Shanghai (15:30 UTC) is still week 1;
    // Monday 00:30 Shanghai (Sunday 16:30 UTC) is week 2. A second visit never counts twice.
    await insertInspection(db, mine[0]!, ids.inspector, { endedAt: at('2026-02-20T10:00:00') });
    await insertInspection(db, mine[1]!, ids.inspector, { endedAt: at('2026-03-08T23:30:00') });
    await insertInspection(db, mine[2]!, ids.inspector, { endedAt: at('2026-03-09T00:30:00') });
    await insertInspection(db, mine[1]!, ids.inspector, { endedAt: at('2026-03-10T10:00:00') });
    await insertInspection(db, mine[3]!, ids.inspector, { endedAt: at('2026-03-10T11:00:00'), kind: 'reinspection' });
    // Hazards: two open, one closed in week 2, one closed before the campaign, one cancelled.
    await insertHazard(db, mine[1]!, departmentId);
    await insertHazard(db, mine[2]!, departmentId);
    const closed = await insertHazard(db, mine[2]!, departmentId, { status: 'closed' });
    await db.update(hazards).set({ closedAt: at('2026-03-10T15:00:00') }).where(eq(hazards.id, closed.id));
    const old = await insertHazard(db, mine[1]!, departmentId, { status: 'closed' });
    await db.update(hazards).set({ closedAt: at('2026-02-10T15:00:00') }).where(eq(hazards.id, old.id));
    await insertHazard(db, mine[3]!, departmentId, { status: 'cancelled' });
  });

  it('counts actual work per week from raw records, in Shanghai weeks', async () => {
    const view = await getTargets(ctx(), c.id, at('2026-03-11T12:00:00'));
    expect(view.weeks).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']);
    expect(view.currentWeek).toBe('2026-03-09');
    const squad = view.squads.find((s) => s.squadId === c.squad1)!;
    expect(squad.sitesAssigned).toBe(5);
    expect(squad.weeks.map((w) => w.actual)).toEqual([
      { sitesInspected: 1, hazardsClosed: 0 },
      { sitesInspected: 1, hazardsClosed: 1 },
      { sitesInspected: 0, hazardsClosed: 0 },
      { sitesInspected: 0, hazardsClosed: 0 },
    ]);
    // As of Monday 03-09: 4 sites never inspected in the campaign; 2 open + 1 closed since then.
    expect(squad.remaining).toEqual({ sitesInspected: 4, hazardsClosed: 3 });
    expect(squad.weeks.every((w) => w.target === null && w.attainment.sitesInspected === null)).toBe(true);
    const detail = await getCampaign(ctx(), c.id);
    expect(detail.counts).toMatchObject({ sitesInScope: 6, sitesAssigned: 6, sitesUnassigned: 0, sitesInspected: 2 });
  });

  it('plans the remaining work over the weeks left, summing exactly, front-loaded', async () => {
    const before = await auditCount();
    const view = await planCampaignTargets(ctx(), c.id, {}, at('2026-03-11T12:00:00'));
    expect(await auditCount()).toBe(before + 1);
    const squad = view.squads.find((s) => s.squadId === c.squad1)!;
    expect(squad.weeks.map((w) => w.target)).toEqual([null, { sitesInspected: 2, hazardsClosed: 1 }, { sitesInspected: 1, hazardsClosed: 1 }, { sitesInspected: 1, hazardsClosed: 1 }]);
    const week2 = squad.weeks[1]!;
    expect(week2.attainment).toEqual({ sitesInspected: 0.5, hazardsClosed: 1 });
    const other = view.squads.find((s) => s.squadId === c.squad2)!;
    expect(other.weeks.slice(1).map((w) => w.target?.sitesInspected)).toEqual([1, 0, 0]);
  });

  it('replans one squad from the current week, keeping past weeks as history', async () => {
    await editTarget(ctx(), c.id, { squadId: c.squad1, weekStart: '2026-03-02', sitesInspected: 3, hazardsClosed: 2 }, at('2026-03-18T12:00:00'));
    const view = await planCampaignTargets(ctx(), c.id, { squadId: c.squad1 }, at('2026-03-18T12:00:00'));
    const squad = view.squads.find((s) => s.squadId === c.squad1)!;
    expect(squad.weeks.map((w) => w.target)).toEqual([
      { sitesInspected: 3, hazardsClosed: 2 },
      { sitesInspected: 2, hazardsClosed: 1 },
      { sitesInspected: 2, hazardsClosed: 1 },
      { sitesInspected: 1, hazardsClosed: 1 },
    ]);
    expect(squad.weeks[0]!.attainment).toEqual({ sitesInspected: 1 / 3, hazardsClosed: 0 });
  });

  it('takes a manual target for one campaign week, refusing other days', async () => {
    const res = await send('command', 'PUT', `/api/campaigns/${c.id}/targets`, { squadId: c.squad2, weekStart: '2026-03-23', sitesInspected: 7, hazardsClosed: 4 });
    expect(res.statusCode, res.body).toBe(200);
    const squad = res.json().squads.find((s: { squadId: string }) => s.squadId === c.squad2);
    expect(squad.weeks[3].target).toEqual({ sitesInspected: 7, hazardsClosed: 4 });
    const before = await auditCount();
    const rows = (await t.database.db.select({ n: count() }).from(squadTargets))[0]!.n;
    for (const payload of [
      { squadId: c.squad2, weekStart: '2026-03-24', sitesInspected: 1, hazardsClosed: 1 },
      { squadId: c.squad2, weekStart: '2026-04-06', sitesInspected: 1, hazardsClosed: 1 },
      { squadId: c.id, weekStart: '2026-03-23', sitesInspected: 1, hazardsClosed: 1 },
    ]) {
      const bad = await send('command', 'PUT', `/api/campaigns/${c.id}/targets`, payload);
      expect(bad.statusCode, bad.body).toBe(422);
      expect(bad.json().messageEn).toBeTruthy();
    }
    const negative = await send('command', 'PUT', `/api/campaigns/${c.id}/targets`, { squadId: c.squad2, weekStart: '2026-03-23', sitesInspected: -1, hazardsClosed: 1 });
    expect(negative.statusCode).toBe(400);
    expect((await send('village', 'PUT', `/api/campaigns/${c.id}/targets`, { squadId: c.squad2, weekStart: '2026-03-23', sitesInspected: 1, hazardsClosed: 1 })).statusCode).toBe(403);
    expect(await auditCount()).toBe(before);
    expect((await t.database.db.select({ n: count() }).from(squadTargets))[0]!.n).toBe(rows);
  });

  it('refuses to plan a finished campaign', async () => {
    await expect(planCampaignTargets(ctx(), c.id, {}, at('2026-03-30T08:00:00'))).rejects.toMatchObject({ status: 409, code: 'campaign_finished' });
  });

  it('plans over the real calendar through the API', async () => {
    const today = shanghaiDate();
    const live = await setUp('实时倒排', { startsOn: addDays(mondayOf(today), -7), endsOn: addDays(mondayOf(today), 20) });
    const res = await send('command', 'POST', `/api/campaigns/${live.id}/targets/plan`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().currentWeek).toBe(mondayOf(today));
    expect(res.json().squads[0].weeks[0].target).toBeNull();
    expect(res.json().squads[0].weeks[1].target).toEqual({ sitesInspected: 0, hazardsClosed: 0 });
  });
});

describe('three batches (三个一批)', () => {
  let c: Awaited<ReturnType<typeof setUp>>;
  let enterprise: string, shop: string, rental: string;
  const propose = (who: keyof typeof cookie, siteId: string, batch = 'upgrade') => send(who, 'POST', `/api/campaigns/${c.id}/batches`, { siteId, batch, reason: '消防设施不全，需整改提升' });
  const sign = (who: keyof typeof cookie, decisionId: string, role: string) => send(who, 'POST', `/api/batch-decisions/${decisionId}/signoffs`, { role, comment: '同意' });

  beforeAll(async () => {
    const db = t.database.db;
    c = await setUp('三个一批测试', { startsOn: '2026-01-05', endsOn: '2027-12-31' });
    enterprise = (await insertSite(db, tree.microA)).id;
    shop = (await insertSite(db, tree.microA, { kind: 'street_shop' })).id;
    rental = (await insertSite(db, tree.microA, { kind: 'rental_housing' })).id;
    await assignSites(ctx(), c.id, { unitId: c.squad1, siteIds: [enterprise], onlyUnassigned: false });
  });

  it('is proposed for enterprises in scope by squad leaders, villages and the command centre', async () => {
    const before = await auditCount();
    for (const [siteId, status] of [[shop, 422], [rental, 422], [crypto.randomUUID(), 422]] as const) {
      const res = await propose('squad', siteId);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await propose('inspector', enterprise)).statusCode).toBe(403);
    expect((await propose('town', enterprise)).statusCode).toBe(403);
    expect((await send('squad', 'POST', `/api/campaigns/${c.id}/batches`, { siteId: enterprise, batch: 'demolish', reason: 'x' })).statusCode).toBe(400);
    expect((await send('squad', 'POST', `/api/campaigns/${c.id}/batches`, { siteId: enterprise, batch: 'model', reason: '' })).statusCode).toBe(400);
    expect(await auditCount()).toBe(before);
    const res = await propose('squad', enterprise);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ batch: 'upgrade', decidedAt: null, pending: ['village_secretary', 'liaison_cadre', 'squad_leader'], canSign: ['squad_leader'] });
  });

  it('is decided by the third of three sign-offs, each by the matching duty', async () => {
    const decision = (await send('village', 'GET', `/api/campaigns/${c.id}/batches`)).json().items[0];
    expect(decision.canSign).toEqual(['village_secretary']);
    const before = await auditCount();
    expect((await sign('inspector', decision.id, 'village_secretary')).statusCode).toBe(403);
    expect((await sign('admin', decision.id, 'liaison_cadre')).statusCode).toBe(403);
    expect((await sign('village', decision.id, 'squad_leader')).statusCode).toBe(403);
    expect((await sign('outsiderSquad', decision.id, 'squad_leader')).statusCode).toBe(404);
    expect((await send('village', 'POST', `/api/batch-decisions/${decision.id}/signoffs`, { role: 'mayor' })).statusCode).toBe(400);
    expect(await auditCount()).toBe(before);

    let res = await sign('village', decision.id, 'village_secretary');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().pending).toEqual(['liaison_cadre', 'squad_leader']);
    expect((await sign('village', decision.id, 'village_secretary')).statusCode).toBe(409);
    res = await sign('town', decision.id, 'liaison_cadre');
    expect(res.json().decidedAt).toBeNull();
    res = await sign('squad', decision.id, 'squad_leader');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().decidedAt).not.toBeNull();
    expect(res.json().signoffs.map((s: { role: string; signerName: string; comment: string }) => [s.role, s.signerName.startsWith('测试'), s.comment])).toEqual([
      ['village_secretary', true, '同意'],
      ['liaison_cadre', true, '同意'],
      ['squad_leader', true, '同意'],
    ]);
    const list = (await send('command', 'GET', `/api/campaigns/${c.id}/batches?state=decided`)).json();
    expect(list.decided).toEqual({ model: 0, upgrade: 1, shutdown: 0 });
  });

  it('is superseded by a new proposal, which takes no more sign-offs', async () => {
    const old = (await send('command', 'GET', `/api/campaigns/${c.id}/batches`)).json().items[0];
    const res = await propose('command', enterprise, 'shutdown');
    expect(res.statusCode).toBe(201);
    const current = (await send('command', 'GET', `/api/campaigns/${c.id}/batches`)).json();
    expect(current.items.map((d: { id: string }) => d.id)).toEqual([res.json().id]);
    expect(current.decided).toEqual({ model: 0, upgrade: 0, shutdown: 0 });
    const history = (await send('command', 'GET', `/api/campaigns/${c.id}/batches?history=true`)).json();
    expect(history.items.map((d: { id: string; supersededAt: string | null }) => [d.id, d.supersededAt !== null])).toEqual([
      [res.json().id, false],
      [old.id, true],
    ]);
    const newSquad = await send('squad', 'POST', `/api/batch-decisions/${old.id}/signoffs`, { role: 'squad_leader' });
    expect(newSquad.statusCode).toBe(409);
  });

  it('lets only the linked squad leader sign when the squad names one', async () => {
    const detail = await addMember(ctx(), c.squad1, { name: '张组长', isLeader: true, userId: ids.squad2 });
    expect(detail.units.find((u) => u.id === c.squad1)!.members[0]!.userId).toBe(ids.squad2);
    const current = (await send('command', 'GET', `/api/campaigns/${c.id}/batches`)).json().items[0];
    expect((await sign('squad', current.id, 'squad_leader')).statusCode).toBe(403);
    const res = await sign('squad2', current.id, 'squad_leader');
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.database.db.select().from(batchSignoffs).where(eq(batchSignoffs.decisionId, current.id));
    expect(row).toMatchObject({ role: 'squad_leader', signerId: ids.squad2 });
    expect((await t.database.db.select().from(campaignMembers).where(eq(campaignMembers.userId, ids.squad2))).length).toBe(1);
  });

  it('answers 404 for decisions and campaigns out of sight', async () => {
    const decision = (await send('command', 'GET', `/api/campaigns/${c.id}/batches`)).json().items[0];
    expect((await sign('outsiderSquad', decision.id, 'village_secretary')).statusCode).toBe(404);
    expect((await send('outsiderSquad', 'POST', `/api/batch-decisions/${crypto.randomUUID()}/signoffs`, { role: 'squad_leader' })).statusCode).toBe(404);
    const hidden = await createCampaign(ctx(), { name: '东恩村行动', areaId: tree.villageA.id, siteKinds: ['enterprise'], startsOn: '2026-01-05', endsOn: '2026-12-31' });
    expect((await send('outsiderSquad', 'GET', `/api/campaigns/${hidden.id}/batches`)).statusCode).toBe(404);
    expect((await send('outsiderSquad', 'GET', `/api/campaigns/${hidden.id}/targets`)).statusCode).toBe(404);
  });
});
