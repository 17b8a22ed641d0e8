import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, insertChecklist, insertDepartment, insertSite, insertUser } from '../../../test/factories.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { createStorage } from '../../platform/storage/index.ts';
import { smsOutbox } from '../../platform/sms/schema.ts';
import { uploadSitePhoto } from '../photos/service.ts';
import { sitePhotos } from '../photos/schema.ts';
import { submitInspection } from '../inspections/service.ts';
import { submitReinspection } from '../inspections/reinspect.ts';
import { inspections } from '../inspections/schema.ts';
import { actOnHazard, decideHazardExtension, requestHazardExtension } from '../hazards/service.ts';
import { hazardEvents, hazardExtensions, hazards } from '../hazards/schema.ts';
import { colourHistory } from '../colours/schema.ts';
import { notices } from '../notices/schema.ts';
import { issueYellowCard, suspendSite } from '../site-orders/service.ts';
import { suspensions, yellowCards } from '../site-orders/schema.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let t: TestApp;
let inspector: Actor;
let admin: Actor;
let site: Awaited<ReturnType<typeof insertSite>>;
let items: Awaited<ReturnType<typeof insertChecklist>>['items'];

const actor = (id: string, username: string, roles: Actor['roles'], scopePaths: string[]): Actor => ({ id, username, displayName: username, roles, departmentId: null, phone: null, scopePaths });

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const tree = await areaTree(db);
  const fire = await insertDepartment(db, 'fire', '消防');
  ({ items } = await insertChecklist(db, fire.id, [
    { code: 'FIRE-001', defaultMode: 'deadline', defaultDays: 5 },
    { code: 'FIRE-002', defaultMode: 'deadline', defaultDays: 5 },
  ]));
  const i = await insertUser(db, ['inspector'], [tree.villageA]);
  const a = await insertUser(db, ['admin'], [tree.district]);
  inspector = actor(i.id, i.username, ['inspector'], [tree.villageA.path]);
  admin = actor(a.id, a.username, ['admin'], [tree.district.path]);
  site = await insertSite(db, tree.microA, { phone: '13905710009' });
});
afterAll(() => t.close());

describe('a service call with a fixed clock', () => {
  it('stamps the simulated time on every record it writes, not the real time', async () => {
    let now = new Date('2025-03-03T02:00:00Z');
    const ctx = (who: Actor): RequestContext => ({ database: t.database, actor: who, ip: null, requestId: null, now: () => now });
    const storage = createStorage(t.config);
    const photo = (await uploadSitePhoto(ctx(inspector), storage, site.id, { fileName: 'p.png', mimeType: 'image/png', data: PNG })).key;

    const found = new Date(now.getTime() - 5 * 60_000);
    const { result } = await submitInspection(ctx(inspector), {
      id: randomUUID(),
      siteId: site.id,
      startedAt: new Date(found.getTime() - 20 * 60_000).toISOString(),
      endedAt: found.toISOString(),
      gps: null,
      answers: items.map((item) => ({ checkItemId: item.id, result: 'fail' as const, photos: [photo] })),
      signature: { imageKey: photo, signerName: '王老板', signerPhone: '13905710009', signedAt: found.toISOString() },
    } as never);
    const [first, second] = result.hazards.map((h) => h.id);
    const inspected = now;

    now = new Date('2025-03-04T03:00:00Z');
    const extended = now;
    const [ext] = (await requestHazardExtension(ctx(inspector), first!, { newDeadline: '2025-03-31', reason: '需采购喷淋设备' })).extensions;
    now = new Date('2025-03-04T05:00:00Z');
    const decided = now;
    await decideHazardExtension(ctx(admin), first!, ext!.id, { approve: true, reason: '同意' } as never);

    now = new Date('2025-03-05T06:00:00Z');
    const closed = now;
    await actOnHazard(ctx(inspector), second!, { action: 'reinspect_fixed', evidence: [photo] } as never);

    now = new Date('2025-03-06T01:00:00Z');
    const carded = now;
    await issueYellowCard(ctx(admin), site.id, { deadline: '2025-03-10', reason: '逾期未整改' });
    now = new Date('2025-03-06T02:00:00Z');
    const suspended = now;
    await suspendSite(ctx(admin), site.id, { reason: '重大火灾隐患，责令停业整改' });

    now = new Date('2025-03-07T02:00:00Z');
    const reinspected = now;
    const visitEnd = new Date(now.getTime() - 60_000);
    await submitReinspection(ctx(inspector), {
      id: randomUUID(),
      siteId: site.id,
      startedAt: new Date(visitEnd.getTime() - 600_000).toISOString(),
      endedAt: visitEnd.toISOString(),
      gps: null,
      results: [{ hazardId: first!, fixed: true, photos: [photo] }],
    } as never);

    const db = t.database.db;
    const [photoRow] = await db.select().from(sitePhotos).where(eq(sitePhotos.key, photo));
    expect(photoRow!.createdAt).toEqual(new Date('2025-03-03T02:00:00Z'));
    const visits = await db.select().from(inspections).where(eq(inspections.siteId, site.id));
    expect(visits.map((v) => v.createdAt.toISOString()).sort()).toEqual([inspected.toISOString(), reinspected.toISOString()]);
    const rows = await db.select().from(hazards).where(inArray(hazards.id, [first!, second!]));
    for (const h of rows) expect(h.foundAt).toEqual(found);
    expect(rows.find((h) => h.id === second)!.closedAt).toEqual(closed);
    expect(rows.find((h) => h.id === first)!.closedAt).toEqual(visitEnd);

    const events = await db.select().from(hazardEvents).where(inArray(hazardEvents.hazardId, [first!, second!]));
    const at = (action: string) => events.filter((e) => e.action === action).map((e) => e.at.toISOString());
    expect(at('found')).toEqual([inspected.toISOString(), inspected.toISOString()]);
    expect(at('extension_requested')).toEqual([extended.toISOString()]);
    expect(at('extension_approved')).toEqual([decided.toISOString()]);
    expect(at('reinspect_fixed').sort()).toEqual([closed.toISOString(), reinspected.toISOString()]);

    const [extension] = await db.select().from(hazardExtensions).where(eq(hazardExtensions.hazardId, first!));
    expect(extension!.requestedAt).toEqual(extended);
    expect(extension!.decidedAt).toEqual(decided);

    const [notice] = await db.select().from(notices).where(eq(notices.siteId, site.id));
    expect(notice!.createdAt).toEqual(inspected);
    const sms = await db.select().from(smsOutbox).where(eq(smsOutbox.phone, '13905710009'));
    expect(sms.map((m) => m.createdAt.toISOString()).sort()).toEqual([inspected, closed, reinspected].map((d) => d.toISOString()));

    const [card] = await db.select().from(yellowCards).where(eq(yellowCards.siteId, site.id));
    expect(card!.issuedAt).toEqual(carded);
    const [order] = await db.select().from(suspensions).where(eq(suspensions.siteId, site.id));
    expect(order!.orderedAt).toEqual(suspended);

    const history = await db.select().from(colourHistory).where(eq(colourHistory.siteId, site.id));
    const stamps = history.map((h) => h.at.toISOString());
    expect(stamps.length).toBeGreaterThanOrEqual(2);
    for (const s of stamps) expect([inspected, extended, decided, closed, carded, suspended, reinspected].map((d) => d.toISOString())).toContain(s);
    // Nothing landed at the real time.
    for (const s of [...stamps, ...events.map((e) => e.at.toISOString())]) expect(s < '2025-04-01').toBe(true);
  });
});
