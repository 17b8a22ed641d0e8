import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { SiteOrdersView } from '@anxun/contracts';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, insertArea, insertDepartment, insertSite, insertUser } from '../../../test/factories.ts';
import { insertHazard, insertInspection, insertNotice, insertYellowCard } from '../../../test/closed-loop-rows.ts';
import { SYSTEM_ACTOR, type RequestContext } from '../../platform/context.ts';
import { auditEvents } from '../audit/schema.ts';
import { sites } from '../sites/schema.ts';
import { deadlineEndsAt } from '../colours/colour.ts';
import { refreshSiteColour } from '../colours/service.ts';
import { numberingYear } from '../notices/numbering.ts';
import { allocateDocumentNumber } from './numbers.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { suspensions } from './schema.ts';
import { getSiteOrders } from './service.ts';
import { shanghaiDate as shanghaiToday } from '../calendar/service.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof areaTree>>;
let departmentId: string;
let inspectorId: string;
const cookies = {} as Record<'town' | 'department' | 'inspector' | 'outsider' | 'party', string>;
const PARTY_PHONE = '19912345678';

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  tree = await areaTree(db);
  departmentId = (await insertDepartment(db)).id;
  const town = await insertUser(db, ['town'], [tree.town]);
  const department = await insertUser(db, ['department'], [tree.villageA], { departmentId });
  const inspector = await insertUser(db, ['inspector'], [tree.villageA]);
  inspectorId = inspector.id;
  const outsider = await insertUser(db, ['town'], [tree.villageB]);
  const party = await insertUser(db, ['party'], [], { phone: PARTY_PHONE });
  for (const [name, user] of Object.entries({ town, department, inspector, outsider, party })) cookies[name as keyof typeof cookies] = await t.login(user.username);
});
afterAll(() => t.close());

const ctx = (): RequestContext => ({ database: t.database, actor: SYSTEM_ACTOR, ip: null, requestId: null });
const future = '2099-06-30';

async function post(cookie: string, url: string, payload?: unknown) {
  return t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload: payload as object } : {}) });
}
async function orders(cookie: string, siteId: string) {
  return t.app.inject({ method: 'GET', url: `/api/sites/${siteId}/orders`, headers: { cookie } });
}
async function colourOf(siteId: string) {
  const [row] = await t.database.db.select({ colour: sites.colour }).from(sites).where(eq(sites.id, siteId));
  return row!.colour;
}
const auditActions = async (siteId: string) =>
  (await t.database.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, siteId))).map((e) => e.action);

describe('yellow cards', () => {
  it('are numbered per town per year, restarting in a new year', async () => {
    const site = await insertSite(t.database.db, tree.microA);
    const year = numberingYear(new Date());
    const first = await post(cookies.town, `/api/sites/${site.id}/yellow-cards`, { deadline: future, reason: '消防通道长期堵塞' });
    expect(first.statusCode, first.body).toBe(200);
    const second = await post(cookies.department, `/api/sites/${site.id}/yellow-cards`, { deadline: future, reason: '三合一场所未整改' });
    const view = second.json<SiteOrdersView>();
    expect(view.yellowCards.map((c) => c.number).sort()).toEqual([`瓜沥黄牌〔${year}〕0001号`, `瓜沥黄牌〔${year}〕0002号`]);

    const otherTown = await insertArea(t.database.db, tree.district, 'town', '330109119000', '党湾镇');
    const otherVillage = await insertArea(t.database.db, otherTown, 'village', '330109119201', '曙光村');
    const next = await t.database.db.transaction(async (tx) => ({
      guali: await allocateDocumentNumber(tx, tree.microA.path, 'yellow_card', new Date(`${year + 1}-01-01T00:30:00+08:00`)),
      guali2: await allocateDocumentNumber(tx, tree.microB.path, 'yellow_card', new Date(`${year + 1}-03-01T00:00:00+08:00`)),
      dangwan: await allocateDocumentNumber(tx, otherVillage.path, 'yellow_card', new Date(`${year + 1}-03-01T00:00:00+08:00`)),
      notice: await allocateDocumentNumber(tx, tree.microA.path, 'notice', new Date(`${year + 1}-03-01T00:00:00+08:00`)),
    }));
    expect(next.guali).toEqual({ number: `瓜沥黄牌〔${year + 1}〕0001号`, townId: tree.town.id, year: year + 1, seq: 1 });
    expect(next.guali2.number).toBe(`瓜沥黄牌〔${year + 1}〕0002号`);
    expect(next.dangwan.number).toBe(`党湾黄牌〔${year + 1}〕0001号`);
    expect(next.notice.number).toBe(`瓜沥安改〔${year + 1}〕0001号`);
  });

  it('refuses a deadline before today (Asia/Shanghai)', async () => {
    const site = await insertSite(t.database.db, tree.microA);
    const yesterday = shanghaiToday(new Date(Date.now() - 86_400_000));
    const res = await post(cookies.town, `/api/sites/${site.id}/yellow-cards`, { deadline: yesterday, reason: '测试过去的期限' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('deadline_in_past');
    expect(await auditActions(site.id)).toEqual([]);
  });

  it('turns the site orange once expired unresolved, and back when resolved', async () => {
    const site = await insertSite(t.database.db, tree.microA);
    const today = shanghaiToday(new Date());
    const issued = await post(cookies.town, `/api/sites/${site.id}/yellow-cards`, { deadline: today, reason: '限期整改逾期未改' });
    const card = issued.json<SiteOrdersView>().yellowCards[0]!;
    expect(card.overdue).toBe(false);
    expect(await colourOf(site.id)).toBe('grey');

    const later = new Date(deadlineEndsAt(today) + 60_000);
    await t.database.db.transaction((tx) => refreshSiteColour(tx, site.id, '黄牌到期', later));
    expect(await colourOf(site.id)).toBe('orange');
    const view = await getSiteOrders(ctx(), site.id, later);
    expect(view.yellowCards[0]!.overdue).toBe(true);
    expect(view.colourHistory[0]).toMatchObject({ colour: 'orange', previous: 'grey', reason: '黄牌到期' });
    expect(view.allowed).toEqual({ yellowCard: true, resolveYellowCard: true, suspend: true, lift: false });

    const resolved = await post(cookies.department, `/api/yellow-cards/${card.id}/resolve`);
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json<SiteOrdersView>().yellowCards[0]!.resolvedAt).not.toBeNull();
    expect(await colourOf(site.id)).toBe('grey');
    const again = await post(cookies.town, `/api/yellow-cards/${card.id}/resolve`);
    expect(again.statusCode).toBe(409);
    expect(await auditActions(site.id)).toEqual(['yellow_card.issued', 'yellow_card.resolved']);
  });
});

describe('suspension', () => {
  it('turns the site black, refuses a second order, and lifting restores the recomputed colour', async () => {
    const db = t.database.db;
    const site = await insertSite(db, tree.microA, { inspectedAt: new Date() });
    await insertHazard(db, site, departmentId, { level: 'general', mode: 'deadline', deadline: future });
    await db.transaction((tx) => refreshSiteColour(tx, site.id, '发现一般隐患'));
    expect(await colourOf(site.id)).toBe('yellow');

    const suspended = await post(cookies.town, `/api/sites/${site.id}/suspension`, { reason: '重大火灾隐患未整改' });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const view = suspended.json<SiteOrdersView>();
    expect(view.suspensions).toHaveLength(1);
    expect(view.allowed).toMatchObject({ suspend: false, lift: true });
    expect(view.colourHistory[0]).toMatchObject({ colour: 'black', previous: 'yellow' });
    expect(await colourOf(site.id)).toBe('black');

    const second = await post(cookies.department, `/api/sites/${site.id}/suspension`, { reason: '重复下达' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('already_suspended');

    const lifted = await post(cookies.department, `/api/sites/${site.id}/suspension/lift`, { reason: '整改完毕，同意复业' });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json<SiteOrdersView>().suspensions[0]).toMatchObject({ liftReason: '整改完毕，同意复业' });
    expect(await colourOf(site.id)).toBe('yellow');

    const liftAgain = await post(cookies.town, `/api/sites/${site.id}/suspension/lift`, { reason: '再次解除' });
    expect(liftAgain.statusCode).toBe(409);
    expect(liftAgain.json().code).toBe('not_suspended');
    expect(await auditActions(site.id)).toEqual(['site.suspended', 'site.resumed']);
  });

  it('lets the partial unique index stop a racing second order (mapped to 409)', async () => {
    const db = t.database.db;
    const site = await insertSite(db, tree.microA);
    await db.insert(suspensions).values({ id: crypto.randomUUID(), siteId: site.id, reason: '第一张' });
    const error = await db
      .insert(suspensions)
      .values({ id: crypto.randomUUID(), siteId: site.id, reason: '第二张' })
      .then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(error, 'suspensions_one_active')).toBe(true);
    expect(isUniqueViolation(error, 'some_other_index')).toBe(false);
  });
});

describe('who may act', () => {
  it('answers 404 outside the scope, 403 to roles without the power, and writes nothing', async () => {
    const db = t.database.db;
    const site = await insertSite(db, tree.microA, { phone: PARTY_PHONE });
    const card = await insertYellowCard(db, site);
    const body = { deadline: future, reason: '越权发牌' };
    const outsider = cookies.outsider;
    expect((await orders(outsider, site.id)).statusCode).toBe(404);
    expect((await post(outsider, `/api/sites/${site.id}/yellow-cards`, body)).statusCode).toBe(404);
    expect((await post(outsider, `/api/yellow-cards/${card.id}/resolve`)).statusCode).toBe(404);
    expect((await post(outsider, `/api/sites/${site.id}/suspension`, { reason: '越权停业' })).statusCode).toBe(404);
    expect((await post(outsider, `/api/sites/${site.id}/suspension/lift`, { reason: '越权复业' })).statusCode).toBe(404);
    for (const who of ['inspector', 'party'] as const) {
      const view = await orders(cookies[who], site.id);
      expect(view.statusCode, view.body).toBe(200);
      expect(view.json<SiteOrdersView>().allowed).toEqual({ yellowCard: false, resolveYellowCard: false, suspend: false, lift: false });
      expect((await post(cookies[who], `/api/sites/${site.id}/yellow-cards`, body)).statusCode).toBe(403);
      expect((await post(cookies[who], `/api/yellow-cards/${card.id}/resolve`)).statusCode).toBe(403);
      expect((await post(cookies[who], `/api/sites/${site.id}/suspension`, { reason: '无权停业' })).statusCode).toBe(403);
    }
    expect(await auditActions(site.id)).toEqual([]);
    expect(await db.select().from(suspensions).where(eq(suspensions.siteId, site.id))).toEqual([]);
  });
});

describe('the orders view', () => {
  it('lists the site’s inspections (newest first, with hazard counts) and notices with their PDF links', async () => {
    const db = t.database.db;
    const site = await insertSite(db, tree.microA);
    const older = await insertInspection(db, site, inspectorId, { endedAt: new Date('2026-01-05T02:00:00Z') });
    const newer = await insertInspection(db, site, inspectorId, { endedAt: new Date('2026-02-05T02:00:00Z'), farFromSite: true });
    const h1 = await insertHazard(db, site, departmentId, { inspectionId: newer.id });
    const h2 = await insertHazard(db, site, departmentId, { inspectionId: newer.id, level: 'major' });
    const notice = await insertNotice(db, site, newer.id, [h1.id, h2.id]);
    const res = await orders(cookies.town, site.id);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<SiteOrdersView>();
    expect(view.inspections.map((i) => [i.id, i.hazardCount, i.farFromSite])).toEqual([
      [newer.id, 2, true],
      [older.id, 0, false],
    ]);
    expect(view.inspections[0]!.inspectorName).toMatch(/^测试/);
    expect(view.notices).toEqual([{ id: notice.id, number: notice.number, createdAt: notice.createdAt.toISOString(), url: `/api/notices/${notice.id}/pdf` }]);
  });
});
