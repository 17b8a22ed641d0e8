import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database.ts';
import type { Database } from '../db/client.ts';
import { dispatchDueSms, enqueueSms, recoverInterruptedSms, retryDelayMs } from './outbox.ts';
import type { SmsMessage, SmsProvider } from './provider.ts';
import { smsOutbox } from './schema.ts';

const cst = (local: string) => new Date(`${local}+08:00`);
const at = (date: Date) => () => date;
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

/** Fails the first `failures` sends, then succeeds; records what it was asked to send. */
function flakyProvider(failures: number): SmsProvider & { sent: SmsMessage[]; calls: number } {
  const provider = {
    name: 'flaky',
    sent: [] as SmsMessage[],
    calls: 0,
    async send(message: SmsMessage) {
      provider.calls++;
      if (provider.calls <= failures) throw new Error(`gateway down (${provider.calls})`);
      provider.sent.push(message);
      return { messageId: `m-${provider.calls}` };
    },
  };
  return provider;
}

const closeOut = (key: string) => ({
  phone: '13957100077',
  template: 'close_out' as const,
  params: { site: '某某五金店', item: '疏散通道堵塞' },
  idempotencyKey: key,
});

let database: Database;
const rows = () => database.db.select().from(smsOutbox);
const row = async (key: string) => (await database.db.select().from(smsOutbox).where(eq(smsOutbox.idempotencyKey, key)))[0]!;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.delete(smsOutbox);
});

describe('enqueueSms', () => {
  it('keeps one message per idempotency key', async () => {
    const now = cst('2026-11-23T10:00:00');
    expect(await enqueueSms(database.db, closeOut('close_out:h1'), now)).toBe(true);
    expect(await database.db.transaction((tx) => enqueueSms(tx, closeOut('close_out:h1'), now))).toBe(false);
    const all = await rows();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'queued', attempts: 0, body: '【安巡】某某五金店隐患“疏散通道堵塞”已复查合格，予以销号。感谢配合！' });
  });

  it('holds non-urgent messages created in quiet hours until 08:00, not login codes', async () => {
    const night = cst('2026-11-22T23:00:00');
    await enqueueSms(database.db, closeOut('close_out:night'), night);
    await enqueueSms(database.db, { phone: '13957100077', template: 'login_code', params: { code: '123456' }, idempotencyKey: 'login:1' }, night);
    expect((await row('close_out:night')).notBefore).toEqual(cst('2026-11-23T08:00:00'));
    expect((await row('login:1')).notBefore).toEqual(night);

    const provider = flakyProvider(0);
    expect(await dispatchDueSms(database.db, provider, { clock: at(plus(night, 1000)) })).toMatchObject({ sent: 1 });
    expect(provider.sent.map((m) => m.template)).toEqual(['login_code']);
    expect(await dispatchDueSms(database.db, provider, { clock: at(cst('2026-11-23T07:59:59')) })).toMatchObject({ selected: 0 });
    expect(await dispatchDueSms(database.db, provider, { clock: at(cst('2026-11-23T08:00:00')) })).toMatchObject({ sent: 1 });
    expect((await row('close_out:night')).status).toBe('sent');
  });

  it('does not send a backlog queued before 22:00 during quiet hours', async () => {
    await enqueueSms(database.db, closeOut('close_out:evening'), cst('2026-11-22T21:00:00'));
    const provider = flakyProvider(0);
    expect(await dispatchDueSms(database.db, provider, { clock: at(cst('2026-11-22T22:30:00')) })).toMatchObject({ selected: 0 });
    expect(await dispatchDueSms(database.db, provider, { clock: at(cst('2026-11-23T08:00:01')) })).toMatchObject({ sent: 1 });
  });
});

describe('dispatchDueSms', () => {
  it('retries with exponential backoff and keeps the delivery record', async () => {
    const t0 = cst('2026-11-23T10:00:00');
    await enqueueSms(database.db, closeOut('close_out:retry'), t0);
    const provider = flakyProvider(2);

    expect(await dispatchDueSms(database.db, provider, { clock: at(t0) })).toEqual({ selected: 1, sent: 0, retrying: 1, failed: 0 });
    let r = await row('close_out:retry');
    expect(r).toMatchObject({ status: 'queued', attempts: 1, provider: 'flaky', lastError: 'gateway down (1)' });
    expect(r.notBefore).toEqual(plus(t0, 30_000));

    expect(await dispatchDueSms(database.db, provider, { clock: at(plus(t0, 29_999)) })).toMatchObject({ selected: 0 });
    const t1 = plus(t0, 30_000);
    expect(await dispatchDueSms(database.db, provider, { clock: at(t1) })).toMatchObject({ retrying: 1 });
    r = await row('close_out:retry');
    expect(r).toMatchObject({ status: 'queued', attempts: 2, lastError: 'gateway down (2)' });
    expect(r.notBefore).toEqual(plus(t1, 60_000));

    const t2 = plus(t1, 60_000);
    expect(await dispatchDueSms(database.db, provider, { clock: at(t2) })).toMatchObject({ sent: 1 });
    r = await row('close_out:retry');
    expect(r).toMatchObject({ status: 'sent', attempts: 3, provider: 'flaky', providerMessageId: 'm-3', lastError: 'gateway down (2)' });
    expect(r.sentAt).toEqual(t2);
    expect(provider.sent).toHaveLength(1);
    expect(provider.sent[0]).toMatchObject({ idempotencyKey: 'close_out:retry', phone: '13957100077' });
  });

  it('gives up after the last attempt', async () => {
    const t0 = cst('2026-11-23T10:00:00');
    await enqueueSms(database.db, closeOut('close_out:dead'), t0);
    const provider = flakyProvider(99);
    let now = t0;
    for (let i = 0; i < 3; i++) {
      await dispatchDueSms(database.db, provider, { clock: at(now), maxAttempts: 3 });
      now = plus(now, 3_600_000);
    }
    expect(await row('close_out:dead')).toMatchObject({ status: 'failed', attempts: 3, lastError: 'gateway down (3)' });
    expect(await dispatchDueSms(database.db, provider, { clock: at(now) })).toMatchObject({ selected: 0 });
  });

  it('caps the backoff at one hour', () => {
    expect([1, 2, 3, 7, 8, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 1_920_000, 3_600_000, 3_600_000]);
  });

  it('moves a retry that would fall in quiet hours to 08:00', async () => {
    const t0 = cst('2026-11-23T21:59:50');
    await enqueueSms(database.db, closeOut('close_out:late'), t0);
    await dispatchDueSms(database.db, flakyProvider(1), { clock: at(t0) });
    expect((await row('close_out:late')).notBefore).toEqual(cst('2026-11-24T08:00:00'));
  });

  it('drops a login code that could not be sent while still valid', async () => {
    const t0 = cst('2026-11-23T10:00:00');
    await enqueueSms(database.db, { phone: '13957100077', template: 'login_code', params: { code: '654321' }, idempotencyKey: 'login:late' }, t0);
    const provider = flakyProvider(0);
    expect(await dispatchDueSms(database.db, provider, { clock: at(plus(t0, 6 * 60_000)) })).toMatchObject({ failed: 1, sent: 0 });
    expect((await row('login:late')).lastError).toMatch(/expired/);
    expect(provider.calls).toBe(0);
  });
});

describe('recoverInterruptedSms', () => {
  it('queues rows left sending by a stopped process, and they are sent', async () => {
    const t0 = cst('2026-11-23T10:00:00');
    await enqueueSms(database.db, closeOut('close_out:crashed'), t0);
    await enqueueSms(database.db, closeOut('close_out:in-flight'), t0);
    // As if a process claimed both and stopped: one before this start, one claimed by a live peer after it.
    await database.db.update(smsOutbox).set({ status: 'sending', attempts: 1, notBefore: plus(t0, 1000) }).where(eq(smsOutbox.idempotencyKey, 'close_out:crashed'));
    await database.db.update(smsOutbox).set({ status: 'sending', attempts: 1, notBefore: plus(t0, 60_000) }).where(eq(smsOutbox.idempotencyKey, 'close_out:in-flight'));

    expect(await recoverInterruptedSms(database.db, plus(t0, 30_000))).toBe(1);
    expect((await row('close_out:in-flight')).status).toBe('sending');

    const provider = flakyProvider(0);
    expect(await dispatchDueSms(database.db, provider, { clock: at(plus(t0, 30_000)) })).toMatchObject({ sent: 1 });
    expect(await row('close_out:crashed')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(provider.sent.map((m) => m.idempotencyKey)).toEqual(['close_out:crashed']);
  });
});
