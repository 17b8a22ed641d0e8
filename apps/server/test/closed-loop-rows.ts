import { randomUUID } from 'node:crypto';
import type { HazardLevel, HazardStatus, RectificationMode } from '@anxun/contracts';
import type { Executor } from '../src/platform/db/client.ts';
import { checkItems, checklists, checklistVersions } from '../src/modules/checklists/schema.ts';
import { inspections } from '../src/modules/inspections/schema.ts';
import { hazards } from '../src/modules/hazards/schema.ts';
import { notices } from '../src/modules/notices/schema.ts';
import { yellowCards } from '../src/modules/site-orders/schema.ts';
import type { sites } from '../src/modules/sites/schema.ts';

/*
 * Rows of the closed loop written straight to the database, for tests of what reads them
 * (orders view, notice PDF, scope test) without going through the inspection API.
 */

type Site = typeof sites.$inferSelect;

let seq = 0;

/** A published one-item checklist of a department; returns the check item. */
export async function insertCheckItem(db: Executor, departmentId: string, extra: Partial<typeof checkItems.$inferInsert> = {}) {
  seq += 1;
  const checklistId = randomUUID();
  const versionId = randomUUID();
  await db.insert(checklists).values({ id: checklistId, departmentId, code: `T-${seq}`, name: `测试检查表${seq}`, nameEn: `Test ${seq}` });
  await db.insert(checklistVersions).values({ id: versionId, checklistId, version: 1, status: 'published', publishedAt: new Date() });
  const [item] = await db
    .insert(checkItems)
    .values({
      id: randomUUID(),
      versionId,
      sort: 1,
      code: `XF-${String(seq).padStart(2, '0')}`,
      text: '疏散通道、安全出口是否畅通',
      textEn: 'Are escape routes and exits clear?',
      domain: 'fire',
      siteKinds: ['enterprise', 'street_shop'],
      answerType: 'pass_fail',
      defaultLevel: 'general',
      legalBasis: '《中华人民共和国消防法》第二十八条',
      defaultMode: 'deadline',
      defaultDays: 7,
      ...extra,
    })
    .returning();
  return item!;
}

export async function insertInspection(db: Executor, site: Site, inspectorId: string, extra: Partial<typeof inspections.$inferInsert> = {}) {
  const endedAt = extra.endedAt ?? new Date();
  const [row] = await db
    .insert(inspections)
    .values({
      id: randomUUID(),
      siteId: site.id,
      areaPath: site.areaPath,
      kind: 'inspection',
      inspectorId,
      startedAt: new Date(endedAt.getTime() - 30 * 60_000),
      endedAt,
      submissionHash: randomUUID(),
      ...extra,
    })
    .returning();
  return row!;
}

export interface HazardSpec {
  level?: HazardLevel;
  mode?: RectificationMode;
  status?: HazardStatus;
  deadline?: string | null;
  description?: string;
  inspectionId?: string | null;
  checkItemId?: string | null;
}

export async function insertHazard(db: Executor, site: Site, departmentId: string, spec: HazardSpec = {}) {
  const [row] = await db
    .insert(hazards)
    .values({
      id: randomUUID(),
      siteId: site.id,
      areaPath: site.areaPath,
      departmentId,
      inspectionId: spec.inspectionId ?? null,
      checkItemId: spec.checkItemId ?? null,
      level: spec.level ?? 'general',
      mode: spec.mode ?? 'deadline',
      status: spec.status ?? 'open',
      description: spec.description ?? '疏散通道堆放杂物',
      deadline: spec.deadline === undefined ? '2099-12-31' : spec.deadline,
      foundAt: new Date(),
    })
    .returning();
  return row!;
}

export async function insertNotice(db: Executor, site: Site, inspectionId: string, hazardIds: string[], number = `测试安改〔2026〕${String(++seq).padStart(4, '0')}号`) {
  const [row] = await db.insert(notices).values({ id: randomUUID(), number, siteId: site.id, inspectionId, hazardIds }).returning();
  return row!;
}

/** An unresolved yellow card, numbered outside the town counters so it never collides with one issued. */
export async function insertYellowCard(db: Executor, site: Site, deadline = '2099-12-31') {
  seq += 1;
  const [row] = await db
    .insert(yellowCards)
    .values({ id: randomUUID(), siteId: site.id, number: `测试黄牌〔2026〕${String(seq).padStart(4, '0')}号`, deadline, reason: '测试黄牌' })
    .returning();
  return row!;
}
