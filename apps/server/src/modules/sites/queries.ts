import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Site, SiteListQuery } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import { cappedCount, countLimit, hasMorePage, type Paged } from '../../platform/db/paging.ts';
import type { Actor } from '../../platform/context.ts';
import { escapeLike, hasRole, scopeFilter } from '../../platform/scope.ts';
import { areas } from '../areas/schema.ts';
import { auditEvents } from '../audit/schema.ts';
import { siteAttachments, sites } from './schema.ts';

export type SiteRow = typeof sites.$inferSelect;

/** What an actor may see: their areas, or for a party only the sites that name their phone. */
export function visibleSites(actor: Actor): SQL {
  if (hasRole(actor, ['party']) && actor.roles.length === 1) return actor.phone ? eq(sites.phone, actor.phone) : sql`false`;
  return scopeFilter(sites.areaPath, actor);
}

export function siteFilters(actor: Actor, q: Omit<SiteListQuery, 'page' | 'pageSize'>, areaPath?: string): SQL {
  const parts: (SQL | undefined)[] = [visibleSites(actor)];
  if (areaPath) parts.push(sql`${sites.areaPath} like ${escapeLike(areaPath) + '%'}`);
  if (q.kind) parts.push(eq(sites.kind, q.kind));
  if (q.riskLevel) parts.push(eq(sites.riskLevel, q.riskLevel));
  if (q.colour) parts.push(eq(sites.colour, q.colour));
  if (q.flag) parts.push(sql`${sites.flags} @> array[${q.flag}]::text[]`);
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    parts.push(or(ilike(sites.name, like), ilike(sites.address, like), ilike(sites.creditCode, like), ilike(sites.responsiblePerson, like), eq(sites.phone, q.q)));
  }
  return and(...parts)!;
}

export const siteSelection = { site: sites, areaName: areas.name };

export function toSite(row: SiteRow, areaName: string): Site {
  return {
    id: row.id,
    kind: row.kind,
    flags: row.flags,
    name: row.name,
    creditCode: row.creditCode,
    address: row.address,
    location: row.lng !== null && row.lat !== null ? { lng: row.lng, lat: row.lat } : null,
    areaId: row.areaId,
    areaName,
    responsiblePerson: row.responsiblePerson,
    phone: row.phone,
    industry: row.industry,
    riskLevel: row.riskLevel,
    employees: row.employees,
    floorArea: row.floorArea,
    colour: row.colour,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * One page in (area, id) order, which the (area_path, id) index serves directly. The total is
 * counted up to the cap; a keyword search gets has-more paging instead (see platform/db/paging.ts).
 */
export async function listSites(db: Executor, where: SQL, page: number, pageSize: number, paging: 'capped' | 'hasMore' = 'capped'): Promise<Paged<Site>> {
  const rows = (limit: number) =>
    db
      .select(siteSelection)
      .from(sites)
      .innerJoin(areas, eq(areas.id, sites.areaId))
      .where(where)
      .orderBy(asc(sites.areaPath), asc(sites.id))
      .limit(limit)
      .offset((page - 1) * pageSize);
  const toItems = (found: Awaited<ReturnType<typeof rows>>) => found.map((r) => toSite(r.site, r.areaName));
  if (paging === 'hasMore') return hasMorePage(toItems(await rows(pageSize + 1)), page, pageSize);
  const [found, counted] = await Promise.all([
    rows(pageSize),
    cappedCount(db, db.select({ one: sql`1` }).from(sites).where(where).$dynamic(), countLimit(page, pageSize)),
  ]);
  return { items: toItems(found), total: counted.total, totalCapped: counted.capped, page, pageSize };
}

export async function findSite(db: Executor, id: string) {
  const [row] = await db.select(siteSelection).from(sites).innerJoin(areas, eq(areas.id, sites.areaId)).where(eq(sites.id, id));
  return row;
}

export async function findDuplicate(db: Executor, site: { creditCode?: string | null; name: string; address: string }, exceptId?: string) {
  const same = or(
    site.creditCode ? eq(sites.creditCode, site.creditCode) : undefined,
    and(eq(sites.name, site.name), eq(sites.address, site.address)),
  );
  const [row] = await db
    .select({ id: sites.id, name: sites.name, creditCode: sites.creditCode })
    .from(sites)
    .where(exceptId ? and(same, sql`${sites.id} <> ${exceptId}`) : same)
    .limit(1);
  return row;
}

export function listAttachments(db: Executor, siteId: string) {
  return db.select().from(siteAttachments).where(eq(siteAttachments.siteId, siteId)).orderBy(asc(siteAttachments.createdAt));
}

export function siteHistory(db: Executor, siteId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'site'), eq(auditEvents.entityId, siteId)))
    .orderBy(desc(auditEvents.seq))
    .limit(500);
}
