import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { RankingRow, RankingView } from '@anxun/contracts';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, insertArea, insertDepartment, insertSite, insertUser } from '../../../test/factories.ts';
import { bottomByHand, loadRaw, recount, type Figures } from '../../../test/ranking-recount.ts';
import { createRng } from '../demo/random.ts';
import { campaignSites, campaignUnits, campaigns, squadTargets } from '../campaigns/schema.ts';
import { hazardEvents, hazards } from '../hazards/schema.ts';
import { inspections } from '../inspections/schema.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { areas } from '../areas/schema.ts';
import { rankingSnapshots } from './schema.ts';
import { takeSnapshots } from './snapshot-job.ts';
import { addDays, dayEnd, dayStart, daysBetween, mondayOf } from './rules.ts';

/*
 * A campaign over a town, built day by day from a week before its start to today: sites (some
 * registered mid-campaign, some of kinds it does not cover, some in another town), squads with
 * assignments, inspections and re-inspections, hazards found, closed, reopened, closed again and
 * cancelled. After each completed day the nightly snapshot is taken as the job would at 00:00:05.
 * Every figure the API shows is then required to equal an independent recount from the raw rows.
 */

let t: TestApp;
let cookie: string;
const now = new Date();
const today = shanghaiDate(now);
const startsOn = addDays(today, -6);
const endsOn = addDays(today, 20);
const campaignId = randomUUID();
const squadIds = [randomUUID(), randomUUID(), randomUUID()];
const KINDS = ['enterprise', 'street_shop'];
let nightly: (typeof rankingSnapshots.$inferSelect)[] = [];
let villageUser: string;

/** A time inside `day`, never later than now (today's records happen before the test reads them). */
function timeIn(day: string, fraction: number): Date {
  const start = dayStart(day).getTime();
  const end = Math.min(dayEnd(day).getTime(), now.getTime()) - 1;
  return new Date(start + Math.floor(Math.max(0, end - start) * fraction));
}

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const rng = createRng('rankings-recount');
  const tree = await areaTree(db);
  const villageC = await insertArea(db, tree.town, 'village', '330109118203', '坎山村');
  await insertArea(db, tree.town, 'village', '330109118204', '空村'); // no sites: "—", never in the bottom three
  const otherTown = await insertArea(db, tree.district, 'town', '330109119000', '党湾镇');
  const otherVillage = await insertArea(db, otherTown, 'village', '330109119201', '党湾村');
  const inspector = await insertUser(db, ['inspector'], [tree.town]);
  const command = await insertUser(db, ['command_centre'], [tree.town]);
  cookie = await t.login(command.username);
  villageUser = await t.login((await insertUser(db, ['village'], [tree.villageB])).username);
  const department = await insertDepartment(db);

  const campaignStart = dayStart(startsOn);
  await db.insert(campaigns).values({ id: campaignId, name: '除险保安', areaId: tree.town.id, areaPath: tree.town.path, startsOn, endsOn, siteKinds: ['enterprise', 'street_shop'] });
  const zone = randomUUID();
  await db.insert(campaignUnits).values({ id: zone, campaignId, kind: 'zone', name: '第一片区' });
  await db.insert(campaignUnits).values(squadIds.map((id, i) => ({ id, campaignId, kind: 'squad' as const, parentId: zone, name: `第${i + 1}小组`, sortOrder: i })));

  type Site = Awaited<ReturnType<typeof insertSite>>;
  const places = [tree.microA, tree.gridA, tree.villageA, tree.microB, tree.villageB, villageC, otherVillage];
  const sites: Site[] = [];
  const before = new Date(campaignStart.getTime() - 10 * 86_400_000);
  for (let i = 0; i < 36; i++) {
    const kind = rng.pick(['enterprise', 'enterprise', 'street_shop', 'rental_housing'] as const);
    sites.push(await insertSite(db, rng.pick(places), { kind, createdAt: before }));
  }
  // Squad 3 gets nothing: a squad with nothing to divide by.
  await db.insert(campaignSites).values(
    sites.slice(0, 24).map((s, i) => ({ campaignId, siteId: s.id, squadId: squadIds[i % 2]!, assignedAt: new Date(campaignStart.getTime() - 3_600_000) })),
  );

  // Found and closed on the first day, reopened on the second (open that night), closed again on the third.
  const reopenedSite = await insertSite(db, tree.microA, { kind: 'enterprise', createdAt: before });
  await db.insert(campaignSites).values({ campaignId, siteId: reopenedSite.id, squadId: squadIds[0]!, assignedAt: before });
  const reopened = randomUUID();
  await db.insert(hazards).values({ id: reopened, siteId: reopenedSite.id, areaPath: reopenedSite.areaPath, departmentId: department.id, level: 'general', mode: 'immediate', status: 'closed', description: '电动车违规充电', foundAt: timeIn(startsOn, 0.2) });
  const steps = [['found', null, 'open', startsOn], ['close_on_spot', 'open', 'closed', startsOn], ['reopen', 'closed', 'open', addDays(startsOn, 1)], ['reinspect_fixed', 'open', 'closed', addDays(startsOn, 2)]] as const;
  for (const [action, fromStatus, toStatus, day] of steps) {
    await db.insert(hazardEvents).values({ id: randomUUID(), hazardId: reopened, action, fromStatus, toStatus, actorName: '检查员', at: timeIn(day, action === 'close_on_spot' ? 0.3 : 0.2) });
  }

  const live: { id: string; status: string }[] = [];
  for (const day of daysBetween(addDays(startsOn, -2), today)) {
    // A site registered and assigned mid-campaign counts from that moment only.
    if (day > startsOn && day <= today) {
      const late = await insertSite(db, rng.pick([tree.microA, tree.villageB]), { kind: 'enterprise', createdAt: timeIn(day, 0.1) });
      sites.push(late);
      await db.insert(campaignSites).values({ campaignId, siteId: late.id, squadId: squadIds[1]!, assignedAt: timeIn(day, 0.15) });
    }
    const moments = Array.from({ length: 14 }, () => rng.next()).sort();
    for (const moment of moments) {
      const at = timeIn(day, moment);
      const roll = rng.next();
      if (roll < 0.35) {
        const site = rng.pick(sites.filter((s) => s.createdAt <= at));
        await db.insert(inspections).values({
          id: randomUUID(),
          siteId: site.id,
          areaPath: site.areaPath,
          kind: rng.chance(0.8) ? 'inspection' : 'reinspection',
          inspectorId: inspector.id,
          startedAt: new Date(at.getTime() - 1),
          endedAt: at,
          submissionHash: randomUUID(),
        });
      } else if (roll < 0.65) {
        const site = rng.pick(sites.filter((s) => s.createdAt <= at));
        const id = randomUUID();
        await db.insert(hazards).values({ id, siteId: site.id, areaPath: site.areaPath, departmentId: department.id, level: 'general', mode: 'deadline', status: 'open', description: '疏散通道堆放杂物', foundAt: at });
        await db.insert(hazardEvents).values({ id: randomUUID(), hazardId: id, action: 'found', fromStatus: null, toStatus: 'open', actorName: '检查员', at });
        live.push({ id, status: 'open' });
      } else if (live.length > 0) {
        const hazard = rng.pick(live);
        const [action, to] =
          hazard.status === 'closed' ? (['reopen', 'open'] as const) : rng.chance(0.1) ? (['cancel', 'cancelled'] as const) : rng.chance(0.5) ? (['approve', 'closed'] as const) : (['submit_rectification', 'pending_review'] as const);
        if (hazard.status === 'cancelled' || hazard.status === to) continue;
        await db.insert(hazardEvents).values({ id: randomUUID(), hazardId: hazard.id, action, fromStatus: hazard.status as 'open', toStatus: to, actorName: '审核人', at });
        await db.update(hazards).set({ status: to, closedAt: to === 'closed' ? at : null }).where(eq(hazards.id, hazard.id));
        hazard.status = to;
      }
    }
    // The night after each completed campaign day: what the job stores at 00:00:05.
    if (day >= startsOn && day < today) await takeSnapshots(t.database, {}, new Date(dayEnd(day).getTime() + 5_000));
  }
  await db.insert(squadTargets).values({ id: randomUUID(), campaignId, squadId: squadIds[0]!, weekStart: mondayOf(today), sitesInspected: 4, hazardsClosed: 3 });
  nightly = await db.select().from(rankingSnapshots).where(eq(rankingSnapshots.campaignId, campaignId));
});
afterAll(() => t.close());

const campaign = { id: campaignId, areaPath: '/330109000000/330109118000/', startsOn, siteKinds: KINDS };

async function ranking(query: string, as = cookie): Promise<RankingView> {
  const res = await t.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/rankings?${query}`, headers: { cookie: as } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

function expectFigures(rows: RankingRow[], expected: Map<string, Figures>) {
  expect(new Set(rows.map((r) => r.unitId))).toEqual(new Set(expected.keys()));
  for (const row of rows) {
    const e = expected.get(row.unitId)!;
    expect({ ...row, name: undefined }, row.name).toMatchObject({ ...e });
    expect(row.inspectionRate).toBe(e.sitesInScope === 0 ? null : e.sitesInspected / e.sitesInScope);
    expect(row.closeOutRate).toBe(e.hazardsFound === 0 ? null : e.hazardsClosed / e.hazardsFound);
  }
  expect(new Set(rows.filter((r) => r.inspectionBottom).map((r) => r.unitId))).toEqual(bottomByHand(expected, 'inspection'));
  expect(new Set(rows.filter((r) => r.closeOutBottom).map((r) => r.unitId))).toEqual(bottomByHand(expected, 'closeOut'));
}

function expectChanges(rows: RankingRow[], previous: Map<string, Figures>) {
  for (const row of rows) {
    const p = previous.get(row.unitId);
    expect(row.inspectionRankChange).toBe(p ? p.inspectionRank - row.inspectionRank : null);
    expect(row.closeOutRankChange).toBe(p ? p.closeOutRank - row.closeOutRank : null);
  }
}

describe('rankings equal a recount from raw records', () => {
  it('the data exercise every case', async () => {
    const raw = await loadRaw(t.database.db, campaign);
    const figures = recount(raw, campaign, 'village', now);
    expect([...figures.values()].some((f) => f.hazardsClosed > 0 && f.hazardsClosed < f.hazardsFound)).toBe(true);
    expect(raw.events.some((e) => e.toStatus === 'cancelled')).toBe(true);
    expect(raw.events.some((e, i) => e.toStatus === 'open' && raw.events.some((c, j) => j !== i && c.hazardId === e.hazardId && c.toStatus === 'closed' && c.at < e.at))).toBe(true);
    expect(raw.inspections.some((i) => i.kind === 'reinspection')).toBe(true);
  });

  for (const unit of ['village', 'squad'] as const) {
    it(`${unit}: today, counted live`, async () => {
      const view = await ranking(`unit=${unit}`);
      const raw = await loadRaw(t.database.db, campaign);
      expect(view).toMatchObject({ live: true, day: today, comparedWith: addDays(today, -1) });
      expectFigures(view.rows, recount(raw, campaign, unit, new Date(view.computedAt)));
      expectChanges(view.rows, recount(raw, campaign, unit, dayEnd(addDays(today, -1))));
    });

    it(`${unit}: every past day from its nightly snapshot`, async () => {
      const raw = await loadRaw(t.database.db, campaign);
      for (const day of daysBetween(startsOn, addDays(today, -1))) {
        const view = await ranking(`unit=${unit}&day=${day}`);
        expect(view.live).toBe(false);
        expectFigures(view.rows, recount(raw, campaign, unit, dayEnd(day)));
        if (day > startsOn) expectChanges(view.rows, recount(raw, campaign, unit, dayEnd(addDays(day, -1))));
        else expect(view.rows.every((r) => r.inspectionRankChange === null && r.closeOutRankChange === null)).toBe(true);
      }
    });
  }

  it('a back-filled day equals what the snapshot taken that night stored', async () => {
    const strip = (rows: typeof nightly) => rows.map(({ computedAt: _, ...r }) => r).sort((a, b) => `${a.day}${a.unitKind}${a.unitId}`.localeCompare(`${b.day}${b.unitKind}${b.unitId}`));
    expect(nightly.length).toBe(6 * (4 + 3)); // six completed days × (four villages of the town + three squads)
    await t.database.db.delete(rankingSnapshots).where(eq(rankingSnapshots.campaignId, campaignId));
    const reports = await takeSnapshots(t.database, {}, now);
    expect(reports.filter((r) => r.stored > 0)).toHaveLength(12);
    const backFilled = await t.database.db.select().from(rankingSnapshots).where(eq(rankingSnapshots.campaignId, campaignId));
    expect(strip(backFilled)).toEqual(strip(nightly));
  });

  it('is idempotent: a second run stores nothing, a forced re-run stores the same figures', async () => {
    const before = await t.database.db.select().from(rankingSnapshots).where(eq(rankingSnapshots.campaignId, campaignId));
    expect((await takeSnapshots(t.database, {}, now)).filter((r) => r.stored > 0)).toEqual([]);
    const rerun = await takeSnapshots(t.database, { campaignId, from: startsOn, to: today }, now);
    expect(rerun.map((r) => r.day)).not.toContain(today);
    const after = await t.database.db.select().from(rankingSnapshots).where(eq(rankingSnapshots.campaignId, campaignId));
    const strip = (rows: typeof before) => rows.map(({ computedAt: _, ...r }) => r).sort((a, b) => `${a.day}${a.unitKind}${a.unitId}`.localeCompare(`${b.day}${b.unitKind}${b.unitId}`));
    expect(strip(after)).toEqual(strip(before));
  });

  it('squads: weekly target attainment is the week’s progress against its target', async () => {
    const view = await ranking('unit=squad');
    const raw = await loadRaw(t.database.db, campaign);
    const nowFigures = recount(raw, campaign, 'squad', new Date(view.computedAt));
    const weekStart = mondayOf(today);
    const base = addDays(weekStart, -1) >= startsOn ? recount(raw, campaign, 'squad', dayEnd(addDays(weekStart, -1))) : null;
    for (const row of view.rows) {
      const done = {
        sitesInspected: nowFigures.get(row.unitId)!.sitesInspected - (base?.get(row.unitId)?.sitesInspected ?? 0),
        hazardsClosed: nowFigures.get(row.unitId)!.hazardsClosed - (base?.get(row.unitId)?.hazardsClosed ?? 0),
      };
      expect(row.weekly!.weekStart).toBe(weekStart);
      expect(row.weekly!.actual).toEqual(done);
      if (row.unitId === squadIds[0]) {
        expect(row.weekly!.target).toEqual({ sitesInspected: 4, hazardsClosed: 3 });
        expect(row.weekly!.attainment).toEqual({ sitesInspected: done.sitesInspected / 4, hazardsClosed: done.hazardsClosed / 3 });
      } else expect(row.weekly!.attainment).toEqual({ sitesInspected: null, hazardsClosed: null });
    }
  });

  it('month view: figures at the last completed day, change over the period, mean daily rank', async () => {
    const yesterday = addDays(today, -1);
    const month = yesterday.slice(0, 7);
    const view = await ranking(`unit=village&period=month&month=${month}`);
    const raw = await loadRaw(t.database.db, campaign);
    const first = `${month}-01` > startsOn ? `${month}-01` : startsOn;
    expect(view).toMatchObject({ period: 'month', day: yesterday, periodStart: first, live: false });
    expectFigures(view.rows, recount(raw, campaign, 'village', dayEnd(yesterday)));
    if (first > startsOn) expectChanges(view.rows, recount(raw, campaign, 'village', dayEnd(addDays(first, -1))));
    const days = daysBetween(first, yesterday).map((d) => recount(raw, campaign, 'village', dayEnd(d)));
    for (const row of view.rows) {
      expect(row.averageInspectionRank).toBeCloseTo(days.reduce((s, f) => s + f.get(row.unitId)!.inspectionRank, 0) / days.length, 12);
      expect(row.averageCloseOutRank).toBeCloseTo(days.reduce((s, f) => s + f.get(row.unitId)!.closeOutRank, 0) / days.length, 12);
    }
    const quarter = `${yesterday.slice(0, 4)}-Q${Math.floor((Number(yesterday.slice(5, 7)) - 1) / 3) + 1}`;
    const q = await ranking(`unit=squad&period=quarter&quarter=${quarter}`);
    expectFigures(q.rows, recount(raw, campaign, 'squad', dayEnd(yesterday)));
  });

  it('history series equal the nightly figures', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/rankings/history?unit=village`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const history = res.json() as { days: string[]; units: { unitId: string; points: (Figures & { day: string })[] }[] };
    expect(history.days).toEqual(daysBetween(startsOn, addDays(today, -1)));
    const raw = await loadRaw(t.database.db, campaign);
    for (const day of history.days) {
      const expected = recount(raw, campaign, 'village', dayEnd(day));
      for (const u of history.units) expect(u.points.find((p) => p.day === day)).toMatchObject(expected.get(u.unitId)!);
    }
    expect(res.json().missingDays).toBe(0);
    expect(t.triggered).not.toContain('ranking-snapshot');
  });

  it('history with a day not yet stored queues the back-fill at once', async () => {
    const day = addDays(today, -2);
    const kept = await t.database.db.select().from(rankingSnapshots).where(eq(rankingSnapshots.day, day));
    await t.database.db.delete(rankingSnapshots).where(eq(rankingSnapshots.day, day));
    const res = await t.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/rankings/history?unit=village`, headers: { cookie } });
    expect(res.json().missingDays).toBe(1);
    expect(t.triggered).toContain('ranking-snapshot');
    await t.database.db.insert(rankingSnapshots).values(kept);
  });

  it('is aired in full to a village official of the town, refused outside it and to parties', async () => {
    const full = await ranking('unit=village');
    const seenByVillage = await ranking('unit=village', villageUser);
    expect(seenByVillage.rows.map((r) => r.unitId)).toEqual(full.rows.map((r) => r.unitId));
    const db = t.database.db;
    const [otherTown] = await db.select().from(areas).where(eq(areas.code, '330109119000'));
    const outsider = await t.login((await insertUser(db, ['command_centre'], [otherTown!])).username);
    expect((await t.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/rankings`, headers: { cookie: outsider } })).statusCode).toBe(404);
    const party = await t.login((await insertUser(db, ['party'], [], { phone: '19900009999' })).username);
    expect((await t.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/rankings`, headers: { cookie: party } })).statusCode).toBe(403);
  });

  it('refuses days outside the campaign and periods without a completed day', async () => {
    for (const query of [`day=${addDays(startsOn, -1)}`, `day=${addDays(today, 1)}`, 'period=month', 'period=month&month=2020-01']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/rankings?${query}`, headers: { cookie } });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
