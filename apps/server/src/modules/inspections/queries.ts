import { and, eq, sql } from 'drizzle-orm';
import type { SiteKind } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import { checkItems, checklists, checklistVersions } from '../checklists/schema.ts';

/** Codes every combined inspection of this site kind must answer: the published items that apply. */
export async function requiredItemCodes(db: Executor, kind: SiteKind) {
  return db
    .select({ checklistId: checklists.id, code: checkItems.code })
    .from(checkItems)
    .innerJoin(checklistVersions, eq(checklistVersions.id, checkItems.versionId))
    .innerJoin(checklists, eq(checklists.id, checklistVersions.checklistId))
    .where(and(eq(checklistVersions.status, 'published'), sql`${checkItems.siteKinds} @> array[${kind}]::text[]`));
}
