import { or, sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Role } from '@anxun/contracts';
import type { Actor } from './context.ts';

/** Pure: is a materialised area path inside one of the actor's scopes? */
export function pathInScope(actor: Pick<Actor, 'scopePaths'>, path: string): boolean {
  return actor.scopePaths.some((scope) => path.startsWith(scope));
}

export function hasRole(actor: Pick<Actor, 'roles'>, roles: readonly Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

/**
 * SQL twin of pathInScope: a prefix match per scope, which PostgreSQL answers with a range scan
 * on a text_pattern_ops index. An actor without scopes sees nothing.
 */
export function scopeFilter(column: AnyColumn, actor: Pick<Actor, 'scopePaths'>): SQL {
  if (actor.scopePaths.length === 0) return sql`false`;
  const parts = actor.scopePaths.map((p) => sql`${column} like ${escapeLike(p) + '%'}`);
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
