import { eq } from 'drizzle-orm';
import { ROLES, type Role } from '@anxun/contracts';
import type { TestApp } from '../helpers.ts';
import type { ClosedLoopFixture } from './closed-loop-fixture.ts';
import type { ImportsFixture } from './imports-fixture.ts';
import type { OrdersFixture } from './orders-fixture.ts';
import type { NailsFixture } from './nails-fixture.ts';
import type { CampaignsFixture } from './campaigns-fixture.ts';
import { areaTree, insertChecklist, insertDepartment, insertSite, insertUser } from '../factories.ts';
import { siteAttachments } from '../../src/modules/sites/schema.ts';
import { storeUpload } from '../../src/platform/uploads.ts';
import { createStorage } from '../../src/platform/storage/index.ts';

export const PARTY_PHONE = '19900001234';

/** Everything twice: one inside village A (every actor's scope), one in village B. */
export async function scopeFixture(t: TestApp) {
  const db = t.database.db;
  const tree = await areaTree(db);
  const siteA = await insertSite(db, tree.microA, { phone: PARTY_PHONE });
  const siteB = await insertSite(db, tree.microB);
  const userA = await insertUser(db, ['inspector'], [tree.villageA], { username: 'target-in' });
  const userB = await insertUser(db, ['inspector'], [tree.villageB], { username: 'target-out' });
  const storage = createStorage(t.config);
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const files: string[] = [];
  for (const site of [siteA, siteB]) {
    const stored = await storeUpload(storage, `sites/${site.id}`, { fileName: 'a.png', mimeType: 'image/png', data: png });
    await db.insert(siteAttachments).values({ id: crypto.randomUUID(), siteId: site.id, kind: 'photo', ...stored });
    files.push(`/api/files/${stored.fileKey}`);
  }
  const actors = {} as Record<Role, string>;
  for (const role of ROLES) {
    const user =
      role === 'party'
        ? await insertUser(db, ['party'], [], { username: 'party-scope', phone: PARTY_PHONE })
        : await insertUser(db, [role], [tree.villageA], { username: `scope-${role}` });
    actors[role] = await t.login(user.username);
  }
  // Checklists are not area-scoped; the second one never gets a draft, so draft writes aimed at it are refused.
  const checklistDepartment = await insertDepartment(db, 'scope-dept', '范围测试部门');
  const checklist = await insertChecklist(db, checklistDepartment.id, [{ code: 'SCOPE-001' }, { code: 'SCOPE-002', siteKinds: ['street_shop'] }], 'SCOPE-CL');
  const checklistNoDraft = await insertChecklist(db, checklistDepartment.id, [{ code: 'SCOPE-101' }], 'SCOPE-CL-2');
  const attachmentCount = async (siteId: string) => (await db.select().from(siteAttachments).where(eq(siteAttachments.siteId, siteId))).length;
  return { tree, siteA, siteB, userA, userB, fileA: files[0]!, fileB: files[1]!, actors, attachmentCount, checklistDepartment, checklist, checklistNoDraft };
}

export type ScopeFixture = Awaited<ReturnType<typeof scopeFixture>> & ClosedLoopFixture & OrdersFixture & ImportsFixture & CampaignsFixture & NailsFixture;
