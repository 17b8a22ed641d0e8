import { and, asc, eq, inArray, max, or, sql, type SQL } from 'drizzle-orm';
import type { CheckItem, ChecklistVersion, CombinedForm, SiteKind } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import { departments } from '../users/schema.ts';
import { checkItems, checklists, checklistVersions } from './schema.ts';

export type ChecklistRow = typeof checklists.$inferSelect;
export type VersionRow = typeof checklistVersions.$inferSelect;
type ItemRow = typeof checkItems.$inferSelect;

export function toCheckItem(row: ItemRow): CheckItem {
  return {
    id: row.id,
    sort: row.sort,
    code: row.code,
    text: row.text,
    textEn: row.textEn,
    domain: row.domain,
    siteKinds: row.siteKinds,
    answerType: row.answerType,
    threshold: row.threshold ?? null,
    choices: row.choices ?? null,
    photoRequired: row.photoRequired,
    defaultLevel: row.defaultLevel,
    legalBasis: row.legalBasis,
    suggestedFix: row.suggestedFix,
    defaultMode: row.defaultMode,
    defaultDays: row.defaultDays,
  };
}

const versionOf = (status: 'published' | 'draft') =>
  sql<number | null>`(select ${checklistVersions.version} from ${checklistVersions} where ${checklistVersions.checklistId} = ${checklists.id} and ${checklistVersions.status} = ${status})`;

/** Every checklist with its department, its live version numbers and the published item count. */
export function listChecklistRows(db: Executor) {
  return db
    .select({
      checklist: checklists,
      departmentName: departments.name,
      publishedVersion: versionOf('published'),
      draftVersion: versionOf('draft'),
      itemCount: sql<number>`(select count(*)::int from ${checkItems} join ${checklistVersions} on ${checklistVersions.id} = ${checkItems.versionId}
        where ${checklistVersions.checklistId} = ${checklists.id} and ${checklistVersions.status} = 'published')`,
    })
    .from(checklists)
    .innerJoin(departments, eq(departments.id, checklists.departmentId))
    .orderBy(asc(departments.code), asc(checklists.code));
}

export async function findChecklist(db: Executor, id: string, lock = false): Promise<ChecklistRow | undefined> {
  const query = db.select().from(checklists).where(eq(checklists.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findChecklistByCode(db: Executor, code: string): Promise<ChecklistRow | undefined> {
  const [row] = await db.select().from(checklists).where(eq(checklists.code, code));
  return row;
}

export async function findVersion(db: Executor, checklistId: string, where: { version: number } | { status: 'draft' | 'published' }): Promise<VersionRow | undefined> {
  const match = 'version' in where ? eq(checklistVersions.version, where.version) : eq(checklistVersions.status, where.status);
  const [row] = await db.select().from(checklistVersions).where(and(eq(checklistVersions.checklistId, checklistId), match));
  return row;
}

export async function nextVersionNumber(db: Executor, checklistId: string): Promise<number> {
  const [row] = await db.select({ n: max(checklistVersions.version) }).from(checklistVersions).where(eq(checklistVersions.checklistId, checklistId));
  return (row?.n ?? 0) + 1;
}

export async function itemsOf(db: Executor, versionId: string): Promise<CheckItem[]> {
  const rows = await db.select().from(checkItems).where(eq(checkItems.versionId, versionId)).orderBy(asc(checkItems.sort));
  return rows.map(toCheckItem);
}

export async function versionWithItems(db: Executor, version: VersionRow): Promise<ChecklistVersion> {
  return {
    id: version.id,
    checklistId: version.checklistId,
    version: version.version,
    status: version.status,
    publishedAt: version.publishedAt?.toISOString() ?? null,
    items: await itemsOf(db, version.id),
  };
}

/**
 * The combined form (综合查一次): every published item whose site kinds include the site's kind, one
 * group per published checklist, ordered by department code, checklist code and item order.
 * Departments with nothing for this kind are left out.
 */
export async function loadCombinedForm(db: Executor, site: { id: string; kind: SiteKind }): Promise<CombinedForm> {
  const rows = await db
    .select({ item: checkItems, departmentId: checklists.departmentId, departmentName: departments.name })
    .from(checkItems)
    .innerJoin(checklistVersions, and(eq(checklistVersions.id, checkItems.versionId), eq(checklistVersions.status, 'published')))
    .innerJoin(checklists, eq(checklists.id, checklistVersions.checklistId))
    .innerJoin(departments, eq(departments.id, checklists.departmentId))
    .where(sql`${checkItems.siteKinds} @> array[${site.kind}]::text[]`)
    .orderBy(asc(departments.code), asc(checklists.code), asc(checkItems.sort));
  const groups: CombinedForm['groups'] = [];
  for (const row of rows) {
    let group = groups.at(-1);
    if (!group || group.checklistVersionId !== row.item.versionId) {
      group = { departmentId: row.departmentId, departmentName: row.departmentName, checklistVersionId: row.item.versionId, items: [] };
      groups.push(group);
    }
    group.items.push(toCheckItem(row.item));
  }
  return { siteId: site.id, siteKind: site.kind, groups };
}

export interface ResolvedCheckItem extends CheckItem {
  versionId: string;
  version: number;
  versionStatus: 'draft' | 'published' | 'retired';
  checklistId: string;
  departmentId: string;
  departmentName: string;
}

/**
 * Resolves check item ids (from a submitted inspection) to the frozen items and their department.
 * Items of retired versions resolve too, so an inspection started before a publish still submits;
 * the caller decides whether draft items are acceptable (normally not). Unknown ids are absent.
 */
export async function findCheckItems(db: Executor, ids: readonly string[]): Promise<ResolvedCheckItem[]> {
  if (ids.length === 0) return [];
  return (await resolvedItems(db, inArray(checkItems.id, [...new Set(ids)]), sql`true`, sql`false`)).map((r) => r.item);
}

/**
 * For a submission, in one query: the answered items (as `findCheckItems` resolves them) and the
 * items every combined inspection of a site of `kind` must answer — the published ones that apply.
 */
export async function findSubmissionItems(db: Executor, ids: readonly string[], kind: SiteKind): Promise<{ answered: ResolvedCheckItem[]; required: ResolvedCheckItem[] }> {
  const answeredIds = ids.length ? inArray(checkItems.id, [...new Set(ids)]) : sql`false`;
  const required = and(eq(checklistVersions.status, 'published'), sql`${checkItems.siteKinds} @> array[${kind}]::text[]`)!;
  const rows = await resolvedItems(db, or(answeredIds, required)!, answeredIds, required);
  return { answered: rows.filter((r) => r.answered).map((r) => r.item), required: rows.filter((r) => r.required).map((r) => r.item) };
}

/** Items matching `where`, resolved, each with whether it is `answered` and `required` (both conditions). */
async function resolvedItems(db: Executor, where: SQL, answered: SQL, required: SQL) {
  const rows = await db
    .select({
      item: checkItems,
      version: checklistVersions,
      departmentId: checklists.departmentId,
      departmentName: departments.name,
      answered: sql<boolean>`(${answered})`,
      required: sql<boolean>`(${required})`,
    })
    .from(checkItems)
    .innerJoin(checklistVersions, eq(checklistVersions.id, checkItems.versionId))
    .innerJoin(checklists, eq(checklists.id, checklistVersions.checklistId))
    .innerJoin(departments, eq(departments.id, checklists.departmentId))
    .where(where);
  return rows.map((r) => ({
    answered: r.answered,
    required: r.required,
    item: {
      ...toCheckItem(r.item),
      versionId: r.version.id,
      version: r.version.version,
      versionStatus: r.version.status,
      checklistId: r.version.checklistId,
      departmentId: r.departmentId,
      departmentName: r.departmentName,
    } satisfies ResolvedCheckItem,
  }));
}
