import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, insertUser } from '../../../test/factories.ts';
import { verifyAuditLog } from './verify.ts';
import { write } from '../../platform/write.ts';
import { SYSTEM_ACTOR } from '../../platform/context.ts';
import fc from 'fast-check';
import { canonicalJson, chainHash, chainParts, GENESIS_HASH, verifyChain } from './chain.ts';

describe('canonicalJson', () => {
  it('is independent of key order and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});

describe('chainParts', () => {
  it('splits the canonical JSON around at and seq, whatever the content', () => {
    const json = fc.jsonValue();
    const text = fc.option(fc.string(), { nil: null });
    fc.assert(
      fc.property(
        fc.record({ actorId: fc.option(fc.uuid(), { nil: null }), actorName: text, action: fc.string(), entityType: fc.string(), entityId: fc.string(), before: json, after: json, ip: text, requestId: text }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.nat(),
        (fields, at, seq) => {
          const stored = JSON.parse(JSON.stringify(fields)) as typeof fields;
          const { head, tail } = chainParts(stored);
          const iso = at.toISOString();
          expect(`${head}${JSON.stringify(iso)}${tail}${seq}}`).toBe(canonicalJson({ ...stored, at: iso, seq }));
        },
      ),
    );
  });
});

describe('verifyChain', () => {
  const event = (seq: number) => ({ seq, at: '2026-01-01T00:00:00.000Z', actorId: null, actorName: 'x', action: 'a', entityType: 'site', entityId: String(seq), before: null, after: { n: seq }, ip: null, requestId: null });
  const chain = () => {
    let prev = GENESIS_HASH;
    return [1, 2, 3].map((seq) => {
      const e = event(seq);
      const hash = chainHash(prev, e);
      const stored = { ...e, prevHash: prev, hash };
      prev = hash;
      return stored;
    });
  };
  it('accepts an intact chain', () => expect(verifyChain(chain()).breaks).toEqual([]));
  it('finds an edited event', () => {
    const c = chain();
    c[1]!.after = { n: 99 };
    expect(verifyChain(c).breaks).toEqual([{ seq: 2, reason: 'edited' }]);
  });
  it('finds a deleted event', () => {
    const c = chain();
    c.splice(1, 1);
    expect(verifyChain(c).breaks).toEqual([{ seq: 3, reason: 'missing_before' }]);
  });
});

describe('audit log in the database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    const tree = await areaTree(t.database.db);
    const admin = await insertUser(t.database.db, ['admin'], [tree.district]);
    const cookie = await t.login(admin.username);
    for (const name of ['一', '二', '三']) {
      const res = await t.app.inject({ method: 'PATCH', url: `/api/areas/${tree.villageA.id}`, headers: { cookie }, payload: { name: `东恩村${name}` } });
      expect(res.statusCode).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('records actor, before/after, IP and request id for every write', async () => {
    const rows = await t.database.db.execute<{ action: string; actor_name: string; ip: string; request_id: string; before: { name: string }; after: { name: string } }>(
      sql`select * from audit_events order by seq`,
    );
    const events = (rows as unknown as { rows: { action: string; actor_name: string; ip: string; request_id: string; before: { name: string }; after: { name: string } }[] }).rows;
    expect(events).toHaveLength(3);
    expect(events[1]).toMatchObject({ action: 'area.updated', before: { name: '东恩村一' }, after: { name: '东恩村二' }, ip: '127.0.0.1' });
    expect(events[1]!.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('chains several events of one write, with any content, so that verify accepts them', async () => {
    const ctx = { database: t.database, actor: SYSTEM_ACTOR, ip: null, requestId: 'r"\\1' };
    const odd = { text: '引号"反斜杠\\换行\n表情😀\u0001', n: [1.5, -0, 1e21, null, true], nested: { b: 2, a: [{}] } };
    await write(ctx, async ({ audit }) => {
      audit({ action: 'test.one', entityType: 'test', entityId: 'x', before: odd, after: undefined });
      audit({ action: 'test.two', entityType: 'test', entityId: 'y', after: { when: new Date('2026-01-01T00:00:00Z') } });
      audit({ action: 'test.three', entityType: 'test', entityId: 'z' });
    });
    expect(await verifyAuditLog(t.database.db)).toEqual({ count: 6, breaks: [] });
    await t.database.db.execute(sql`delete from audit_events where seq > 3`);
  });

  it('keeps one unbroken chain under concurrent writes, and a failed write leaves no event', async () => {
    const ctx = { database: t.database, actor: SYSTEM_ACTOR, ip: null, requestId: null };
    const failing = write(ctx, async ({ tx, audit }) => {
      audit({ action: 'test.failed', entityType: 'test', entityId: 'f' });
      await tx.execute(sql`select 1 / 0`);
    });
    await expect(failing).rejects.toThrow();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        write(ctx, async ({ audit }) => {
          audit({ action: 'test.concurrent', entityType: 'test', entityId: String(i) });
          audit({ action: 'test.concurrent', entityType: 'test', entityId: `${i}b` });
        }),
      ),
    );
    expect(await verifyAuditLog(t.database.db)).toEqual({ count: 43, breaks: [] });
    const seqs = await t.database.db.execute(sql`select seq, at from audit_events order by seq`);
    const rows = (seqs as unknown as { rows: { seq: number; at: Date }[] }).rows;
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 43 }, (_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) expect(new Date(rows[i]!.at).getTime()).toBeGreaterThanOrEqual(new Date(rows[i - 1]!.at).getTime());
    await t.database.db.execute(sql`delete from audit_events where seq > 3`);
  });

  it('detects an edited row and a deleted row', async () => {
    expect(await verifyAuditLog(t.database.db)).toEqual({ count: 3, breaks: [] });
    await t.database.db.execute(sql`update audit_events set after = '{"name":"伪造"}' where seq = 2`);
    expect((await verifyAuditLog(t.database.db)).breaks).toEqual([{ seq: 2, reason: 'edited' }]);
    await t.database.db.execute(sql`delete from audit_events where seq = 2`);
    expect((await verifyAuditLog(t.database.db)).breaks).toEqual([{ seq: 3, reason: 'missing_before' }]);
  });
});
