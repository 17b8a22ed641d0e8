import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { CheckItemFields } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import { CHECKLIST_LIBRARY, type LibraryChecklist } from './library/index.ts';
import type { CheckItemData } from './rules.ts';
import { checkItems, checklists, checklistVersions } from './schema.ts';

/** Inserts a version's items in list order; one statement, ids fresh (items of other versions never change). */
export async function insertItems(tx: Executor, versionId: string, items: readonly CheckItemData[]): Promise<void> {
  if (items.length === 0) return;
  await tx.insert(checkItems).values(items.map((item, sort) => ({ ...item, id: randomUUID(), versionId, sort })));
}

export interface InstallOptions {
  /** Department code → id; library checklists of departments not listed are skipped. */
  departmentsByCode: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** A user id for checklist_versions.published_by; null when installed by the system. */
  publishedBy?: string | null;
  library?: readonly LibraryChecklist[];
}

/**
 * Installs the built-in library: one checklist per department with version 1 published. Idempotent:
 * a checklist whose code already exists is left alone (it may have been edited since), so running
 * it again after an upgrade only adds what is missing. Writes no audit events: callers (the demo
 * seed) record one summary event of their own.
 */
export async function installChecklistLibrary(tx: Executor, options: InstallOptions): Promise<{ installed: string[]; skipped: string[] }> {
  const library = options.library ?? CHECKLIST_LIBRARY;
  const byCode = options.departmentsByCode instanceof Map ? options.departmentsByCode : new Map(Object.entries(options.departmentsByCode));
  const existing = new Set(
    (await tx.select({ code: checklists.code }).from(checklists).where(inArray(checklists.code, library.map((c) => c.code)))).map((r) => r.code),
  );
  const installed: string[] = [];
  const skipped: string[] = [];
  for (const list of library) {
    const departmentId = byCode.get(list.departmentCode);
    if (!departmentId || existing.has(list.code)) {
      skipped.push(list.code);
      continue;
    }
    const checklistId = randomUUID();
    const versionId = randomUUID();
    await tx.insert(checklists).values({ id: checklistId, departmentId, code: list.code, name: list.name, nameEn: list.nameEn });
    await tx.insert(checklistVersions).values({
      id: versionId,
      checklistId,
      version: 1,
      status: 'published',
      publishedAt: new Date(),
      publishedBy: options.publishedBy ?? null,
    });
    // Parsing applies the schema defaults (threshold null, photoRequired false…), exactly as an edited draft would.
    await insertItems(tx, versionId, list.items.map((item) => CheckItemFields.parse(item)));
    installed.push(list.code);
  }
  return { installed, skipped };
}
