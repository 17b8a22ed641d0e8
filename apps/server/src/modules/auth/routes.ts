import { z } from 'zod';
import { inArray, eq } from 'drizzle-orm';
import { LoginBody, Me, PartyCodeRequestBody, PartyLoginBody, PasswordChangeBody, type Role } from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf, createSession, hashToken, loadActor, SESSION_COOKIE, setSessionCookie } from '../../platform/auth/session.ts';
import type { Actor } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { areas } from '../areas/schema.ts';
import { departments } from '../users/schema.ts';
import { featureFlags } from './navigation.ts';
import { changePassword, checkPassword, endSession, requestPartyCode, verifyPartyCode } from './service.ts';

const Ok = z.object({ ok: z.literal(true) });

async function describe(db: Executor, actor: Actor): Promise<Me> {
  const scopes = actor.scopePaths.length
    ? await db.select({ areaId: areas.id, name: areas.name, path: areas.path, level: areas.level }).from(areas).where(inArray(areas.path, [...actor.scopePaths]))
    : [];
  const [dept] = actor.departmentId
    ? await db.select({ name: departments.name }).from(departments).where(eq(departments.id, actor.departmentId))
    : [];
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    roles: [...actor.roles] as Role[],
    departmentId: actor.departmentId,
    departmentName: dept?.name ?? null,
    scopes,
    can: featureFlags(actor),
  };
}

export const authRoutes: ModuleRoutes = (app, { database, config, jobs }) => {
  const LOGIN_RATE = { max: config.loginRatePerMinute, timeWindow: '1 minute' };
  const startSession = async (userId: string, request: Parameters<typeof createSession>[3], reply: Parameters<typeof setSessionCookie>[0]) => {
    const { token, expiresAt } = await createSession(database.db, userId, config.sessionTtlHours, request);
    setSessionCookie(reply, config, request, token, expiresAt);
    const actor = await loadActor(database.db, token);
    return describe(database.db, actor!);
  };

  app.post(
    '/auth/login',
    { config: { rateLimit: LOGIN_RATE }, schema: { tags: ['auth'], summary: '账号密码登录 Password login', security: [], body: LoginBody, response: { 200: Me } } },
    async (request, reply) => {
      const userId = await checkPassword(database, config, request.body.username, request.body.password);
      return startSession(userId, request, reply);
    },
  );

  app.post(
    '/auth/party/code',
    { config: { rateLimit: LOGIN_RATE }, schema: { tags: ['auth'], summary: '当事人获取短信验证码 Request SMS login code', security: [], body: PartyCodeRequestBody, response: { 200: Ok } } },
    async (request) => {
      await requestPartyCode(database, request.body.phone);
      await jobs.trigger('sms-dispatch');
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/party/login',
    { config: { rateLimit: LOGIN_RATE }, schema: { tags: ['auth'], summary: '当事人短信登录 SMS code login', security: [], body: PartyLoginBody, response: { 200: Me } } },
    async (request, reply) => {
      const userId = await verifyPartyCode(database, request.body.phone, request.body.code);
      return startSession(userId, request, reply);
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出登录 Log out', response: { 200: Ok } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(database, hashToken(token));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/auth/me', { schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: Me } } }, async (request) => {
    const ctx = contextOf(request, database);
    return describe(database.db, ctx.actor);
  });

  app.post(
    '/auth/password',
    { config: { rateLimit: LOGIN_RATE }, schema: { tags: ['auth'], summary: '修改密码 Change password', body: PasswordChangeBody, response: { 200: Ok } } },
    async (request) => {
      await changePassword(contextOf(request, database), request.body.currentPassword, request.body.newPassword);
      return { ok: true as const };
    },
  );
};
