import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Area } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { scopeFilter } from '../../platform/scope.ts';
import { areas } from './schema.ts';

type AreaRow = typeof areas.$inferSelect;

export function toArea(row: AreaRow, siteCount?: number): Area {
  return {
    id: row.id,
    parentId: row.parentId,
    level: row.level,
    code: row.code,
    name: row.name,
    path: row.path,
    centre: row.centreLng !== null && row.centreLat !== null ? { lng: row.centreLng, lat: row.centreLat } : null,
    ...(siteCount !== undefined ? { siteCount } : {}),
  };
}

// Area codes hold only letters, digits and hyphens, so a path needs no LIKE escaping.
const siteCountUnder = sql<number>`(select count(*)::int from sites s where s.area_path like ${areas.path} || '%')`;

export async function findArea(db: Executor, id: string) {
  const [row] = await db.select().from(areas).where(eq(areas.id, id));
  return row;
}

/** Children of a parent inside the actor's scope; without a parent, the actor's scope roots. */
export async function listAreas(db: Executor, actor: Actor, parentId: string | undefined) {
  const where = parentId
    ? and(eq(areas.parentId, parentId), scopeFilter(areas.path, actor))
    : actor.scopePaths.length
      ? inArray(areas.path, [...actor.scopePaths])
      : isNull(areas.id);
  const rows = await db.select({ area: areas, siteCount: siteCountUnder }).from(areas).where(where).orderBy(asc(areas.code));
  return rows.map((r) => toArea(r.area, r.siteCount));
}

/** The chain from the root down to the area, for breadcrumbs. */
export async function ancestorsOf(db: Executor, path: string) {
  const codes = path.split('/').filter(Boolean);
  const prefixes = codes.map((_, i) => `/${codes.slice(0, i + 1).join('/')}/`);
  return db.select({ id: areas.id, name: areas.name, level: areas.level, path: areas.path }).from(areas).where(inArray(areas.path, prefixes)).orderBy(asc(sql`length(${areas.path})`));
}
