import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { NailDetail, NailList } from '@anxun/contracts';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, insertArea, insertDepartment, insertSite, insertUser } from '../../../test/factories.ts';
import { insertCampaign, insertNail, nailPlan } from '../../../test/nail-rows.ts';
import { SYSTEM_ACTOR, type RequestContext } from '../../platform/context.ts';
import { auditEvents } from '../audit/schema.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { nailUpdates, nails } from './schema.ts';
import { addNailMilestone, completeNailMilestone, createNail, reportNailProgress } from './service.ts';
import { nailAiring } from './views.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof areaTree>>;
let fire: { id: string };
let police: { id: string };
type Who = 'command' | 'town' | 'village' | 'villageB' | 'fire' | 'police' | 'supervisor' | 'inspector' | 'party' | 'outsider';
const cookies = {} as Record<Who, string>;
/** Campaigns: not started yet (key nails allowed), started, ended, and one over village B only. */
const campaign = {} as Record<'upcoming' | 'started' | 'ended' | 'villageB', { id: string }>;
const today = shanghaiDate();
const day = (offset: number) => shanghaiDate(new Date(Date.now() + offset * 86_400_000));

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  tree = await areaTree(db);
  fire = await insertDepartment(db, 'fire', '消防');
  police = await insertDepartment(db, 'police', '公安');
  const users = {
    command: await insertUser(db, ['command_centre'], [tree.town]),
    town: await insertUser(db, ['town'], [tree.town]),
    village: await insertUser(db, ['village'], [tree.villageA]),
    villageB: await insertUser(db, ['village'], [tree.villageB]),
    fire: await insertUser(db, ['department'], [tree.town], { departmentId: fire.id }),
    police: await insertUser(db, ['department'], [tree.town], { departmentId: police.id }),
    supervisor: await insertUser(db, ['supervisor'], [tree.town]),
    inspector: await insertUser(db, ['inspector'], [tree.villageA]),
    party: await insertUser(db, ['party'], [], { phone: '19912340000' }),
    outsider: await insertUser(db, ['town'], [tree.villageB]),
  };
  for (const [name, user] of Object.entries(users)) cookies[name as Who] = await t.login(user.username);
  campaign.upcoming = await insertCampaign(db, tree.town, { startsOn: day(10), endsOn: day(70) });
  campaign.started = await insertCampaign(db, tree.town, { startsOn: day(-5), endsOn: day(55) });
  campaign.ended = await insertCampaign(db, tree.town, { startsOn: day(-60), endsOn: day(-1) });
  campaign.villageB = await insertCampaign(db, tree.villageB, { startsOn: day(10), endsOn: day(70) });
});
afterAll(() => t.close());

const ctx = (): RequestContext => ({ database: t.database, actor: SYSTEM_ACTOR, ip: null, requestId: null });

async function call(who: Who, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) {
  return t.app.inject({ method, url, headers: { cookie: cookies[who] }, ...(payload === undefined ? {} : { payload: payload as object }) });
}

const newNail = (extra: Record<string, unknown> = {}) => ({ kind: 'key', title: '人字顶厂房集中整治', description: '东恩村人字顶厂房耐火等级不足', areaId: tree.villageA.id, plan: nailPlan, ...extra });

async function created(who: Who = 'command', extra: Record<string, unknown> = {}, campaignId = campaign.upcoming.id): Promise<NailDetail> {
  const res = await call(who, 'POST', `/api/campaigns/${campaignId}/nails`, newNail(extra));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const actionsOf = async (nailId: string) =>
  (await t.database.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, nailId))).map((e) => e.action);

describe('creating a nail', () => {
  it('records a key nail with its plan, open at 0 %, audited', async () => {
    const nail = await created('command');
    expect(nail).toMatchObject({ kind: 'key', status: 'open', progress: 0, areaName: '东恩村', plan: nailPlan, milestones: [], updates: [] });
    expect(nail.allowed).toMatchObject({ edit: true, report: true, reopen: false });
    expect(nail.reportStatuses).toEqual(['open', 'in_progress']);
    expect(await actionsOf(nail.id)).toEqual(['nail.created']);
    expect(nail.timeline.map((e) => e.action)).toEqual(['nail.created']);
  });

  it('lets the town create and refuses village, supervisor, inspector and department users', async () => {
    await created('town');
    for (const who of ['village', 'supervisor', 'inspector', 'fire'] as const) {
      const res = await call(who, 'POST', `/api/campaigns/${campaign.upcoming.id}/nails`, newNail());
      expect(res.statusCode, who).toBe(403);
      expect(res.json().message).toMatch(/指挥部/);
    }
  });

  it('hides the campaign from the party and outside the scope', async () => {
    expect((await call('party', 'POST', `/api/campaigns/${campaign.upcoming.id}/nails`, newNail())).statusCode).toBe(404);
    expect((await call('command', 'POST', `/api/campaigns/${crypto.randomUUID()}/nails`, newNail())).statusCode).toBe(404);
    // A town official of village B sees the town's campaign but may not place a nail in village A.
    const res = await call('outsider', 'POST', `/api/campaigns/${campaign.upcoming.id}/nails`, newNail());
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_area', messageEn: expect.stringContaining('outside your scope') });
  });

  it('keeps the nail inside the campaign area', async () => {
    const res = await call('command', 'POST', `/api/campaigns/${campaign.villageB.id}/nails`, newNail());
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'area_outside_campaign', details: [{ path: 'body.areaId' }] });
  });

  it('allows key nails until the start day; later only dynamic ones; none after the end', async () => {
    const key = await call('command', 'POST', `/api/campaigns/${campaign.started.id}/nails`, newNail());
    expect(key.statusCode).toBe(422);
    expect(key.json()).toMatchObject({ code: 'key_nail_after_start', message: expect.stringContaining(day(-5)) });
    expect((await created('command', { kind: 'dynamic' }, campaign.started.id)).kind).toBe('dynamic');
    const ended = await call('command', 'POST', `/api/campaigns/${campaign.ended.id}/nails`, newNail({ kind: 'dynamic' }));
    expect(ended.statusCode).toBe(409);
    expect(ended.json().code).toBe('campaign_ended');
  });

  it('answers bad input with a 400 per field, in Chinese and English, and writes nothing', async () => {
    const before = (await t.database.db.select().from(nails)).length;
    const res = await call('command', 'POST', `/api/campaigns/${campaign.upcoming.id}/nails`, newNail({ kind: 'big', title: ' ', plan: { ...nailPlan, target: '' } }));
    expect(res.statusCode).toBe(400);
    const paths = res.json().details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.kind', 'body.title', 'body.plan.target']));
    expect(res.json().details.find((d: { path: string }) => d.path === 'body.plan.target')).toMatchObject({ message: '请填写整治目标', messageEn: 'Target is required' });
    expect((await t.database.db.select().from(nails)).length).toBe(before);
  });

  it('validates input when called as a service too', async () => {
    await expect(createNail(ctx(), campaign.upcoming.id, { ...newNail(), title: '' } as never)).rejects.toMatchObject({ status: 400, code: 'validation_failed' });
  });
});

describe('plan, sites and departments', () => {
  it('edits the plan (一案一策) and records the change', async () => {
    const nail = await created();
    const plan = { ...nailPlan, measures: '先拆后建，专班盯办' };
    const res = await call('town', 'PATCH', `/api/nails/${nail.id}`, { plan, title: '人字顶厂房整治（第一批）' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ plan, title: '人字顶厂房整治（第一批）' });
    expect(res.json().timeline[0]).toMatchObject({ action: 'nail.updated' });
    expect((await call('town', 'PATCH', `/api/nails/${nail.id}`, {})).statusCode).toBe(400);
    expect((await call('village', 'PATCH', `/api/nails/${nail.id}`, { title: '改名' })).statusCode).toBe(403);
    expect((await call('outsider', 'PATCH', `/api/nails/${nail.id}`, { title: '越权改名' })).statusCode).toBe(404);
  });

  it('links responsible departments, whose users then see the nail — and only theirs', async () => {
    const nail = await created();
    expect((await call('fire', 'GET', `/api/nails/${nail.id}`)).statusCode).toBe(404);
    const res = await call('command', 'PUT', `/api/nails/${nail.id}/departments`, { departmentIds: [fire.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().departments).toEqual([{ id: fire.id, name: '消防' }]);
    expect((await call('fire', 'GET', `/api/nails/${nail.id}`)).statusCode).toBe(200);
    expect((await call('police', 'GET', `/api/nails/${nail.id}`)).statusCode).toBe(404);
    const fireList: NailList = (await call('fire', 'GET', `/api/campaigns/${campaign.upcoming.id}/nails`)).json();
    expect(fireList.items.map((n) => n.id)).toContain(nail.id);
    expect(fireList.items.every((n) => n.departments.some((d) => d.id === fire.id))).toBe(true);
    const policeList: NailList = (await call('police', 'GET', `/api/campaigns/${campaign.upcoming.id}/nails`)).json();
    expect(policeList.items.map((n) => n.id)).not.toContain(nail.id);
  });

  it('refuses unknown departments one by one', async () => {
    const nail = await created();
    const res = await call('command', 'PUT', `/api/nails/${nail.id}/departments`, { departmentIds: [fire.id, crypto.randomUUID()] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_departments', details: [{ path: 'body.departmentIds.1' }] });
  });

  it('links sites inside the scope and the campaign, and refuses the rest by position', async () => {
    const nail = await created();
    const db = t.database.db;
    const inside = await insertSite(db, tree.microA);
    const otherTown = await insertArea(db, tree.district, 'town', '330109119000', '党湾镇');
    const outside = await insertSite(db, otherTown);
    const ok = await call('command', 'PUT', `/api/nails/${nail.id}/sites`, { siteIds: [inside.id] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().sites).toEqual([{ id: inside.id, name: inside.name, address: inside.address }]);
    const bad = await call('command', 'PUT', `/api/nails/${nail.id}/sites`, { siteIds: [inside.id, outside.id, crypto.randomUUID()] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path)).toEqual(['body.siteIds.1', 'body.siteIds.2']);
    // The refused request changed nothing.
    expect((await call('command', 'GET', `/api/nails/${nail.id}`)).json().sites).toHaveLength(1);
    expect((await call('command', 'PUT', `/api/nails/${nail.id}/sites`, { siteIds: [] })).json().sites).toEqual([]);
  });
});

describe('milestones and progress reports', () => {
  it('adds milestones, completes them once, never in the future', async () => {
    const nail = await created();
    const added = await call('command', 'POST', `/api/nails/${nail.id}/milestones`, { title: '完成拆除方案', dueOn: day(5) });
    expect(added.statusCode, added.body).toBe(200);
    const milestone = added.json().milestones[0];
    expect(milestone).toMatchObject({ title: '完成拆除方案', dueOn: day(5), doneOn: null, overdue: false });
    expect((await call('command', 'POST', `/api/nails/${nail.id}/milestones`, { title: '坏日期', dueOn: '2026-02-30' })).statusCode).toBe(400);
    expect((await call('village', 'POST', `/api/nails/${nail.id}/milestones`, { title: '村里加节点', dueOn: day(5) })).statusCode).toBe(403);

    const url = `/api/nails/${nail.id}/milestones/${milestone.id}/complete`;
    const future = await call('village', 'POST', url, { doneOn: day(1) });
    expect(future.statusCode).toBe(422);
    expect(future.json().code).toBe('done_in_future');
    expect((await call('supervisor', 'POST', url, {})).statusCode).toBe(403);
    const done = await call('village', 'POST', url, {});
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().milestones[0]).toMatchObject({ doneOn: today });
    expect((await call('village', 'POST', url, {})).statusCode).toBe(409);
    expect((await call('village', 'POST', `/api/nails/${nail.id}/milestones/${crypto.randomUUID()}/complete`, {})).statusCode).toBe(404);
  });

  it('marks a milestone overdue once its day has passed undone, in the list too', async () => {
    const nail = await insertNail(t.database.db, campaign.upcoming.id, tree.villageA);
    await addNailMilestone(ctx(), nail.id, { title: '逾期节点', dueOn: day(-2) });
    await addNailMilestone(ctx(), nail.id, { title: '未到期节点', dueOn: day(3) });
    const detail: NailDetail = (await call('command', 'GET', `/api/nails/${nail.id}`)).json();
    expect(detail.milestones.map((m) => m.overdue)).toEqual([true, false]);
    const item = ((await call('command', 'GET', `/api/campaigns/${campaign.upcoming.id}/nails`)).json() as NailList).items.find((n) => n.id === nail.id)!;
    expect(item).toMatchObject({ milestonesTotal: 2, milestonesDone: 0, milestonesOverdue: 1, nextMilestone: { title: '逾期节点' } });
  });

  it('moves a nail open → in progress → resolved → reopened, each report kept', async () => {
    const nail = await created();
    await call('command', 'PUT', `/api/nails/${nail.id}/departments`, { departmentIds: [fire.id] });
    const m = (await call('command', 'POST', `/api/nails/${nail.id}/milestones`, { title: '拆除完毕', dueOn: day(3) })).json().milestones[0];
    const report = (who: Who, body: object) => call(who, 'POST', `/api/nails/${nail.id}/updates`, body);

    const started = await report('village', { progress: 40, status: 'in_progress', note: '已完成摸排' });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'in_progress', progress: 40, reportStatuses: ['in_progress', 'resolved'] });
    expect((await report('fire', { progress: 60, status: 'in_progress', note: '消防验收准备' })).statusCode).toBe(200);
    expect((await report('supervisor', { progress: 70, status: 'in_progress', note: '监督员不能报' })).statusCode).toBe(403);
    expect((await report('police', { progress: 70, status: 'in_progress', note: '非责任部门' })).statusCode).toBe(404);

    const pending = await report('town', { progress: 100, status: 'resolved', note: '全部完成' });
    expect(pending.statusCode).toBe(409);
    expect(pending.json()).toMatchObject({ code: 'milestones_pending', message: expect.stringContaining('1 个节点') });
    expect((await report('town', { progress: 90, status: 'resolved', note: '差一点' })).json().code).toBe('resolve_needs_100');
    expect((await report('town', { progress: 101, status: 'in_progress', note: '超过' })).statusCode).toBe(400);
    expect((await report('town', { progress: 50, status: 'done', note: '' })).statusCode).toBe(400);

    await call('village', 'POST', `/api/nails/${nail.id}/milestones/${m.id}/complete`, {});
    const resolved = await report('town', { progress: 100, status: 'resolved', note: '验收通过，销号' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', progress: 100, resolvedAt: expect.any(String) });
    expect(resolved.json().allowed).toMatchObject({ reopen: true, addMilestone: false, completeMilestone: false });
    expect((await call('command', 'POST', `/api/nails/${nail.id}/milestones`, { title: '已拔除还加', dueOn: day(3) })).json().code).toBe('nail_resolved');
    expect((await report('town', { progress: 100, status: 'resolved', note: '再报一次' })).json().code).toBe('already_resolved');

    const villageReopen = await report('village', { progress: 50, status: 'in_progress', note: '问题反弹' });
    expect(villageReopen.statusCode).toBe(403);
    expect((await report('town', { progress: 100, status: 'in_progress', note: '反弹' })).json().code).toBe('reopen_needs_less_than_100');
    const reopened = await report('town', { progress: 70, status: 'in_progress', note: '群众反映问题反弹，重新打开' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'in_progress', progress: 70, resolvedAt: null });

    const rows = await t.database.db.select().from(nailUpdates).where(eq(nailUpdates.nailId, nail.id));
    expect(rows.map((r) => [r.progress, r.status])).toEqual(
      expect.arrayContaining([
        [40, 'in_progress'],
        [60, 'in_progress'],
        [100, 'resolved'],
        [70, 'in_progress'],
      ]),
    );
    expect(rows).toHaveLength(4);
    expect(reopened.json().updates.map((u: { note: string }) => u.note)[0]).toBe('群众反映问题反弹，重新打开');
    expect(await actionsOf(nail.id)).toEqual(
      expect.arrayContaining(['nail.created', 'nail.progress_reported', 'nail.milestone_done', 'nail.resolved', 'nail.reopened']),
    );
  });

  it('refuses an open report with progress, and a jump from open to resolved', async () => {
    const nail = await created();
    const open = await call('town', 'POST', `/api/nails/${nail.id}/updates`, { progress: 10, status: 'open', note: '还没开始' });
    expect(open.json().code).toBe('open_with_progress');
    const jump = await call('town', 'POST', `/api/nails/${nail.id}/updates`, { progress: 100, status: 'resolved', note: '一步到位' });
    expect(jump.statusCode).toBe(409);
    expect(jump.json().code).toBe('invalid_transition');
  });
});

describe('reading nails', () => {
  it('filters by kind, status, area and department, within what the reader sees', async () => {
    const db = t.database.db;
    const c = await insertCampaign(db, tree.town, { startsOn: day(10), endsOn: day(70) });
    const a = await insertNail(db, c.id, tree.villageA, 'key');
    const b = await insertNail(db, c.id, tree.gridB, 'dynamic');
    await db.update(nails).set({ status: 'in_progress', progress: 30 }).where(eq(nails.id, b.id));
    await call('command', 'PUT', `/api/nails/${b.id}/departments`, { departmentIds: [police.id] });
    const ids = async (who: Who, query = '') => {
      const res = await call(who, 'GET', `/api/campaigns/${c.id}/nails${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as NailList).items.map((n) => n.id);
    };
    expect(await ids('command')).toEqual([a.id, b.id]);
    expect(await ids('command', '?kind=dynamic')).toEqual([b.id]);
    expect(await ids('command', '?status=in_progress')).toEqual([b.id]);
    expect(await ids('command', `?areaId=${tree.villageB.id}`)).toEqual([b.id]);
    expect(await ids('command', `?departmentId=${police.id}`)).toEqual([b.id]);
    expect(await ids('village')).toEqual([a.id]);
    expect(await ids('villageB')).toEqual([b.id]);
    expect(await ids('supervisor')).toEqual([a.id, b.id]);
    expect(await ids('police')).toEqual([b.id]);
    expect(await ids('fire')).toEqual([]);
    expect((await call('village', 'GET', `/api/campaigns/${c.id}/nails?areaId=${tree.villageB.id}`)).statusCode).toBe(404);
    expect((await call('party', 'GET', `/api/campaigns/${c.id}/nails`)).statusCode).toBe(404);
    expect((await call('command', 'GET', `/api/campaigns/${c.id}/nails?kind=big`)).statusCode).toBe(400);
    // Village B's own campaign is invisible to village A.
    expect((await call('village', 'GET', `/api/campaigns/${campaign.villageB.id}/nails`)).statusCode).toBe(404);
  });

  it('shows the supervisor everything in scope and offers no action', async () => {
    const nail = await created();
    const res = await call('supervisor', 'GET', `/api/nails/${nail.id}`);
    expect(res.statusCode).toBe(200);
    expect(Object.values(res.json().allowed).some(Boolean)).toBe(false);
    expect(res.json().reportStatuses).toEqual([]);
    expect((await call('party', 'GET', `/api/nails/${nail.id}`)).statusCode).toBe(404);
    expect((await call('villageB', 'GET', `/api/nails/${nail.id}`)).statusCode).toBe(404);
  });
});

describe('monthly airing (月晾晒)', () => {
  /** Service calls at chosen instants, as the demo data will make them. */
  const at = (local: string) => new Date(`${local}+08:00`);

  it('recounts each nail’s movement of the month from its reports', async () => {
    const db = t.database.db;
    const c = await insertCampaign(db, tree.town, { startsOn: '2026-04-01', endsOn: '2026-07-31' });
    const create = (title: string, kind: 'key' | 'dynamic', when: string) => createNail(ctx(), c.id, { ...newNail({ kind, title }) } as never, at(when));
    const moving = await create('移动中的钉', 'key', '2026-03-20T09:00:00');
    const stuck = await create('停滞的钉', 'key', '2026-03-21T09:00:00');
    const done = await create('四月拔除的钉', 'key', '2026-03-22T09:00:00');
    const late = await create('五月新增的钉', 'dynamic', '2026-05-03T09:00:00');
    const report = (id: string, progress: number, status: 'in_progress' | 'resolved', when: string) => reportNailProgress(ctx(), id, { progress, status, note: '进展' }, at(when));
    await report(moving.id, 20, 'in_progress', '2026-03-28T10:00:00');
    await report(moving.id, 45, 'in_progress', '2026-04-15T10:00:00');
    await report(stuck.id, 30, 'in_progress', '2026-03-29T10:00:00');
    await report(stuck.id, 30, 'in_progress', '2026-04-29T10:00:00');
    const m = await addNailMilestone(ctx(), done.id, { title: '四月节点', dueOn: '2026-04-10' }, at('2026-03-25T10:00:00'));
    await report(done.id, 50, 'in_progress', '2026-04-02T10:00:00');
    await completeNailMilestone(ctx(), done.id, m.milestones[0]!.id, { doneOn: '2026-04-12' }, at('2026-04-12T18:00:00'));
    await report(done.id, 100, 'resolved', '2026-04-20T10:00:00');
    await addNailMilestone(ctx(), moving.id, { title: '逾期的节点', dueOn: '2026-04-25' }, at('2026-04-01T10:00:00'));

    const april = await nailAiring(ctx(), c.id, '2026-04', at('2026-05-15T12:00:00'));
    expect(april).toMatchObject({ month: '2026-04', asOf: '2026-05-01', active: 3, resolved: 1, noProgress: 1, milestonesDue: 2, milestonesDone: 1, milestonesOverdue: 1 });
    const row = (id: string) => april.rows.find((r) => r.id === id);
    expect(row(moving.id)).toMatchObject({ progressBefore: 20, progressAfter: 45, progressChange: 25, reportsInMonth: 1, noProgress: false });
    expect(row(stuck.id)).toMatchObject({ progressChange: 0, reportsInMonth: 1, noProgress: true });
    expect(row(done.id)).toMatchObject({ progressBefore: 0, progressAfter: 100, resolvedInMonth: true, status: 'resolved' });
    expect(row(late.id)).toBeUndefined();

    const may = await nailAiring(ctx(), c.id, '2026-05', at('2026-05-15T12:00:00'));
    expect(may.rows.map((r) => r.id).sort()).toEqual([moving.id, stuck.id, late.id].sort());
    expect(may).toMatchObject({ asOf: '2026-05-15', noProgress: 3 });
  });

  it('answers over HTTP for readers and refuses bad or future months', async () => {
    const nail = await created();
    const month = today.slice(0, 7);
    const res = await call('supervisor', 'GET', `/api/campaigns/${campaign.upcoming.id}/nails/airing?month=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows.map((r: { id: string }) => r.id)).toContain(nail.id);
    expect((await call('command', 'GET', `/api/campaigns/${campaign.upcoming.id}/nails/airing?month=2026-13`)).statusCode).toBe(400);
    const future = await call('command', 'GET', `/api/campaigns/${campaign.upcoming.id}/nails/airing?month=2099-01`);
    expect(future.statusCode).toBe(400);
    expect(future.json().code).toBe('month_not_started');
    expect((await call('party', 'GET', `/api/campaigns/${campaign.upcoming.id}/nails/airing?month=${month}`)).statusCode).toBe(404);
    const police: { rows: { id: string }[] } = (await call('police', 'GET', `/api/campaigns/${campaign.upcoming.id}/nails/airing?month=${month}`)).json();
    expect(police.rows.map((r) => r.id)).not.toContain(nail.id);
  });
});
