import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SiteKind } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import { checkItems, checklists, checklistVersions } from '../checklists/schema.ts';

/** The cited check items with the checklist and department that own them. */
export async function itemsWithOwners(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ item: checkItems, checklistId: checklists.id, departmentId: checklists.departmentId })
    .from(checkItems)
    .innerJoin(checklistVersions, eq(checklistVersions.id, checkItems.versionId))
    .innerJoin(checklists, eq(checklists.id, checklistVersions.checklistId))
    .where(inArray(checkItems.id, [...ids]));
}

/** Codes every combined inspection of this site kind must answer: the published items that apply. */
export async function requiredItemCodes(db: Executor, kind: SiteKind) {
  return db
    .select({ checklistId: checklists.id, code: checkItems.code })
    .from(checkItems)
    .innerJoin(checklistVersions, eq(checklistVersions.id, checkItems.versionId))
    .innerJoin(checklists, eq(checklists.id, checklistVersions.checklistId))
    .where(and(eq(checklistVersions.status, 'published'), sql`${checkItems.siteKinds} @> array[${kind}]::text[]`));
}
