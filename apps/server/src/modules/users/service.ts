import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserCreateBody, UserUpdateBody, User } from '@anxun/contracts';
import type { RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { write } from '../../platform/write.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { canUser } from './policy.ts';
import { findUser, replaceScopes, scopeAreas, toUser } from './queries.ts';
import { departments, users } from './schema.ts';

async function resolveScopes(ctx: RequestContext, db: Executor, areaIds: string[]) {
  const unique = [...new Set(areaIds)];
  const found = await scopeAreas(db, unique);
  if (found.length !== unique.length) {
    throw badRequest('invalid_scope', '所选管辖区域不存在', 'A chosen scope area does not exist', [{ path: 'body.scopeAreaIds', message: '区域不存在', messageEn: 'Unknown area' }]);
  }
  if (!canUser(ctx.actor, 'create', { scopePaths: found.map((a) => a.path) })) {
    throw forbidden('不能授予超出您本人管辖范围的区域', 'You cannot grant areas outside your own scope');
  }
  return unique;
}

async function checkDepartment(db: Executor, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const [dept] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId));
  if (!dept) throw badRequest('invalid_department', '部门不存在', 'Unknown department', [{ path: 'body.departmentId', message: '部门不存在', messageEn: 'Unknown department' }]);
}

/** Audit snapshots never carry the password hash. */
const safe = (u: User) => ({ ...u, lockedUntil: undefined });

export async function createUser(ctx: RequestContext, body: z.infer<typeof UserCreateBody>): Promise<User> {
  const passwordHash = await hashPassword(body.password);
  return write(ctx, async ({ tx, audit }) => {
    const scopeIds = await resolveScopes(ctx, tx, body.scopeAreaIds);
    await checkDepartment(tx, body.departmentId);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, body.username));
    if (taken) throw conflict('username_taken', `用户名 ${body.username} 已被使用`, `Username ${body.username} is taken`, [{ path: 'body.username', message: '已被使用', messageEn: 'Taken' }]);
    const [row] = await tx
      .insert(users)
      .values({ id: randomUUID(), username: body.username, displayName: body.displayName, phone: body.phone ?? null, passwordHash, roles: body.roles, departmentId: body.departmentId ?? null })
      .returning();
    await replaceScopes(tx, row!.id, scopeIds);
    const user = toUser(row!, scopeIds.sort());
    audit({ action: 'user.created', entityType: 'user', entityId: user.id, after: safe(user) });
    return user;
  });
}

export async function updateUser(ctx: RequestContext, id: string, body: z.infer<typeof UserUpdateBody>): Promise<User> {
  const passwordHash = body.password ? await hashPassword(body.password) : undefined;
  return write(ctx, async ({ tx, audit }) => {
    const existing = await findUser(tx, id);
    if (!existing || !canUser(ctx.actor, 'read', { scopePaths: existing.scopePaths })) throw notFound('user');
    if (id === ctx.actor.id && (body.active === false || body.roles)) {
      throw badRequest('self_demotion', '不能停用自己或修改自己的角色', 'You cannot deactivate yourself or change your own roles');
    }
    const scopeIds = body.scopeAreaIds ? await resolveScopes(ctx, tx, body.scopeAreaIds) : existing.scopeIds;
    await checkDepartment(tx, body.departmentId);
    const [row] = await tx
      .update(users)
      .set({
        ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
        ...(body.phone !== undefined ? { phone: body.phone } : {}),
        ...(body.roles !== undefined ? { roles: body.roles } : {}),
        ...(body.departmentId !== undefined ? { departmentId: body.departmentId } : {}),
        ...(body.active !== undefined ? { active: body.active } : {}),
        ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null } : {}),
      })
      .where(eq(users.id, id))
      .returning();
    if (body.scopeAreaIds) await replaceScopes(tx, id, scopeIds);
    const user = toUser(row!, [...scopeIds].sort());
    audit({ action: passwordHash ? 'user.updated_with_password' : 'user.updated', entityType: 'user', entityId: id, before: safe(toUser(existing.user, existing.scopeIds)), after: safe(user) });
    return user;
  });
}
