import { createHash, randomInt, randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import type { Config } from '../../platform/config.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import { enqueueSms } from '../../platform/sms/outbox.ts';
import type { RequestContext } from '../../platform/context.ts';
import { write } from '../../platform/write.ts';
import { users } from '../users/schema.ts';
import { sites } from '../sites/schema.ts';
import { loginCodes, sessions } from './schema.ts';

const invalidCredentials = () => new AppError(401, 'invalid_credentials', '用户名或密码错误', 'Wrong username or password');

/** Checks a password; repeated failures lock the account for a while. Returns the user id. */
export async function checkPassword(database: Database, config: Config, username: string, password: string): Promise<string> {
  const [user] = await database.db.select().from(users).where(eq(users.username, username));
  if (!user || !user.active) {
    await verifyPassword(DUMMY_HASH, password);
    throw invalidCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000);
    throw new AppError(423, 'account_locked', `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`, `Too many failed logins; account locked for ${minutes} more minutes`);
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= config.loginMaxFailures;
    await database.db
      .update(users)
      .set({
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock ? new Date(Date.now() + config.loginLockMinutes * 60_000) : user.lockedUntil,
      })
      .where(eq(users.id, user.id));
    throw invalidCredentials();
  }
  if (user.failedLogins > 0 || user.lockedUntil) {
    await database.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
  }
  return user.id;
}

export async function changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
  const [user] = await ctx.database.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, ctx.actor.id));
  if (!(await verifyPassword(user?.hash ?? null, currentPassword))) {
    throw badRequest('wrong_password', '当前密码不正确', 'The current password is wrong');
  }
  const hashed = await hashPassword(newPassword);
  await write(ctx, async ({ tx, audit }) => {
    await tx.update(users).set({ passwordHash: hashed }).where(eq(users.id, ctx.actor.id));
    audit({ action: 'user.password_changed', entityType: 'user', entityId: ctx.actor.id });
  });
}

export async function endSession(database: Database, tokenHash: string): Promise<void> {
  await database.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

const CODE_TTL_MS = 5 * 60_000;
const CODE_RESEND_MS = 60_000;
const CODE_MAX_ATTEMPTS = 5;
const hashCode = (phone: string, code: string) => createHash('sha256').update(`${phone}:${code}`).digest('hex');

/** Sends a 6-digit code to a phone that some site lists as its responsible person's. */
export async function requestPartyCode(database: Database, phone: string): Promise<void> {
  const [known] = await database.db.select({ id: sites.id }).from(sites).where(eq(sites.phone, phone)).limit(1);
  if (!known) {
    throw badRequest('phone_not_registered', '该手机号未登记为任何受检单位的负责人电话', 'This phone is not registered for any inspected site');
  }
  const [recent] = await database.db
    .select({ createdAt: loginCodes.createdAt })
    .from(loginCodes)
    .where(and(eq(loginCodes.phone, phone), gt(loginCodes.createdAt, new Date(Date.now() - CODE_RESEND_MS))))
    .limit(1);
  if (recent) throw new AppError(429, 'code_too_soon', '验证码发送过于频繁，请 1 分钟后再试', 'A code was sent less than a minute ago');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const id = randomUUID();
  await database.db.transaction(async (tx) => {
    await tx.insert(loginCodes).values({ id, phone, codeHash: hashCode(phone, code), expiresAt: new Date(Date.now() + CODE_TTL_MS) });
    await enqueueSms(tx, { phone, template: 'login_code', params: { code }, idempotencyKey: `login_code:${id}` });
  });
}

/** Verifies the newest code and returns the party's user id, creating the account on first login. */
export async function verifyPartyCode(database: Database, phone: string, code: string): Promise<string> {
  const wrong = () => new AppError(401, 'invalid_code', '验证码错误或已过期', 'Wrong or expired code');
  const [latest] = await database.db
    .select()
    .from(loginCodes)
    .where(and(eq(loginCodes.phone, phone), isNull(loginCodes.usedAt), gt(loginCodes.expiresAt, sql`now()`)))
    .orderBy(desc(loginCodes.createdAt))
    .limit(1);
  if (!latest || latest.attempts >= CODE_MAX_ATTEMPTS) throw wrong();
  if (latest.codeHash !== hashCode(phone, code)) {
    await database.db.update(loginCodes).set({ attempts: latest.attempts + 1 }).where(eq(loginCodes.id, latest.id));
    throw wrong();
  }
  return database.db.transaction(async (tx) => {
    await tx.update(loginCodes).set({ usedAt: sql`now()` }).where(eq(loginCodes.id, latest.id));
    const username = `party-${phone}`;
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (existing) return existing.id;
    const [owner] = await tx.select({ name: sites.responsiblePerson }).from(sites).where(eq(sites.phone, phone)).limit(1);
    const id = randomUUID();
    await tx.insert(users).values({ id, username, displayName: owner?.name ?? phone, phone, roles: ['party'] });
    return id;
  });
}
