import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { ExportParams, LABELS_ZH, SiteListQuery } from '@anxun/contracts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { fileDay, keysetBatches, type XlsxColumn, type XlsxSheet } from '../../platform/xlsx.ts';
import { findArea } from '../areas/queries.ts';
import { areas } from '../areas/schema.ts';
import { COLOUR_HEADER, ROSTER_COLUMNS, cellValueOf, headerOf } from '../site-imports/columns.ts';
import { canSite } from './policy.ts';
import { siteFilters } from './queries.ts';
import { sites } from './schema.ts';

export const SiteExportQuery = SiteListQuery.omit({ page: true, pageSize: true }).extend(ExportParams.shape);
export type SiteExportQuery = Omit<SiteListQuery, 'page' | 'pageSize'>;

/**
 * PGlite runs no autovacuum, so after bulk loads the planner works from no statistics and pages
 * a keyset scan by sorting the whole table each time (seconds per page at 1M sites). Analyze
 * when autovacuum would: more than 50 + 10% of the rows changed since the last analyze.
 */
export async function analyzeSitesIfStale(database: Database): Promise<void> {
  if (database.kind !== 'pglite') return;
  try {
    const result = await database.db.execute(sql`select n_live_tup as live, n_mod_since_analyze as changed from pg_stat_user_tables where relname = 'sites'`);
    const stats = (result as unknown as { rows: { live: number; changed: number }[] }).rows[0];
    if (stats && Number(stats.changed) > 50 + 0.1 * Number(stats.live)) await database.db.execute(sql`analyze sites`);
  } catch {
    // only an optimisation: the query that follows works without it, just slower
  }
}

/** The filter of an export, after checking the actor may export that area (or, unfiltered, somewhere). */
export async function prepareExport(ctx: RequestContext, query: SiteExportQuery): Promise<SQL> {
  const area = query.areaId ? await findArea(ctx.database.db, query.areaId) : undefined;
  if (query.areaId && !area) throw notFound('area');
  const allowed = area ? canSite(ctx.actor, 'export', { areaPath: area.path }) : ctx.actor.scopePaths.some((areaPath) => canSite(ctx.actor, 'export', { areaPath }));
  if (!allowed) throw forbidden('没有导出受检单位的权限', 'You may not export sites');
  await analyzeSitesIfStale(ctx.database);
  return siteFilters(ctx.actor, query, area?.path);
}

/** Only what the sheet shows: decoding unused columns (timestamps above all) is most of a page's cost. */
const EXPORT_SELECTION = {
  id: sites.id,
  kind: sites.kind,
  flags: sites.flags,
  name: sites.name,
  creditCode: sites.creditCode,
  address: sites.address,
  areaCode: areas.code,
  lng: sites.lng,
  lat: sites.lat,
  responsiblePerson: sites.responsiblePerson,
  phone: sites.phone,
  industry: sites.industry,
  riskLevel: sites.riskLevel,
  employees: sites.employees,
  floorArea: sites.floorArea,
  colour: sites.colour,
};

type SiteExportRow = Awaited<ReturnType<typeof sitePage>>[number];

function sitePage(db: Executor, where: SQL, after: string | undefined, size: number) {
  return db
    .select(EXPORT_SELECTION)
    .from(sites)
    .innerJoin(areas, eq(areas.id, sites.areaId))
    .where(after ? and(where, gt(sites.id, after)) : where)
    .orderBy(asc(sites.id))
    .limit(size);
}

/** The roster template's columns (so the file re-imports as is) plus 五色; headers stay Chinese, which re-import needs. */
const SITE_COLUMNS: XlsxColumn<SiteExportRow>[] = [
  ...ROSTER_COLUMNS.map((c): XlsxColumn<SiteExportRow> => ({ header: { zh: headerOf(c), en: headerOf(c) }, width: c.width, value: (site) => cellValueOf(c, site) })),
  { header: { zh: COLOUR_HEADER, en: COLOUR_HEADER }, width: 8, value: (site) => LABELS_ZH.colour[site.colour] },
];

/**
 * The sites matching `where` as one sheet, read in keyset pages by id. Unstyled: styles triple
 * the time per row, and codes are written as text cells, which is what re-import needs.
 */
export function siteSheet(db: Executor, where: SQL): XlsxSheet<SiteExportRow> {
  return { name: '受检单位名册', columns: SITE_COLUMNS, styled: false, batches: keysetBatches<SiteExportRow, string>((after, size) => sitePage(db, where, after, size), (site) => site.id) };
}

export async function countSites(db: Executor, where: SQL): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(sites).where(where);
  return row?.n ?? 0;
}

export const siteExportFileNames = (now = new Date()) => ({ fileName: `受检单位-${fileDay(now)}.xlsx`, asciiFileName: `sites-${fileDay(now)}.xlsx` });
