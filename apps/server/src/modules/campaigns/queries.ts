import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Campaign, CampaignUnit } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { scopeFilter } from '../../platform/scope.ts';
import { areas } from '../areas/schema.ts';
import { sites } from '../sites/schema.ts';
import { users } from '../users/schema.ts';
import { campaignMembers, campaigns, campaignSites, campaignUnits } from './schema.ts';
import { campaignStatus } from './rules.ts';

export type CampaignRow = typeof campaigns.$inferSelect;
export type UnitRow = typeof campaignUnits.$inferSelect;

export function toCampaign(row: CampaignRow, areaName: string, today: string): Campaign {
  return {
    id: row.id,
    name: row.name,
    areaId: row.areaId,
    areaName,
    areaPath: row.areaPath,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    siteKinds: row.siteKinds,
    status: campaignStatus(row, today),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function findCampaign(db: Executor, id: string) {
  const [row] = await db.select({ campaign: campaigns, areaName: areas.name }).from(campaigns).innerJoin(areas, eq(areas.id, campaigns.areaId)).where(eq(campaigns.id, id));
  return row;
}

/**
 * Campaigns whose area overlaps one of the actor's scopes: under it (a prefix range scan on the
 * campaign path) or above it (the campaign path is a prefix of the scope).
 */
export function visibleCampaigns(actor: Pick<Actor, 'scopePaths'>): SQL {
  if (actor.scopePaths.length === 0) return sql`false`;
  const above = inArray(campaigns.areaPath, actor.scopePaths.flatMap(prefixesOf));
  return or(scopeFilter(campaigns.areaPath, actor), above)!;
}

/** '/a/b/c/' → ['/a/', '/a/b/', '/a/b/c/']. */
function prefixesOf(path: string): string[] {
  const codes = path.split('/').filter(Boolean);
  return codes.map((_, i) => `/${codes.slice(0, i + 1).join('/')}/`);
}

export async function listCampaignRows(db: Executor, where: SQL) {
  return db
    .select({ campaign: campaigns, areaName: areas.name })
    .from(campaigns)
    .innerJoin(areas, eq(areas.id, campaigns.areaId))
    .where(where)
    .orderBy(sql`${campaigns.startsOn} desc`, asc(campaigns.name));
}

// --- "the sites in a campaign's scope" and "a squad's sites", for every module that counts them ----

/** Sites in a campaign's scope: under its area and of a kind it covers (the SQL twin of siteInCampaignScope). */
export function campaignScopeWhere(campaign: Pick<CampaignRow, 'areaPath' | 'siteKinds'>): SQL {
  // Area codes hold only letters, digits and hyphens, so a path needs no LIKE escaping.
  return and(sql`${sites.areaPath} like ${campaign.areaPath + '%'}`, inArray(sites.kind, campaign.siteKinds))!;
}

/**
 * Sites assigned to a unit of the campaign: a squad's or village team's own sites, a zone's through
 * its squads. Offices and working groups answer for no sites. Use as `where(inArray(sites.id, …))`.
 */
export function unitSiteIds(db: Executor, campaignId: string, unit: Pick<UnitRow, 'id' | 'kind'>) {
  const base = db.select({ siteId: campaignSites.siteId }).from(campaignSites);
  switch (unit.kind) {
    case 'squad':
      return base.where(and(eq(campaignSites.campaignId, campaignId), eq(campaignSites.squadId, unit.id)));
    case 'village_team':
      return base.where(and(eq(campaignSites.campaignId, campaignId), eq(campaignSites.villageTeamId, unit.id)));
    case 'zone':
      return base.where(
        and(
          eq(campaignSites.campaignId, campaignId),
          inArray(campaignSites.squadId, db.select({ id: campaignUnits.id }).from(campaignUnits).where(eq(campaignUnits.parentId, unit.id))),
        ),
      );
    default:
      return base.where(sql`false`);
  }
}

export async function listUnits(db: Executor, campaignId: string): Promise<CampaignUnit[]> {
  const unitRows = await db
    .select({ unit: campaignUnits, areaName: areas.name })
    .from(campaignUnits)
    .leftJoin(areas, eq(areas.id, campaignUnits.areaId))
    .where(eq(campaignUnits.campaignId, campaignId))
    .orderBy(asc(campaignUnits.sortOrder), asc(campaignUnits.createdAt), asc(campaignUnits.name));
  const ids = unitRows.map((r) => r.unit.id);
  const memberRows = ids.length
    ? await db
        .select({ member: campaignMembers, username: users.username })
        .from(campaignMembers)
        .leftJoin(users, eq(users.id, campaignMembers.userId))
        .where(inArray(campaignMembers.unitId, ids))
        .orderBy(sql`${campaignMembers.isLeader} desc`, asc(campaignMembers.name))
    : [];
  const counts = await db
    .select({ squadId: campaignSites.squadId, villageTeamId: campaignSites.villageTeamId, n: sql<number>`count(*)::int` })
    .from(campaignSites)
    .where(eq(campaignSites.campaignId, campaignId))
    .groupBy(campaignSites.squadId, campaignSites.villageTeamId);
  const siteCount = new Map<string, number>();
  for (const c of counts) {
    siteCount.set(c.squadId, (siteCount.get(c.squadId) ?? 0) + c.n);
    if (c.villageTeamId) siteCount.set(c.villageTeamId, (siteCount.get(c.villageTeamId) ?? 0) + c.n);
  }
  return unitRows.map(({ unit, areaName }) => ({
    id: unit.id,
    kind: unit.kind,
    parentId: unit.parentId,
    name: unit.name,
    areaId: unit.areaId,
    areaName,
    sortOrder: unit.sortOrder,
    siteCount: siteCount.get(unit.id) ?? 0,
    members: memberRows
      .filter((m) => m.member.unitId === unit.id)
      .map(({ member, username }) => ({
        id: member.id,
        unitId: member.unitId,
        userId: member.userId,
        username,
        name: member.name,
        phone: member.phone,
        duty: member.duty,
        isLeader: member.isLeader,
      })),
  }));
}

export async function findUnit(db: Executor, id: string) {
  const [row] = await db.select().from(campaignUnits).where(eq(campaignUnits.id, id));
  return row;
}

/** Counts for the overview, restricted to the viewer's part of the campaign scope. */
export async function campaignCounts(db: Executor, campaign: CampaignRow, actor: Actor) {
  const inView = and(campaignScopeWhere(campaign), scopeFilter(sites.areaPath, actor));
  const [row] = await db
    .select({
      inScope: sql<number>`count(*)::int`,
      assigned: sql<number>`count(${campaignSites.siteId})::int`,
      inspected: sql<number>`count(*) filter (where exists (select 1 from inspections i where i.site_id = sites.id and i.kind = 'inspection' and i.ended_at >= ${shanghaiStart(campaign.startsOn)} and i.ended_at < ${shanghaiStart(campaign.endsOn, 1)}))::int`,
    })
    .from(sites)
    .leftJoin(campaignSites, and(eq(campaignSites.siteId, sites.id), eq(campaignSites.campaignId, campaign.id)))
    .where(inView);
  return row!;
}

/** 00:00 Asia/Shanghai of a calendar day (plus `days`): China keeps UTC+8 all year, no DST. */
export function shanghaiStart(day: string, days = 0): Date {
  const d = new Date(`${day}T00:00:00+08:00`);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}
