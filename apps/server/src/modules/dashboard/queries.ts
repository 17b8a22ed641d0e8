import { and, asc, eq, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { SiteColour, SiteKind } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { escapeLike, scopeFilter } from '../../platform/scope.ts';
import { sites } from '../sites/schema.ts';
import { areas } from '../areas/schema.ts';
import { inspections } from '../inspections/schema.ts';
import { hazards } from '../hazards/schema.ts';
import { overdueSql } from '../hazards/queries.ts';
import { departments } from '../users/schema.ts';
import { checkItems } from '../checklists/schema.ts';
import { campaigns, campaignSites, campaignUnits } from '../campaigns/schema.ts';
import { campaignScopeWhere } from '../campaigns/queries.ts';
import { SHANGHAI_OFFSET_SECONDS, type HazardCounts, type SiteCounts } from './rules.ts';

/**
 * What the dashboard counts over: the actor's scope ∩ the chosen area ∩ the campaign's area and
 * site kinds; hazards found in the period; a department user's own department only.
 */
export interface Lens {
  actor: Pick<Actor, 'scopePaths'>;
  areaPath: string | null;
  campaign: { id: string; areaPath: string; siteKinds: SiteKind[] } | null;
  from: Date | null;
  to: Date | null;
  /** null = every department; '' = none. */
  departmentId: string | null;
  /** Asia/Shanghai, for the overdue rule. */
  today: string;
}

const under = (path: string) => sql`${sites.areaPath} like ${escapeLike(path) + '%'}`;

/** Sites in the lens; every query joins `sites`, so hazards are placed where their site is now. */
export function siteWhere(lens: Lens): SQL {
  const parts: SQL[] = [scopeFilter(sites.areaPath, lens.actor)];
  if (lens.areaPath) parts.push(under(lens.areaPath));
  if (lens.campaign) parts.push(campaignScopeWhere(lens.campaign));
  return and(...parts)!;
}

/** Hazards found in the period at sites in the lens; cancelled ones (entered by mistake) never count. */
export function hazardWhere(lens: Lens): SQL {
  const parts: SQL[] = [siteWhere(lens), ne(hazards.status, 'cancelled')];
  if (lens.from) parts.push(gte(hazards.foundAt, lens.from));
  if (lens.to) parts.push(lt(hazards.foundAt, lens.to));
  if (lens.departmentId !== null) parts.push(lens.departmentId === '' ? sql`false` : eq(hazards.departmentId, lens.departmentId));
  return and(...parts)!;
}

/**
 * A first inspection (not a re-inspection) of the site within the period. Uncorrelated, so the
 * planner hashes the inspected site ids once instead of probing inspections once per site.
 */
function inspectedSql(lens: Lens): SQL {
  const bounds = [lens.from ? sql` and i.ended_at >= ${lens.from}` : sql``, lens.to ? sql` and i.ended_at < ${lens.to}` : sql``];
  return sql`${sites.id} in (select i.site_id from ${inspections} i where i.kind = 'inspection'${bounds[0]}${bounds[1]})`;
}

const siteCounts = (lens: Lens) => ({
  sites: sql<number>`count(*)::int`,
  inspected: sql<number>`(count(*) filter (where ${inspectedSql(lens)}))::int`,
});

const hazardCounts = (lens: Lens) => ({
  found: sql<number>`count(*)::int`,
  closed: sql<number>`(count(*) filter (where ${hazards.status} = 'closed'))::int`,
  overdue: sql<number>`(count(*) filter (where ${overdueSql(lens.today)}))::int`,
  openMajors: sql<number>`(count(*) filter (where ${hazards.level} = 'major' and ${hazards.status} in ('open', 'pending_review')))::int`,
});

export async function sitesByColour(db: Executor, lens: Lens): Promise<({ colour: SiteColour } & SiteCounts)[]> {
  return db
    .select({ colour: sites.colour, ...siteCounts(lens) })
    .from(sites)
    .where(siteWhere(lens))
    .groupBy(sites.colour);
}

export async function hazardTotals(db: Executor, lens: Lens): Promise<HazardCounts> {
  const [row] = await db.select(hazardCounts(lens)).from(hazards).innerJoin(sites, eq(sites.id, hazards.siteId)).where(hazardWhere(lens));
  return row!;
}

/**
 * Per-day counts keyed by Shanghai epoch day (see rules.ts `SHANGHAI_OFFSET_SECONDS`): integer
 * arithmetic, because a time-zone conversion per row was the slowest part of the trend on PGlite.
 * A literal, not a parameter: GROUP BY must repeat the select expression exactly.
 */
export async function countsByDay(db: Executor, lens: Lens, column: 'found' | 'closed', since: Date) {
  const at = column === 'found' ? hazards.foundAt : hazards.closedAt;
  const day = sql<number>`floor((extract(epoch from ${at}) + ${sql.raw(String(SHANGHAI_OFFSET_SECONDS))}) / 86400)::int`;
  const where = column === 'found' ? and(hazardWhere(lens), gte(at, since)) : and(hazardWhere(lens), eq(hazards.status, 'closed'), gte(at, since));
  return db
    .select({ day, n: sql<number>`count(*)::int` })
    .from(hazards)
    .innerJoin(sites, eq(sites.id, hazards.siteId))
    .where(where)
    .groupBy(day);
}

/**
 * The village path of a site: the first three codes of its area path (district/town/village), or
 * null for a site directly under a town. split_part, not a regex: it runs once per site and hazard.
 */
const villagePath = sql<string | null>`case when split_part(${sites.areaPath}, '/', 4) <> '' then '/' || split_part(${sites.areaPath}, '/', 2) || '/' || split_part(${sites.areaPath}, '/', 3) || '/' || split_part(${sites.areaPath}, '/', 4) || '/' end`;

export type SiteGroup = 'village' | 'kind' | 'squad';
export type HazardGroup = SiteGroup | 'department' | 'domain';

function groupKey(by: HazardGroup): SQL<string | null> {
  switch (by) {
    case 'village':
      return villagePath;
    case 'kind':
      return sql<string>`${sites.kind}`;
    case 'squad':
      return sql<string | null>`${campaignSites.squadId}::text`;
    case 'department':
      return sql<string>`${hazards.departmentId}::text`;
    case 'domain':
      return sql<string | null>`${checkItems.domain}`;
  }
}

export async function siteCountsBy(db: Executor, lens: Lens, by: SiteGroup) {
  const key = groupKey(by);
  const base = db.select({ key, ...siteCounts(lens) }).from(sites);
  const joined = by === 'squad' ? base.leftJoin(campaignSites, and(eq(campaignSites.siteId, sites.id), eq(campaignSites.campaignId, lens.campaign!.id))) : base;
  return joined.where(siteWhere(lens)).groupBy(key);
}

export async function hazardCountsBy(db: Executor, lens: Lens, by: HazardGroup) {
  const key = groupKey(by);
  const base = db.select({ key, ...hazardCounts(lens) }).from(hazards).innerJoin(sites, eq(sites.id, hazards.siteId));
  const joined =
    by === 'squad'
      ? base.leftJoin(campaignSites, and(eq(campaignSites.siteId, sites.id), eq(campaignSites.campaignId, lens.campaign!.id)))
      : by === 'domain'
        ? base.leftJoin(checkItems, eq(checkItems.id, hazards.checkItemId))
        : base;
  return joined.where(hazardWhere(lens)).groupBy(key);
}

export const villagesByPath = (db: Executor, paths: string[]) =>
  paths.length ? db.select({ key: areas.path, name: areas.name }).from(areas).where(inArray(areas.path, paths)).orderBy(asc(areas.path)) : Promise.resolve([]);

export const squadsOf = (db: Executor, campaignId: string) =>
  db
    .select({ key: campaignUnits.id, name: campaignUnits.name })
    .from(campaignUnits)
    .where(and(eq(campaignUnits.campaignId, campaignId), eq(campaignUnits.kind, 'squad')))
    .orderBy(asc(campaignUnits.sortOrder), asc(campaignUnits.name));

export const departmentNames = (db: Executor) => db.select({ key: departments.id, name: departments.name, nameEn: departments.nameEn }).from(departments).orderBy(asc(departments.name));

export async function findCampaign(db: Executor, id: string) {
  const [row] = await db.select({ id: campaigns.id, name: campaigns.name, areaPath: campaigns.areaPath, siteKinds: campaigns.siteKinds, startsOn: campaigns.startsOn, endsOn: campaigns.endsOn }).from(campaigns).where(eq(campaigns.id, id));
  return row;
}

/** Longest overdue first (earliest deadline), then the earliest found. */
export async function overdueHazards(db: Executor, lens: Lens, limit: number) {
  return db
    .select({
      hazardId: hazards.id,
      description: hazards.description,
      level: hazards.level,
      siteId: sites.id,
      siteName: sites.name,
      areaName: areas.name,
      departmentName: departments.name,
      deadline: sql<string>`${hazards.deadline}`,
    })
    .from(hazards)
    .innerJoin(sites, eq(sites.id, hazards.siteId))
    .innerJoin(areas, eq(areas.id, sites.areaId))
    .innerJoin(departments, eq(departments.id, hazards.departmentId))
    .where(and(hazardWhere(lens), overdueSql(lens.today)))
    .orderBy(asc(hazards.deadline), asc(hazards.foundAt), asc(hazards.id))
    .limit(limit);
}
