import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Role, User } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { escapeLike } from '../../platform/scope.ts';
import { areas } from '../areas/schema.ts';
import { userScopes, users } from './schema.ts';

// Written with the table name: drizzle leaves columns unqualified in single-table selects, and a bare
// "id" inside these subqueries would bind to areas.id.
const scopeIds = sql<string[]>`coalesce((select array_agg(us.area_id order by us.area_id) from user_scopes us where us.user_id = users.id), '{}')`;
const scopePaths = sql<string[]>`coalesce((select array_agg(a.path) from user_scopes us join areas a on a.id = us.area_id where us.user_id = users.id), '{}')`;

export function toUser(row: typeof users.$inferSelect, areaIds: string[]): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    phone: row.phone,
    roles: row.roles,
    departmentId: row.departmentId,
    scopeAreaIds: areaIds,
    active: row.active,
    lockedUntil: row.lockedUntil?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Accounts the actor manages: every scope of the account lies inside the actor's scopes
 * (the SQL twin of canUser).
 */
export function managedUsers(actor: Actor): SQL {
  if (actor.scopePaths.length === 0) return sql`false`;
  const inside = or(...actor.scopePaths.map((p) => sql`a.path like ${escapeLike(p) + '%'}`));
  return sql`exists (select 1 from user_scopes us where us.user_id = users.id) and not exists (select 1 from user_scopes us join areas a on a.id = us.area_id where us.user_id = users.id and not (${inside}))`;
}

export async function listUsers(db: Executor, actor: Actor, q: { q?: string | undefined; role?: Role | undefined; page: number; pageSize: number }) {
  const where = and(
    managedUsers(actor),
    q.q ? or(ilike(users.username, `%${escapeLike(q.q)}%`), ilike(users.displayName, `%${escapeLike(q.q)}%`), eq(users.phone, q.q)) : undefined,
    q.role ? sql`${users.roles} @> array[${q.role}]::text[]` : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db.select({ user: users, scopeIds }).from(users).where(where).orderBy(asc(users.username)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { items: rows.map((r) => toUser(r.user, r.scopeIds)), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function findUser(db: Executor, id: string) {
  const [row] = await db.select({ user: users, scopeIds, scopePaths }).from(users).where(eq(users.id, id));
  return row;
}

export async function scopeAreas(db: Executor, areaIds: string[]) {
  return areaIds.length ? db.select({ id: areas.id, path: areas.path }).from(areas).where(inArray(areas.id, areaIds)) : [];
}

export async function replaceScopes(db: Executor, userId: string, areaIds: string[]) {
  await db.delete(userScopes).where(eq(userScopes.userId, userId));
  if (areaIds.length) await db.insert(userScopes).values(areaIds.map((areaId) => ({ userId, areaId })));
}
