import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Role } from '@anxun/contracts';
import type { Actor, RequestContext } from '../context.ts';
import type { Database, Executor } from '../db/client.ts';
import { unauthenticated } from '../errors.ts';
import { sessions } from '../../modules/auth/schema.ts';
import { users } from '../../modules/users/schema.ts';
import type { Config } from '../config.ts';

export const SESSION_COOKIE = 'anxun_session';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export async function createSession(db: Executor, userId: string, ttlHours: number, request: FastifyRequest) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    expiresAt,
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

export function setSessionCookie(reply: FastifyReply, config: Config, request: FastifyRequest, token: string, expiresAt: Date) {
  const secure = config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure === 'true';
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

/** The actor behind a session token, with the paths of their scope areas, in one round trip. */
export async function loadActor(db: Executor, token: string): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      departmentId: users.departmentId,
      phone: users.phone,
      scopePaths: sql<string[]>`coalesce((select array_agg(a.path order by a.path) from user_scopes us join areas a on a.id = us.area_id where us.user_id = users.id), '{}')`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, sql`now()`), eq(users.active, true)));
  if (!row) return null;
  return { ...row, roles: row.roles as Role[] };
}

export function installSession(app: FastifyInstance, database: Database) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token && request.url.startsWith('/api/')) request.actor = await loadActor(database.db, token);
  });
}

/** The service context for an authenticated request; 401 without a session. */
export function contextOf(request: FastifyRequest, database: Database): RequestContext {
  if (!request.actor) throw unauthenticated();
  return { database, actor: request.actor, ip: request.ip, requestId: String(request.id), origin: `${request.protocol}://${request.host}` };
}
