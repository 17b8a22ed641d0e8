import { and, asc, desc, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import type { NailListQuery } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { escapeLike, scopeFilter } from '../../platform/scope.ts';
import { areas } from '../areas/schema.ts';
import { sites } from '../sites/schema.ts';
import { departments, users } from '../users/schema.ts';
import { auditEvents } from '../audit/schema.ts';
import { campaigns } from '../campaigns/schema.ts';
import { nailDepartments, nailMilestones, nailSites, nailUpdates, nails } from './schema.ts';

export type NailRow = typeof nails.$inferSelect;
export type CampaignRow = Pick<typeof campaigns.$inferSelect, 'id' | 'name' | 'areaPath' | 'startsOn' | 'endsOn'>;

/** The campaigns table is the campaigns module's; nails only read the columns they need. */
export async function findCampaign(db: Executor, id: string): Promise<CampaignRow | undefined> {
  const [row] = await db
    .select({ id: campaigns.id, name: campaigns.name, areaPath: campaigns.areaPath, startsOn: campaigns.startsOn, endsOn: campaigns.endsOn })
    .from(campaigns)
    .where(eq(campaigns.id, id));
  return row;
}

const linkedTo = (departmentId: string) =>
  exists(sql`(select 1 from ${nailDepartments} where ${nailDepartments.nailId} = ${nails.id} and ${nailDepartments.departmentId} = ${departmentId})`);

/** SQL twin of canNail(actor, 'read', …): scope, and a department-only actor sees its department's nails. */
export function visibleNails(actor: Actor): SQL {
  const roles = actor.roles.filter((r) => r !== 'party');
  if (roles.length === 0) return sql`false`;
  const scope = scopeFilter(nails.areaPath, actor);
  if (roles.every((r) => r === 'department')) return actor.departmentId ? and(scope, linkedTo(actor.departmentId))! : sql`false`;
  return scope;
}

export function nailFilters(actor: Actor, campaignId: string, q: Omit<NailListQuery, 'areaId'>, areaPath?: string): SQL {
  const parts: (SQL | undefined)[] = [eq(nails.campaignId, campaignId), visibleNails(actor)];
  if (areaPath) parts.push(sql`${nails.areaPath} like ${escapeLike(areaPath) + '%'}`);
  if (q.kind) parts.push(eq(nails.kind, q.kind));
  if (q.status) parts.push(eq(nails.status, q.status));
  if (q.departmentId) parts.push(linkedTo(q.departmentId));
  return and(...parts)!;
}

/** A campaign has tens of nails, not thousands: listed whole, key nails first. */
export function listNails(db: Executor, where: SQL) {
  return db
    .select({ nail: nails, areaName: areas.name })
    .from(nails)
    .innerJoin(areas, eq(areas.id, nails.areaId))
    .where(where)
    .orderBy(sql`${nails.kind} = 'key' desc`, asc(nails.createdAt), asc(nails.id));
}

export async function findNail(db: Executor, id: string, lock = false) {
  const query = db.select({ nail: nails }).from(nails).where(eq(nails.id, id));
  // A report reads status and milestones, then writes: lock the nail so two reports serialise.
  const [row] = lock ? await query.for('update') : await query;
  return row?.nail;
}

export async function nailAreaName(db: Executor, areaId: string) {
  const [row] = await db.select({ name: areas.name }).from(areas).where(eq(areas.id, areaId));
  return row?.name ?? '';
}

export async function departmentsOf(db: Executor, nailIds: string[]) {
  if (nailIds.length === 0) return [];
  return db
    .select({ nailId: nailDepartments.nailId, id: departments.id, name: departments.name })
    .from(nailDepartments)
    .innerJoin(departments, eq(departments.id, nailDepartments.departmentId))
    .where(inArray(nailDepartments.nailId, nailIds))
    .orderBy(asc(departments.code));
}

export async function milestonesOf(db: Executor, nailIds: string[]) {
  if (nailIds.length === 0) return [];
  return db.select().from(nailMilestones).where(inArray(nailMilestones.nailId, nailIds)).orderBy(asc(nailMilestones.dueOn), asc(nailMilestones.sortOrder), asc(nailMilestones.id));
}

export async function updatesOf(db: Executor, nailIds: string[]) {
  if (nailIds.length === 0) return [];
  return db
    .select({ update: nailUpdates, reporterName: users.displayName })
    .from(nailUpdates)
    .leftJoin(users, eq(users.id, nailUpdates.reportedBy))
    .where(inArray(nailUpdates.nailId, nailIds))
    .orderBy(asc(nailUpdates.reportedAt), asc(nailUpdates.id));
}

export function sitesOf(db: Executor, nailId: string) {
  return db
    .select({ id: sites.id, name: sites.name, address: sites.address })
    .from(nailSites)
    .innerJoin(sites, eq(sites.id, nailSites.siteId))
    .where(eq(nailSites.nailId, nailId))
    .orderBy(asc(sites.name));
}

export function nailHistory(db: Executor, nailId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'nail'), eq(auditEvents.entityId, nailId)))
    .orderBy(desc(auditEvents.seq))
    .limit(500);
}
