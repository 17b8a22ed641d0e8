import { and, asc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { OPEN_HAZARD_STATUSES, type MapArea, type MapBbox } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { scopeFilter } from '../../platform/scope.ts';
import { areas } from '../areas/schema.ts';
import { sites } from '../sites/schema.ts';
import { hazards } from '../hazards/schema.ts';
import { departments } from '../users/schema.ts';
import { campaigns, campaignSites, campaignUnits } from '../campaigns/schema.ts';

/** Sites a department still has open hazards at, a campaign's sites, or a squad's: as a set of ids. */
export async function memberIds(db: Executor, filters: { departmentId?: string | undefined; campaignId?: string | undefined; squadId?: string | undefined }): Promise<Set<string> | undefined> {
  let result: Set<string> | undefined;
  const narrow = (ids: { id: string }[]) => {
    const next = new Set(ids.map((r) => r.id));
    result = result ? new Set([...result].filter((id) => next.has(id))) : next;
  };
  if (filters.departmentId) {
    narrow(
      await db
        .selectDistinct({ id: hazards.siteId })
        .from(hazards)
        .where(and(eq(hazards.departmentId, filters.departmentId), inArray(hazards.status, [...OPEN_HAZARD_STATUSES]))),
    );
  }
  if (filters.campaignId || filters.squadId) {
    const where: SQL[] = [];
    if (filters.campaignId) where.push(eq(campaignSites.campaignId, filters.campaignId));
    if (filters.squadId) where.push(eq(campaignSites.squadId, filters.squadId));
    narrow(await db.select({ id: campaignSites.siteId }).from(campaignSites).where(and(...where)));
  }
  return result;
}

export async function siteNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const found = await db.select({ id: sites.id, name: sites.name }).from(sites).where(inArray(sites.id, ids));
  return new Map(found.map((r) => [r.id, r.name]));
}

/** Area polygons of one level whose centre lies in the (padded) viewport, inside the actor's scope. */
export async function areasInView(db: Executor, actor: Actor, level: MapArea['level'], bbox: MapBbox, limit: number): Promise<MapArea[]> {
  const [w, s, e, n] = bbox;
  const padX = (e - w) / 2;
  const padY = (n - s) / 2;
  const rows = await db
    .select({ id: areas.id, name: areas.name, level: areas.level, lng: areas.centreLng, lat: areas.centreLat, boundary: areas.boundary })
    .from(areas)
    .where(
      and(
        eq(areas.level, level),
        isNotNull(areas.boundary),
        scopeFilter(areas.path, actor),
        sql`${areas.centreLng} between ${w - padX} and ${e + padX}`,
        sql`${areas.centreLat} between ${s - padY} and ${n + padY}`,
      ),
    )
    .orderBy(asc(areas.path))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, name: r.name, level: r.level, centre: r.lng !== null && r.lat !== null ? { lng: r.lng, lat: r.lat } : null, boundary: r.boundary! }));
}

export async function openHazardsOf(db: Executor, siteId: string) {
  return db
    .select({ id: hazards.id, description: hazards.description, level: hazards.level, status: hazards.status, deadline: hazards.deadline, departmentName: departments.name })
    .from(hazards)
    .innerJoin(departments, eq(departments.id, hazards.departmentId))
    .where(and(eq(hazards.siteId, siteId), inArray(hazards.status, [...OPEN_HAZARD_STATUSES])))
    .orderBy(asc(hazards.deadline), asc(hazards.foundAt));
}

/**
 * Campaigns that touch the actor's scope: their area lies inside it, or it lies inside theirs
 * (a village official sees the town's campaign, restricted on the map to their own sites).
 */
export async function campaignsFor(db: Executor, actor: Actor) {
  const overlap = actor.scopePaths.length
    ? sql`(${scopeFilter(campaigns.areaPath, actor)} or ${sql.join(
        actor.scopePaths.map((p) => sql`${p} like ${campaigns.areaPath} || '%'`),
        sql` or `,
      )})`
    : sql`false`;
  const list = await db.select({ id: campaigns.id, name: campaigns.name }).from(campaigns).where(overlap).orderBy(sql`${campaigns.startsOn} desc`);
  if (!list.length) return [];
  const squads = await db
    .select({ id: campaignUnits.id, name: campaignUnits.name, campaignId: campaignUnits.campaignId })
    .from(campaignUnits)
    .where(and(eq(campaignUnits.kind, 'squad'), inArray(campaignUnits.campaignId, list.map((c) => c.id))))
    .orderBy(asc(campaignUnits.sortOrder), asc(campaignUnits.name));
  return list.map((c) => ({ ...c, squads: squads.filter((s) => s.campaignId === c.id).map(({ id, name }) => ({ id, name })) }));
}

export function allDepartments(db: Executor) {
  return db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.code));
}
