import { aliasedTable, and, asc, desc, eq, gte, ilike, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { HazardListQuery, HazardSummary } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import { cappedCount, countLimit, hasMorePage, type Paged } from '../../platform/db/paging.ts';
import type { Actor } from '../../platform/context.ts';
import { escapeLike, hasRole, scopeFilter } from '../../platform/scope.ts';
import { sites } from '../sites/schema.ts';
import { areas } from '../areas/schema.ts';
import { departments, users } from '../users/schema.ts';
import { checkItems } from '../checklists/schema.ts';
import { hazardEvents, hazardExtensions, hazards } from './schema.ts';

const finder = aliasedTable(users, 'finder');

export const hazardSelection = {
  hazard: hazards,
  siteName: sites.name,
  siteKind: sites.kind,
  sitePhone: sites.phone,
  areaName: areas.name,
  departmentName: departments.name,
  checkItemCode: checkItems.code,
  legalBasis: checkItems.legalBasis,
  suggestedFix: checkItems.suggestedFix,
  inspectorName: finder.displayName,
};

export type HazardRow = NonNullable<Awaited<ReturnType<typeof findHazard>>>;

function baseQuery(db: Executor) {
  return db
    .select(hazardSelection)
    .from(hazards)
    .innerJoin(sites, eq(sites.id, hazards.siteId))
    .innerJoin(areas, eq(areas.id, sites.areaId))
    .innerJoin(departments, eq(departments.id, hazards.departmentId))
    .leftJoin(checkItems, eq(checkItems.id, hazards.checkItemId))
    .leftJoin(finder, eq(finder.id, hazards.foundBy));
}

/** Open or awaiting review, deadline-mode and its deadline day is over (Asia/Shanghai). */
export const overdueSql = (today: string) =>
  and(inArray(hazards.status, ['open', 'pending_review']), eq(hazards.mode, 'deadline'), lt(hazards.deadline, today))!;

export function visibleHazards(actor: Actor): SQL {
  if (hasRole(actor, ['party']) && actor.roles.length === 1) return actor.phone ? eq(sites.phone, actor.phone) : sql`false`;
  return scopeFilter(hazards.areaPath, actor);
}

export function hazardFilters(actor: Actor, q: Omit<HazardListQuery, 'page' | 'pageSize' | 'sort'>, today: string, areaPath?: string): SQL {
  const parts: (SQL | undefined)[] = [visibleHazards(actor)];
  if (areaPath) parts.push(sql`${hazards.areaPath} like ${escapeLike(areaPath) + '%'}`);
  if (q.siteId) parts.push(eq(hazards.siteId, q.siteId));
  if (q.departmentId) parts.push(eq(hazards.departmentId, q.departmentId));
  if (q.status) parts.push(inArray(hazards.status, q.status));
  if (q.level) parts.push(eq(hazards.level, q.level));
  if (q.mode) parts.push(eq(hazards.mode, q.mode));
  if (q.overdue === 'true') parts.push(overdueSql(today));
  if (q.overdue === 'false') parts.push(sql`not (${overdueSql(today)})`);
  if (q.deadlineFrom) parts.push(gte(hazards.deadline, q.deadlineFrom));
  if (q.deadlineTo) parts.push(lte(hazards.deadline, q.deadlineTo));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    parts.push(or(ilike(hazards.description, like), ilike(sites.name, like), ilike(checkItems.code, like)));
  }
  return and(...parts)!;
}

export function toHazardSummary(row: HazardRow, today: string): HazardSummary {
  const h = row.hazard;
  return {
    id: h.id,
    siteId: h.siteId,
    siteName: row.siteName,
    siteKind: row.siteKind,
    areaName: row.areaName,
    departmentId: h.departmentId,
    departmentName: row.departmentName,
    checkItemCode: row.checkItemCode,
    description: h.description,
    level: h.level,
    mode: h.mode,
    status: h.status,
    deadline: h.deadline,
    overdue: (h.status === 'open' || h.status === 'pending_review') && h.mode === 'deadline' && !!h.deadline && h.deadline < today,
    foundAt: h.foundAt.toISOString(),
    closedAt: h.closedAt?.toISOString() ?? null,
    inspectorName: row.inspectorName,
  };
}

/**
 * One page of the ledger. The page's ids are chosen on hazards alone and only those 20 rows are
 * joined: planned with the joins, the sort came after them and a village's 374 hazards cost a
 * sequential scan of the city's 300k (~80 ms → ~2 ms). Newest first is served by walking
 * hazards_found_idx, which pays off only when many hazards match — a village inspected weeks ago
 * would have the walk skip every newer hazard of the city — so the capped count runs first and a
 * result under the cap is sorted instead (`+ interval '0 s'` keeps the planner off that index).
 * A keyword search gets has-more paging (no count), like the site list.
 */
export async function listHazards(db: Executor, where: SQL, page: number, pageSize: number, today: string, sort: HazardListQuery['sort'] = 'found', paging: 'capped' | 'hasMore' = 'capped'): Promise<Paged<HazardSummary>> {
  // Left joins: the planner drops them when the filter names no site or check item column.
  const filtered = () => db.select({ id: hazards.id }).from(hazards).leftJoin(sites, eq(sites.id, hazards.siteId)).leftJoin(checkItems, eq(checkItems.id, hazards.checkItemId)).where(where);
  const rows = async (limit: number, small: boolean) => {
    const ids = filtered().orderBy(...hazardOrder(sort, small)).limit(limit).offset((page - 1) * pageSize);
    const found = await baseQuery(db).where(inArray(hazards.id, ids)).orderBy(...hazardOrder(sort, false));
    return found.map((r) => toHazardSummary(r, today));
  };
  if (paging === 'hasMore') return hasMorePage(await rows(pageSize + 1, false), page, pageSize);
  const counted = await cappedCount(db, db.select({ one: sql`1` }).from(hazards).leftJoin(sites, eq(sites.id, hazards.siteId)).leftJoin(checkItems, eq(checkItems.id, hazards.checkItemId)).where(where).$dynamic(), countLimit(page, pageSize));
  const items = counted.total === 0 ? [] : await rows(pageSize, !counted.capped);
  return { items, total: counted.total, totalCapped: counted.capped, page, pageSize };
}

function hazardOrder(sort: HazardListQuery['sort'], small: boolean): SQL[] {
  if (sort === 'deadline') return [sql`${hazards.deadline} asc nulls last`, asc(hazards.id)];
  return [small ? sql`${hazards.foundAt} + interval '0 s' desc` : desc(hazards.foundAt), asc(hazards.id)];
}

export async function findHazard(db: Executor, id: string) {
  const [row] = await baseQuery(db).where(eq(hazards.id, id));
  return row;
}

export async function findHazardsOfInspection(db: Executor, inspectionId: string) {
  return baseQuery(db).where(eq(hazards.inspectionId, inspectionId)).orderBy(asc(hazards.foundAt));
}

export function eventsOf(db: Executor, hazardId: string) {
  return db.select().from(hazardEvents).where(eq(hazardEvents.hazardId, hazardId)).orderBy(asc(hazardEvents.at), asc(hazardEvents.id));
}

export function extensionsOf(db: Executor, hazardId: string) {
  return db.select().from(hazardExtensions).where(eq(hazardExtensions.hazardId, hazardId)).orderBy(desc(hazardExtensions.requestedAt));
}
