import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, insertChecklist, insertDepartment, insertSite, insertUser } from '../../../test/factories.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { createStorage } from '../../platform/storage/index.ts';
import { uploadSitePhoto } from '../photos/service.ts';
import { submitInspection } from '../inspections/service.ts';
import { actOnHazard } from '../hazards/service.ts';
import { sites } from '../sites/schema.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

// On PostgreSQL the two close-outs run in parallel transactions; each must see the other's hazard
// once it has the site lock, or the site stays yellow with nothing open (PGlite serialises them).
it('two hazards of one site closed at once leave the site green', async () => {
  const db = t.database.db;
  const tree = await areaTree(db);
  const fire = await insertDepartment(db, 'fire', '消防');
  const { items } = await insertChecklist(db, fire.id, [{ code: 'F-1', defaultMode: 'centralised' }, { code: 'F-2', defaultMode: 'centralised' }]);
  const u = await insertUser(db, ['inspector'], [tree.villageA]);
  const inspector: Actor = { id: u.id, username: u.username, displayName: 'i', roles: ['inspector'], departmentId: null, phone: null, scopePaths: [tree.villageA.path] };
  const ctx: RequestContext = { database: t.database, actor: inspector, ip: null, requestId: null };
  let stale = 0;
  for (let round = 0; round < 10; round++) {
    const site = await insertSite(db, tree.microA);
    const key = (await uploadSitePhoto(ctx, createStorage(t.config), site.id, { fileName: 'p.png', mimeType: 'image/png', data: PNG })).key;
    const now = new Date().toISOString();
    const { result } = await submitInspection(ctx, { id: randomUUID(), siteId: site.id, startedAt: now, endedAt: now, gps: null, answers: items.map((i) => ({ checkItemId: i.id, result: 'fail', photos: [key] })), signature: { imageKey: key, signerName: 'x', signerPhone: '13905710009', signedAt: now } } as never);
    await Promise.all(result.hazards.map((h) => actOnHazard(ctx, h.id, { action: 'reinspect_fixed', evidence: [key] } as never)));
    const [row] = await db.select({ colour: sites.colour }).from(sites).where(eq(sites.id, site.id));
    if (row!.colour !== 'green') stale++;
  }
  expect(stale).toBe(0);
});
