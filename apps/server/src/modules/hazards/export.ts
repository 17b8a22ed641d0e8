import { aliasedTable, and, asc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { ExportParams, HAZARD_LABELS_EN, HAZARD_LABELS_ZH, HazardListQuery } from '@anxun/contracts';
import type { RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { hasRole, pathInScope } from '../../platform/scope.ts';
import { dayCell, fileDay, keysetBatches, shanghaiCell, type ExportLanguage, type XlsxColumn, type XlsxSheet } from '../../platform/xlsx.ts';
import { findArea } from '../areas/queries.ts';
import { areas } from '../areas/schema.ts';
import { checkItems } from '../checklists/schema.ts';
import { sites } from '../sites/schema.ts';
import { departments, users } from '../users/schema.ts';
import { hazardFilters } from './queries.ts';
import { hazards } from './schema.ts';

export const HazardExportQuery = HazardListQuery.omit({ page: true, pageSize: true, sort: true }).extend(ExportParams.shape);
type Filters = Omit<HazardListQuery, 'page' | 'pageSize' | 'sort'>;

const finder = aliasedTable(users, 'finder');

/** Only what the ledger shows. */
const LEDGER_SELECTION = {
  id: hazards.id,
  foundAt: hazards.foundAt,
  /** Microseconds intact (a JS Date keeps milliseconds), so the keyset neither skips nor repeats rows. */
  foundAtKey: sql<string>`${hazards.foundAt}::text`,
  siteName: sites.name,
  areaPath: hazards.areaPath,
  departmentName: departments.name,
  departmentNameEn: departments.nameEn,
  itemCode: checkItems.code,
  itemText: checkItems.text,
  itemTextEn: checkItems.textEn,
  description: hazards.description,
  level: hazards.level,
  mode: hazards.mode,
  status: hazards.status,
  deadline: hazards.deadline,
  closedAt: hazards.closedAt,
  inspectorName: finder.displayName,
  legalBasis: checkItems.legalBasis,
};

type LedgerRow = Awaited<ReturnType<typeof ledgerPage>>[number] & { townName: string | null; villageName: string | null; overdue: boolean };
type Key = { foundAt: string; id: string };

/** The list's order (newest first, then id) in keyset pages: (found_at, id) after the last row seen. */
function ledgerPage(db: Executor, where: SQL, after: Key | undefined, size: number) {
  const at = after && sql`${after.foundAt}::timestamptz`;
  const next = after ? or(lt(hazards.foundAt, at!), and(eq(hazards.foundAt, at!), gt(hazards.id, after.id))) : undefined;
  return db
    .select(LEDGER_SELECTION)
    .from(hazards)
    .innerJoin(sites, eq(sites.id, hazards.siteId))
    .innerJoin(departments, eq(departments.id, hazards.departmentId))
    .leftJoin(checkItems, eq(checkItems.id, hazards.checkItemId))
    .leftJoin(finder, eq(finder.id, hazards.foundBy))
    .where(next ? and(where, next) : where)
    .orderBy(sql`${hazards.foundAt} desc`, asc(hazards.id))
    .limit(size);
}

/** The export's filter: the list's, after checking the actor may export that area (or, unfiltered, somewhere). */
export async function prepareHazardExport(ctx: RequestContext, query: Filters, today: string): Promise<SQL> {
  const area = query.areaId ? await findArea(ctx.database.db, query.areaId) : undefined;
  if (query.areaId && !area) throw notFound('area');
  // A party sees their own hazards one by one; the ledger is for officials, within their areas.
  const official = !hasRole(ctx.actor, ['party']) || ctx.actor.roles.length > 1;
  const inScope = area ? pathInScope(ctx.actor, area.path) : ctx.actor.scopePaths.length > 0;
  if (!official || !inScope) throw forbidden('没有导出隐患台账的权限', 'You may not export the hazard ledger');
  return hazardFilters(ctx.actor, query, today, area?.path);
}

export async function countLedger(db: Executor, where: SQL): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(hazards)
    .leftJoin(sites, eq(sites.id, hazards.siteId))
    .leftJoin(checkItems, eq(checkItems.id, hazards.checkItemId))
    .where(where);
  return row?.n ?? 0;
}

/** Town and village names by code, for the 所属区域 columns (a few thousand rows even for a city). */
async function townAndVillageNames(db: Executor): Promise<Map<string, string>> {
  const rows = await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.level, ['town', 'village']));
  return new Map(rows.map((r) => [r.code, r.name]));
}

const label = (lang: ExportLanguage) => (lang === 'zh' ? HAZARD_LABELS_ZH : HAZARD_LABELS_EN);

/** 隐患台账: the columns officials expect, in the order they read them. */
export const LEDGER_COLUMNS: XlsxColumn<LedgerRow>[] = [
  { header: { zh: '受检单位', en: 'Site' }, width: 28, value: (r) => r.siteName },
  { header: { zh: '所属镇街', en: 'Town' }, width: 12, value: (r) => r.townName },
  { header: { zh: '所属村社', en: 'Village' }, width: 14, value: (r) => r.villageName },
  { header: { zh: '责任部门', en: 'Department' }, width: 12, value: (r, lang) => (lang === 'zh' ? r.departmentName : r.departmentNameEn) },
  { header: { zh: '检查项', en: 'Check item' }, width: 40, value: (r, lang) => (r.itemCode ? `${r.itemCode} ${lang === 'zh' ? r.itemText : r.itemTextEn}` : null) },
  { header: { zh: '隐患描述', en: 'Description' }, width: 36, value: (r) => r.description },
  { header: { zh: '隐患等级', en: 'Level' }, width: 10, value: (r, lang) => label(lang).hazardLevel[r.level] },
  { header: { zh: '整改方式', en: 'Mode' }, width: 10, value: (r, lang) => label(lang).rectificationMode[r.mode] },
  { header: { zh: '发现时间', en: 'Found' }, width: 17, numFmt: 'yyyy-mm-dd hh:mm', value: (r) => shanghaiCell(r.foundAt) },
  { header: { zh: '整改期限', en: 'Deadline' }, width: 12, numFmt: 'yyyy-mm-dd', value: (r) => dayCell(r.deadline) },
  {
    header: { zh: '状态', en: 'Status' },
    width: 14,
    value: (r, lang) => `${label(lang).hazardStatus[r.status]}${r.overdue ? (lang === 'zh' ? '（逾期）' : ' (overdue)') : ''}`,
  },
  { header: { zh: '销号时间', en: 'Closed' }, width: 17, numFmt: 'yyyy-mm-dd hh:mm', value: (r) => shanghaiCell(r.closedAt) },
  { header: { zh: '检查人员', en: 'Inspector' }, width: 12, value: (r) => r.inspectorName },
  { header: { zh: '法律依据', en: 'Legal basis' }, width: 40, value: (r) => r.legalBasis },
];

/** The hazards matching `where` as the ledger sheet, in the list's order, read in keyset pages. */
export function ledgerSheet(db: Executor, where: SQL, today: string, lang: ExportLanguage): XlsxSheet<LedgerRow> {
  let names: Promise<Map<string, string>> | undefined;
  const page = async (after: Key | undefined, size: number): Promise<LedgerRow[]> => {
    names ??= townAndVillageNames(db);
    const [rows, byCode] = await Promise.all([ledgerPage(db, where, after, size), names]);
    return rows.map((r) => {
      // Paths are district/town/village/grid/micro-grid codes.
      const [, town, village] = r.areaPath.split('/').filter(Boolean);
      const open = r.status === 'open' || r.status === 'pending_review';
      return {
        ...r,
        townName: (town && byCode.get(town)) ?? null,
        villageName: (village && byCode.get(village)) ?? null,
        overdue: open && r.mode === 'deadline' && !!r.deadline && r.deadline < today,
      };
    });
  };
  return {
    name: lang === 'zh' ? '隐患台账' : 'Hazard ledger',
    columns: LEDGER_COLUMNS,
    lang,
    batches: keysetBatches<LedgerRow, Key>(page, (r) => ({ foundAt: r.foundAtKey, id: r.id })),
  };
}

export const ledgerFileNames = (now = new Date()) => ({ fileName: `隐患台账-${fileDay(now)}.xlsx`, asciiFileName: `hazard-ledger-${fileDay(now)}.xlsx` });
