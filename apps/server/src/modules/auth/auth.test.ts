import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.ts';
import { areaTree, insertSite, insertUser } from '../../../test/factories.ts';
import { smsOutbox } from '../../platform/sms/schema.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof areaTree>>;

beforeAll(async () => {
  t = await buildTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '10' });
  tree = await areaTree(t.database.db);
});
afterAll(() => t.close());

const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('password login', () => {
  it('sets an httpOnly SameSite session cookie and tells the client who it is', async () => {
    const user = await insertUser(t.database.db, ['village'], [tree.villageA]);
    const res = await login(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'anxun_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json()).toMatchObject({ username: user.username, roles: ['village'], scopes: [{ name: '东恩村', level: 'village' }], can: { sites: true, users: false } });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `anxun_session=${cookie.value}` } });
    expect(me.json().username).toBe(user.username);
  });

  it('does not say whether the username or the password was wrong', async () => {
    const user = await insertUser(t.database.db, ['inspector'], [tree.villageA]);
    const wrongPassword = await login(user.username, 'nope-nope');
    const noSuchUser = await login('no-such-user', 'nope-nope');
    expect(wrongPassword.statusCode).toBe(401);
    expect(noSuchUser.json()).toEqual(wrongPassword.json());
    expect(wrongPassword.json()).toMatchObject({ code: 'invalid_credentials', message: '用户名或密码错误' });
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const user = await insertUser(t.database.db, ['inspector'], [tree.villageA]);
    for (let i = 0; i < 3; i++) expect((await login(user.username, 'wrong-password')).statusCode).toBe(401);
    const locked = await login(user.username, TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'account_locked', message: expect.stringContaining('锁定') });
  });

  it('logs out: the old cookie no longer works', async () => {
    const user = await insertUser(t.database.db, ['inspector'], [tree.villageA]);
    const cookie = await t.login(user.username);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('changes the password only with the current one', async () => {
    const user = await insertUser(t.database.db, ['inspector'], [tree.villageA]);
    const cookie = await t.login(user.username);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: 'bad', newPassword: 'N3w-password!' } });
    expect(wrong.statusCode).toBe(400);
    const short = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().details[0]).toMatchObject({ path: 'body.newPassword', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: TEST_PASSWORD, newPassword: 'N3w-password!' } });
    expect(ok.statusCode).toBe(200);
    expect((await login(user.username, 'N3w-password!')).statusCode).toBe(200);
  });

  it('rate-limits login attempts per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { username: 'x', password: 'y' } })).statusCode);
    expect(statuses).toContain(429);
  });
});

describe('party login by SMS code', () => {
  it('sends a code through the outbox and logs the party in to see their own site', async () => {
    const site = await insertSite(t.database.db, tree.microA, { phone: '13957100077', responsiblePerson: '李老板' });
    const asked = await t.app.inject({ method: 'POST', url: '/api/auth/party/code', payload: { phone: '13957100077' } });
    expect(asked.statusCode).toBe(200);
    expect(t.triggered).toContain('sms-dispatch');
    const [sms] = await t.database.db.select().from(smsOutbox).where(eq(smsOutbox.phone, '13957100077'));
    const code = /验证码为 (\d{6})/.exec(sms!.body)![1]!;

    const again = await t.app.inject({ method: 'POST', url: '/api/auth/party/code', payload: { phone: '13957100077' } });
    expect(again.statusCode).toBe(429);

    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/party/login', payload: { phone: '13957100077', code: code === '000000' ? '111111' : '000000' } });
    expect(wrong.statusCode).toBe(401);
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/party/login', payload: { phone: '13957100077', code } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ roles: ['party'], displayName: '李老板' });
    const cookie = `anxun_session=${ok.cookies.find((c) => c.name === 'anxun_session')!.value}`;
    const list = (await t.app.inject({ method: 'GET', url: '/api/sites', headers: { cookie } })).json();
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([site.id]);

    const reused = await t.app.inject({ method: 'POST', url: '/api/auth/party/login', payload: { phone: '13957100077', code } });
    expect(reused.statusCode).toBe(401);
  });

  it('refuses a phone no site lists', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/party/code', payload: { phone: '13800000000' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('phone_not_registered');
  });
});
