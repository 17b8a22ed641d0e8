import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { checkItems, checklistVersions } from '../../src/modules/checklists/schema.ts';
import type { TestApp } from '../helpers.ts';
import { insertChecklist, insertDepartment } from '../factories.ts';
import { inspections } from '../../src/modules/inspections/schema.ts';
import { hazardExtensions, hazards } from '../../src/modules/hazards/schema.ts';
import { sitePhotos } from '../../src/modules/photos/schema.ts';
import { storeUpload } from '../../src/platform/uploads.ts';
import { createStorage } from '../../src/platform/storage/index.ts';

type Site = { id: string; areaPath: string };
const POOL = 24;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/**
 * For each of site A and site B: an inspection, an open hazard, a pool of fresh hazards (for
 * one-shot writes such as extension requests) and hazards with a pending extension, and a photo.
 */
export async function closedLoopFixture(t: TestApp, siteA: Site, siteB: Site, inspectorId: string) {
  const db = t.database.db;
  const dept = await insertDepartment(db, 'scope-loop', '闭环测试部门');
  const { items } = await insertChecklist(db, dept.id, [{ code: 'LOOP-001' }], 'SCOPE-LOOP');
  const storage = createStorage(t.config);
  const make = async (site: Site) => {
    const inspectionId = randomUUID();
    await db.insert(inspections).values({ id: inspectionId, siteId: site.id, areaPath: site.areaPath, kind: 'inspection', inspectorId, startedAt: new Date(), endedAt: new Date(), submissionHash: 'fixture' });
    const hazard = (over: Partial<typeof hazards.$inferInsert> = {}) => ({
      id: randomUUID(),
      siteId: site.id,
      areaPath: site.areaPath,
      departmentId: dept.id,
      inspectionId,
      checkItemId: items[0]!.id,
      level: 'general' as const,
      mode: 'deadline' as const,
      status: 'open' as const,
      description: '范围测试隐患',
      deadline: '2099-06-30',
      foundAt: new Date(),
      ...over,
    });
    const open = hazard();
    const fresh = Array.from({ length: POOL }, () => hazard());
    const pending = Array.from({ length: POOL }, () => hazard({ extensionPending: true }));
    await db.insert(hazards).values([open, ...fresh, ...pending]);
    const extensions = pending.map((h) => ({ id: randomUUID(), hazardId: h.id, status: 'requested' as const, fromDeadline: '2099-06-30', newDeadline: '2099-12-31', reason: '范围测试' }));
    await db.insert(hazardExtensions).values(extensions);
    const stored = await storeUpload(storage, `sites/${site.id}`, { fileName: 's.png', mimeType: 'image/png', data: PNG });
    await db.insert(sitePhotos).values({ key: stored.fileKey, siteId: site.id, thumbnailKey: stored.thumbnailKey, size: stored.size, uploadedBy: inspectorId });
    return {
      inspectionId,
      hazardId: open.id,
      freshHazard: (n: number) => fresh[n % POOL]!.id,
      pendingExtension: (n: number) => ({ hazardId: pending[n % POOL]!.id, extensionId: extensions[n % POOL]!.id }),
      photoKey: stored.fileKey,
    };
  };
  // Every inspection must answer all published items for the site's kind (sites here are enterprises).
  const required = await db
    .select({ id: checkItems.id })
    .from(checkItems)
    .innerJoin(checklistVersions, eq(checklistVersions.id, checkItems.versionId))
    .where(and(eq(checklistVersions.status, 'published'), sql`${checkItems.siteKinds} @> array['enterprise']::text[]`));
  return { loopA: await make(siteA), loopB: await make(siteB), requiredItemIds: required.map((r) => r.id) };
}

export type ClosedLoopFixture = Awaited<ReturnType<typeof closedLoopFixture>>;
