import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { SiteKind } from '@anxun/contracts';
import type { Database } from '../../platform/db/client.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { areaTree, insertArea, insertDepartment, insertSite, insertUser } from '../../../test/factories.ts';
import { insertInspection } from '../../../test/closed-loop-rows.ts';
import { createRng } from '../demo/random.ts';
import { campaignSites, campaignUnits, campaigns } from '../campaigns/schema.ts';
import { hazardEvents, hazards } from '../hazards/schema.ts';
import { inspections } from '../inspections/schema.ts';
import { sites } from '../sites/schema.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { compactTallies, findCampaign } from './queries.ts';
import { addDays, dayStart, daysBetween } from './rules.ts';
import { verifyTallies } from './verify.ts';

/*
 * The tallies the rankings read are kept by triggers (migration 0005). Whatever happens to the raw
 * records — visits synced late and out of order, hazards closed, reopened and cancelled, sites
 * registered, moved to another village or town, re-kinded, squads reassigned and sites unassigned,
 * the campaign's dates and kinds edited, the deltas folded — the tallies as of every day's end must
 * equal the recount straight from the raw records, for both unit kinds of two overlapping campaigns.
 */

let database: Database;
const today = shanghaiDate(new Date());
const startsOn = addDays(today, -8);
const endsOn = addDays(today, 2);
const town = randomUUID();
const district = randomUUID();
const squads = [randomUUID(), randomUUID(), randomUUID()];
const rng = createRng('ranking-tallies');
let villages: Awaited<ReturnType<typeof insertArea>>[] = [];
let inspectorId = '';
let departmentId = '';

function timeIn(day: string): Date {
  const start = dayStart(day).getTime();
  return new Date(start + Math.floor(rng.next() * 86_400_000));
}

/** Every day of the campaign: the tallies against the raw recount, both unit kinds. */
async function expectTalliesEqualRecount(campaignId: string) {
  const campaign = (await findCampaign(database.db, campaignId))!;
  const { days, mismatches } = await verifyTallies(database.db, campaign, campaign.endsOn);
  expect(days).toBeGreaterThan(5);
  expect(mismatches).toEqual([]);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const tree = await areaTree(db);
  const villageC = await insertArea(db, tree.town, 'village', '330109118203', '坎山村');
  const otherTown = await insertArea(db, tree.district, 'town', '330109119000', '党湾镇');
  const otherVillage = await insertArea(db, otherTown, 'village', '330109119201', '党湾村');
  const places = [tree.microA, tree.gridA, tree.villageA, tree.microB, tree.villageB, villageC, otherVillage];
  const inspector = await insertUser(db, ['inspector'], [tree.town]);
  const department = await insertDepartment(db);
  villages = [tree.villageA, tree.villageB, villageC];
  inspectorId = inspector.id;
  departmentId = department.id;

  // Before any campaign: these count once the campaigns are created (a rebuild from the records).
  const kinds: SiteKind[] = ['enterprise', 'street_shop', 'rental_housing'];
  const siteRows: (typeof sites.$inferSelect)[] = [];
  for (let i = 0; i < 16; i++) siteRows.push(await insertSite(db, rng.pick(places), { kind: rng.pick(kinds), createdAt: timeIn(addDays(startsOn, -5)) }));
  const earlyHazard = randomUUID();
  await db.insert(hazards).values({ id: earlyHazard, siteId: siteRows[0]!.id, areaPath: siteRows[0]!.areaPath, departmentId: department.id, level: 'general', mode: 'deadline', status: 'open', description: '早于行动', foundAt: timeIn(addDays(startsOn, 1)) });

  await db.insert(campaigns).values({ id: town, name: '镇专项', areaId: tree.town.id, areaPath: tree.town.path, startsOn, endsOn, siteKinds: ['enterprise', 'street_shop'] });
  await db.insert(campaigns).values({ id: district, name: '区专项', areaId: tree.district.id, areaPath: tree.district.path, startsOn: addDays(startsOn, 2), endsOn: addDays(endsOn, -3), siteKinds: ['enterprise', 'rental_housing'] });
  await db.insert(campaignUnits).values(squads.map((id, i) => ({ id, campaignId: town, kind: 'squad' as const, name: `第${i + 1}小组`, sortOrder: i })));
  const districtSquad = randomUUID();
  await db.insert(campaignUnits).values({ id: districtSquad, campaignId: district, kind: 'squad', name: '区第一小组', sortOrder: 0 });
  await db.insert(campaignSites).values(siteRows.slice(0, 10).map((s, i) => ({ campaignId: town, siteId: s.id, squadId: squads[i % 3]!, assignedAt: timeIn(addDays(startsOn, -1)) })));
  await db.insert(campaignSites).values(siteRows.slice(4, 12).map((s) => ({ campaignId: district, siteId: s.id, squadId: districtSquad, assignedAt: timeIn(startsOn) })));

  const live: { id: string; status: string; foundAt: Date }[] = [];
  const days = daysBetween(addDays(startsOn, -2), addDays(endsOn, 2));
  for (let step = 0; step < 260; step++) {
    const day = rng.pick(days); // out of order on purpose: late syncs and backdated records
    const at = timeIn(day);
    const roll = rng.next();
    const site = rng.pick(siteRows);
    if (roll < 0.2) {
      await insertInspection(db, site, inspector.id, { kind: rng.chance(0.8) ? 'inspection' : 'reinspection', endedAt: at });
    } else if (roll < 0.42) {
      const id = randomUUID();
      // Two hazards and their events in one statement each, as a submission writes them.
      const second = randomUUID();
      await db.insert(hazards).values([id, second].map((hid) => ({ id: hid, siteId: site.id, areaPath: site.areaPath, departmentId: department.id, level: 'general' as const, mode: 'deadline' as const, status: 'open' as const, description: '疏散通道堆放杂物', foundAt: at })));
      await db.insert(hazardEvents).values([id, second].map((hid) => ({ id: randomUUID(), hazardId: hid, action: 'found', fromStatus: null, toStatus: 'open' as const, actorName: '检查员', at })));
      live.push({ id, status: 'open', foundAt: at }, { id: second, status: 'open', foundAt: at });
    } else if (roll < 0.68 && live.length > 0) {
      const hazard = rng.pick(live);
      if (hazard.status === 'cancelled') continue;
      const [action, to] = hazard.status === 'closed' ? (rng.chance(0.7) ? (['reopen', 'open'] as const) : (['cancel', 'cancelled'] as const)) : rng.chance(0.15) ? (['cancel', 'cancelled'] as const) : (['approve', 'closed'] as const);
      // Sometimes stamped before the hazard was found (a device clock behind the server's).
      const when = rng.chance(0.1) ? new Date(hazard.foundAt.getTime() - 3_600_000) : new Date(hazard.foundAt.getTime() + rng.int(1, 5 * 86_400) * 1000);
      await db.insert(hazardEvents).values({ id: randomUUID(), hazardId: hazard.id, action, fromStatus: hazard.status as 'open', toStatus: to, actorName: '审核人', at: when });
      await db.update(hazards).set({ status: to }).where(eq(hazards.id, hazard.id));
      hazard.status = to;
    } else if (roll < 0.74) {
      const place = rng.pick(places);
      const [moved] = await db.update(sites).set({ areaId: place.id, areaPath: place.path }).where(eq(sites.id, site.id)).returning();
      siteRows[siteRows.indexOf(site)] = moved!;
    } else if (roll < 0.78) {
      const [rekinded] = await db.update(sites).set({ kind: rng.pick(kinds) }).where(eq(sites.id, site.id)).returning();
      siteRows[siteRows.indexOf(site)] = rekinded!;
    } else if (roll < 0.84) {
      siteRows.push(await insertSite(db, rng.pick(places), { kind: rng.pick(kinds), createdAt: at }));
    } else if (roll < 0.92) {
      const [assigned] = await db.select().from(campaignSites).where(and(eq(campaignSites.campaignId, town), eq(campaignSites.siteId, site.id)));
      if (!assigned) await db.insert(campaignSites).values({ campaignId: town, siteId: site.id, squadId: rng.pick(squads), assignedAt: at });
      else if (rng.chance(0.3)) await db.delete(campaignSites).where(and(eq(campaignSites.campaignId, town), eq(campaignSites.siteId, site.id)));
      else if (rng.chance(0.5)) await db.update(campaignSites).set({ squadId: rng.pick(squads), assignedAt: at }).where(and(eq(campaignSites.campaignId, town), eq(campaignSites.siteId, site.id)));
      else await db.update(campaignSites).set({ squadId: rng.pick(squads) }).where(and(eq(campaignSites.campaignId, town), eq(campaignSites.siteId, site.id)));
    } else if (roll < 0.95) {
      await compactTallies(db);
    } else if (roll < 0.97) {
      await db.update(campaigns).set({ siteKinds: rng.chance(0.5) ? ['enterprise', 'street_shop'] : ['enterprise', 'street_shop', 'rental_housing'] }).where(eq(campaigns.id, town));
    }
  }
});
afterAll(() => database.close());

describe('ranking tallies equal the recount from raw records', () => {
  it('for every day of a town campaign, villages and squads', async () => {
    await expectTalliesEqualRecount(town);
  });

  it('for an overlapping district campaign with other kinds and dates', async () => {
    await expectTalliesEqualRecount(district);
  });

  it('after the deltas are folded, and after the campaign dates change (a rebuild)', async () => {
    const before = await database.db.execute(sql`select count(*)::int as n from ranking_tallies`);
    const folded = await compactTallies(database.db);
    const after = await database.db.execute(sql`select count(*)::int as n from ranking_tallies`);
    const count = (r: unknown) => (r as { rows: { n: number }[] }).rows[0]!.n;
    expect(folded).toBeGreaterThan(0);
    expect(count(after)).toBe(count(before) - folded);
    await expectTalliesEqualRecount(town);
    await database.db.update(campaigns).set({ startsOn: addDays(startsOn, 1) }).where(eq(campaigns.id, town));
    await expectTalliesEqualRecount(town);
  });

  it('refuses to rewrite or remove what was counted', async () => {
    const [hazard] = await database.db.select().from(hazards).limit(1);
    await expect(database.db.update(hazards).set({ foundAt: new Date() }).where(eq(hazards.id, hazard!.id))).rejects.toThrow();
    await expect(database.db.delete(hazardEvents).where(eq(hazardEvents.hazardId, hazard!.id))).rejects.toThrow();
    await expect(database.db.delete(inspections)).rejects.toThrow();
    await expectTalliesEqualRecount(town);
  });

  // PGlite has one connection, so only PostgreSQL can run writers side by side.
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('under concurrent writers: first visits of one site, moves and hazards racing', async () => {
    const db = database.db;
    const site = await insertSite(db, villages[0]!, { kind: 'enterprise', createdAt: dayStart(startsOn) });
    await db.insert(campaignSites).values({ campaignId: town, siteId: site.id, squadId: squads[0]!, assignedAt: dayStart(startsOn) });
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.transaction(async (tx) => {
          const at = timeIn(addDays(startsOn, 1 + (i % 4)));
          await insertInspection(tx, site, inspectorId, { endedAt: at });
          if (i % 4 === 1) {
            const place = villages[i % villages.length]!;
            await tx.update(sites).set({ areaId: place.id, areaPath: place.path }).where(eq(sites.id, site.id));
          }
          if (i % 4 === 2) await tx.update(campaignSites).set({ squadId: squads[i % squads.length]! }).where(and(eq(campaignSites.campaignId, town), eq(campaignSites.siteId, site.id)));
          const hazard = randomUUID();
          await tx.insert(hazards).values({ id: hazard, siteId: site.id, areaPath: site.areaPath, departmentId, level: 'general', mode: 'deadline', status: 'open', description: '并发', foundAt: at });
          await tx.insert(hazardEvents).values({ id: randomUUID(), hazardId: hazard, action: 'approve', fromStatus: 'pending_review', toStatus: 'closed', actorName: '检查员', at: new Date(at.getTime() + 60_000) });
        }),
      ),
    );
    await expectTalliesEqualRecount(town);
  });
});
