import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { LABELS_ZH, SiteListQuery } from '@anxun/contracts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { findArea } from '../areas/queries.ts';
import { areas } from '../areas/schema.ts';
import { COLOUR_HEADER, ROSTER_COLUMNS, cellValueOf, headerOf } from '../site-imports/columns.ts';
import { canSite } from './policy.ts';
import { siteFilters } from './queries.ts';
import { sites } from './schema.ts';

export const SiteExportQuery = SiteListQuery.omit({ page: true, pageSize: true });
export type SiteExportQuery = Omit<SiteListQuery, 'page' | 'pageSize'>;

/** Rows read per query: enough to keep the database busy, few enough to keep memory flat. */
export const EXPORT_BATCH = 5000;

/** RFC 5987: a Chinese file name for browsers that read filename*, an ASCII one for the rest. */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

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

/** Today in China, for the file name. */
export function exportFileNames(now = new Date()) {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return { fileName: `受检单位-${day}.xlsx`, asciiFallback: `sites-${day}.xlsx` };
}

/**
 * Writes the sites matching `where` as xlsx to `out`, in the roster template's columns (so the
 * file re-imports as is) plus 五色. The database is read in keyset pages by id and rows are
 * flushed as they are written, so a million sites never sit in memory.
 */
export async function writeSitesXlsx(db: Executor, where: SQL, out: Writable): Promise<number> {
  // Styles triple the time per row; codes are written as text cells, which is what re-import needs.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('受检单位名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    ...ROSTER_COLUMNS.map((c) => ({ header: headerOf(c), width: c.width })),
    { header: COLOUR_HEADER, width: 8 },
  ];
  sheet.getRow(1).commit();
  let count = 0;
  let after: string | undefined;
  for (;;) {
    const page = await db
      .select(EXPORT_SELECTION)
      .from(sites)
      .innerJoin(areas, eq(areas.id, sites.areaId))
      .where(after ? and(where, gt(sites.id, after)) : where)
      .orderBy(asc(sites.id))
      .limit(EXPORT_BATCH);
    for (const site of page) sheet.addRow([...ROSTER_COLUMNS.map((c) => cellValueOf(c, site)), LABELS_ZH.colour[site.colour]]).commit();
    count += page.length;
    if (page.length < EXPORT_BATCH) break;
    after = page.at(-1)!.id;
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
