import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Briefing, Dashboard, DashboardOverdue, NailAiring, RankingView } from '@anxun/contracts';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, insertArea, insertDepartment, insertSite, insertUser } from '../../../test/factories.ts';
import { createRng } from '../demo/random.ts';
import { campaignSites, campaignUnits, campaigns, squadTargets } from '../campaigns/schema.ts';
import { hazardEvents, hazards } from '../hazards/schema.ts';
import { inspections } from '../inspections/schema.ts';
import { nails, nailUpdates } from '../nails/schema.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { takeSnapshots } from '../rankings/snapshot-job.ts';
import { addDays, dayEnd, dayStart, daysBetween, mondayOf } from '../rankings/rules.ts';
import { totalsOf } from './rules.ts';

/*
 * A campaign over a town that started five days ago: inspections, hazards found, closed and some
 * overdue, squads with targets, a key nail. The nightly snapshots exist for all but yesterday (the
 * job has not run yet), so the briefing is read both from snapshots and from a recount. Every figure
 * of the briefing must equal what the rankings and the dashboard answer for the same day.
 */

let t: TestApp;
let cookie: string;
let otherCookie: string;
const now = new Date();
const today = shanghaiDate(now);
const startsOn = addDays(today, -5);
const yesterday = addDays(today, -1);
const campaignId = randomUUID();
const otherCampaignId = randomUUID();
const squadIds = [randomUUID(), randomUUID()];

function timeIn(day: string, fraction: number): Date {
  const start = dayStart(day).getTime();
  const end = Math.min(dayEnd(day).getTime(), now.getTime()) - 1;
  return new Date(start + Math.floor(Math.max(0, end - start) * fraction));
}

let hasPdftotext = true;
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  hasPdftotext = false;
}

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const rng = createRng('briefing');
  const tree = await areaTree(db);
  const villageC = await insertArea(db, tree.town, 'village', '330109118203', '坎山村');
  const villageD = await insertArea(db, tree.town, 'village', '330109118204', '新港村');
  const otherTown = await insertArea(db, tree.district, 'town', '330109119000', '党湾镇');
  const inspector = await insertUser(db, ['inspector'], [tree.town]);
  cookie = await t.login((await insertUser(db, ['command_centre'], [tree.town])).username);
  otherCookie = await t.login((await insertUser(db, ['command_centre'], [otherTown])).username);
  const department = await insertDepartment(db);

  await db.insert(campaigns).values({ id: campaignId, name: '除险保安', areaId: tree.town.id, areaPath: tree.town.path, startsOn, endsOn: addDays(today, 30), siteKinds: ['enterprise', 'street_shop'] });
  await db.insert(campaigns).values({ id: otherCampaignId, name: '党湾行动', areaId: otherTown.id, areaPath: otherTown.path, startsOn, endsOn: addDays(today, 30), siteKinds: ['enterprise'] });
  const zone = randomUUID();
  await db.insert(campaignUnits).values({ id: zone, campaignId, kind: 'zone', name: '第一片区' });
  await db.insert(campaignUnits).values(squadIds.map((id, i) => ({ id, campaignId, kind: 'squad' as const, parentId: zone, name: `第${i + 1}小组`, sortOrder: i })));

  const before = new Date(dayStart(startsOn).getTime() - 10 * 86_400_000);
  const places = [tree.microA, tree.villageA, tree.villageB, villageC, villageD];
  const sites = [];
  for (let i = 0; i < 30; i++) sites.push(await insertSite(db, places[i % places.length]!, { kind: i % 7 === 0 ? 'street_shop' : 'enterprise', createdAt: before }));
  await db.insert(campaignSites).values(sites.slice(0, 20).map((s, i) => ({ campaignId, siteId: s.id, squadId: squadIds[i % 2]!, assignedAt: before })));

  const open: string[] = [];
  for (const day of daysBetween(startsOn, today)) {
    for (let k = 0; k < 10; k++) {
      const at = timeIn(day, (k + rng.next()) / 10);
      const site = rng.pick(sites);
      const roll = rng.next();
      if (roll < 0.4) {
        await db.insert(inspections).values({ id: randomUUID(), siteId: site.id, areaPath: site.areaPath, kind: 'inspection', inspectorId: inspector.id, startedAt: new Date(at.getTime() - 1), endedAt: at, submissionHash: randomUUID() });
      } else if (roll < 0.75) {
        const id = randomUUID();
        const major = rng.chance(0.2);
        // Some deadlines already passed: the overdue figures and list are not empty.
        await db.insert(hazards).values({ id, siteId: site.id, areaPath: site.areaPath, departmentId: department.id, level: major ? 'major' : 'general', mode: 'deadline', status: 'open', description: major ? '人字顶厂房未做防火分隔' : '疏散通道堆放杂物', foundAt: at, deadline: addDays(day, 1) });
        await db.insert(hazardEvents).values({ id: randomUUID(), hazardId: id, action: 'found', fromStatus: null, toStatus: 'open', actorName: '检查员', at });
        open.push(id);
      } else if (open.length > 0) {
        const id = open.splice(Math.floor(rng.next() * open.length), 1)[0]!;
        await db.insert(hazardEvents).values({ id: randomUUID(), hazardId: id, action: 'approve', fromStatus: 'open', toStatus: 'closed', actorName: '审核人', at });
        await db.update(hazards).set({ status: 'closed', closedAt: at }).where(eq(hazards.id, id));
      }
    }
    // Snapshots as the job stores them at 00:00:05 — except for yesterday, which the briefing must recount.
    if (day < yesterday) await takeSnapshots(t.database, { campaignId }, new Date(dayEnd(day).getTime() + 5_000));
  }
  await db.insert(squadTargets).values({ id: randomUUID(), campaignId, squadId: squadIds[0]!, weekStart: mondayOf(yesterday), sitesInspected: 5, hazardsClosed: 4 });
  const nail = randomUUID();
  await db.insert(nails).values({
    id: nail,
    campaignId,
    kind: 'key',
    title: '城东工业区人字顶厂房',
    description: '厂房防火分隔不足',
    areaId: tree.villageA.id,
    areaPath: tree.villageA.path,
    plan: { target: '拆除', measures: '分批拆除', responsible: '东恩村' },
    createdAt: before,
  });
  await db.insert(nailUpdates).values({ id: randomUUID(), nailId: nail, progress: 0, status: 'open', note: '已摸排', reportedAt: before });
});
afterAll(() => t.close());

async function get<T>(url: string, as = cookie): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: as } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const briefing = (day: string) => get<Briefing>(`/api/campaigns/${campaignId}/briefings/${day}`);
const ranking = (unit: string, day: string) => get<RankingView>(`/api/campaigns/${campaignId}/rankings?unit=${unit}&day=${day}`);

describe('每日通报 figures equal the rankings and the dashboard', () => {
  for (const [label, day] of [
    ['yesterday (recounted: no snapshot yet)', yesterday],
    ['a day read from snapshots', addDays(today, -2)],
    ['the first day', startsOn],
    ['today so far', today],
  ] as const) {
    it(label, async () => {
      const b = await briefing(day);
      const villages = await ranking('village', day);
      const squads = await ranking('squad', day);
      expect(b).toMatchObject({ day, live: day === today, issueNo: daysBetween(startsOn, day).length, comparedWith: villages.comparedWith });
      const strip = (rows: RankingView['rows']) => rows.map((r) => ({ ...r }));
      expect(strip(b.villages)).toEqual(strip(villages.rows));
      expect(strip(b.squads)).toEqual(strip(squads.rows));
      // Headline = the ranking's village rows summed; the day's change = against the day before's ranking.
      const totals = totalsOf(villages.rows);
      expect(b.headline).toMatchObject(totals);
      expect(b.headline.hazardsFound).toBeGreaterThan(0);
      if (day === startsOn) expect(b.headline.change).toBeNull();
      else {
        const previous = totalsOf((await ranking('village', addDays(day, -1))).rows);
        expect(b.headline.change).toMatchObject({ sitesInspected: totals.sitesInspected - previous.sitesInspected, hazardsFound: totals.hazardsFound - previous.hazardsFound, hazardsClosed: totals.hazardsClosed - previous.hazardsClosed });
      }
      // The trend: one point per campaign day, each the village totals of that day's ranking.
      expect(b.trend.map((p) => p.day)).toEqual(daysBetween(startsOn, day));
      for (const point of b.trend) expect(point).toMatchObject(totalsOf((await ranking('village', point.day)).rows));
      expect(b.trend.reduce((n, p) => n + p.foundThatDay, 0)).toBe(totals.hazardsFound);
      expect(b.trend.reduce((n, p) => n + p.closedThatDay, 0)).toBe(totals.hazardsClosed);
      // Bottom three by name, exactly the rows the ranking marks.
      expect(new Set(b.bottom.villages.inspection)).toEqual(new Set(villages.rows.filter((r) => r.inspectionBottom).map((r) => r.name)));
      expect(new Set(b.bottom.villages.closeOut)).toEqual(new Set(villages.rows.filter((r) => r.closeOutBottom).map((r) => r.name)));
      expect(new Set(b.bottom.squads.inspection)).toEqual(new Set(squads.rows.filter((r) => r.inspectionBottom).map((r) => r.name)));
      expect(b.bottom.villages.inspection.length).toBeGreaterThanOrEqual(3);
      // Overdue and open majors as the dashboard shows them for the campaign.
      const dashboard = await get<Dashboard>(`/api/dashboard?campaignId=${campaignId}`);
      expect(b.headline.hazardsOverdue).toBe(dashboard.kpis.hazardsOverdue);
      expect(b.headline.openMajorHazards).toBe(dashboard.kpis.openMajorHazards);
      expect(b.headline.hazardsOverdue).toBeGreaterThan(0);
      const overdue = await get<DashboardOverdue>(`/api/dashboard/overdue?campaignId=${campaignId}&limit=10`);
      expect(b.overdue).toEqual(overdue);
      const airing = await get<NailAiring>(`/api/campaigns/${campaignId}/nails/airing?month=${day.slice(0, 7)}`);
      expect(b.nails.rows).toEqual(airing.rows.filter((r) => r.kind === 'key'));
      expect(b.nails.rows).toHaveLength(1);
      // The paragraph carries the figures and the bottom three.
      expect(b.summary).toContain(`累计排查${totals.sitesInspected}家`);
      expect(b.summary).toContain(`累计发现隐患${totals.hazardsFound}处`);
      expect(b.summary).toContain(`排查率排名后三位的村社为：${b.bottom.villages.inspection.join('、')}`);
    });
  }

  it('squads carry the weekly attainment of the ranking', async () => {
    const b = await briefing(yesterday);
    const first = b.squads.find((s) => s.unitId === squadIds[0]);
    expect(first?.weekly?.target).toEqual({ sitesInspected: 5, hazardsClosed: 4 });
  });
});

describe('每日通报 PDF', () => {
  it.skipIf(!hasPdftotext)('is an A4 PDF with the title, the date, the bottom three and the headline numbers (needs pdftotext)', async () => {
    const b = await briefing(yesterday);
    const res = await t.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/briefings/${yesterday}/pdf`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`每日通报-除险保安-${yesterday}.pdf`));
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-')), 'b.pdf');
    fs.writeFileSync(file, res.rawPayload);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('安全隐患排查整治每日通报');
    const [year, month, day] = yesterday.split('-').map(Number);
    expect(text).toContain(`${year}年${month}月${day}日`);
    expect(text).toContain(`第${b.issueNo}期`);
    for (const name of [...b.bottom.villages.inspection, ...b.bottom.villages.closeOut]) expect(text).toContain(name);
    expect(text).toContain(`累计排查${b.headline.sitesInspected}家`);
    expect(text).toContain(`累计发现隐患${b.headline.hazardsFound}处`);
    expect(text).toContain(`已销号${b.headline.hazardsClosed}处`);
    // The charts are drawn as vectors with their legends as text.
    expect(text).toContain('当日发现');
  });
});

describe('每日通报 refusals', () => {
  it('a day outside the campaign is a 400 in Chinese and English', async () => {
    for (const day of [addDays(startsOn, -1), addDays(today, 1)]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/briefings/${day}`, headers: { cookie } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'day_outside_campaign', message: expect.stringContaining('日期'), messageEn: expect.stringContaining('day') });
    }
    const bad = await t.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/briefings/2026-13-01/pdf`, headers: { cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ message: expect.stringContaining('日期'), messageEn: expect.stringContaining('YYYY-MM-DD') });
  });

  it('a campaign outside the viewer’s areas is a 404, JSON and PDF alike', async () => {
    for (const suffix of ['', '/pdf']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/briefings/${yesterday}${suffix}`, headers: { cookie: otherCookie } });
      expect(res.statusCode).toBe(404);
    }
    const own = await t.app.inject({ method: 'GET', url: `/api/campaigns/${otherCampaignId}/briefings/${yesterday}`, headers: { cookie: otherCookie } });
    expect(own.statusCode).toBe(200);
  });
});
