import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/errors.ts';
import { areas } from '../areas/schema.ts';
import { formatNoticeNumber, formatYellowCardNumber, numberingYear } from '../notices/numbering.ts';
import { documentCounters } from './schema.ts';

export type DocumentKind = 'notice' | 'yellow_card';

export interface AllocatedNumber {
  number: string;
  townId: string;
  year: number;
  seq: number;
}

/**
 * The abbreviation a town signs its documents with: 瓜沥镇 → 瓜沥, 北干街道 → 北干, 河上乡 → 河上.
 * A name that is nothing but the suffix keeps its full form rather than becoming empty.
 */
export function townShortName(name: string): string {
  const short = name.trim().replace(/(街道办事处|街道|镇|乡)$/u, '');
  return short.length > 0 ? short : name.trim();
}

/** Every proper prefix path of a materialised path, root first (the path itself included). */
export function pathPrefixes(areaPath: string): string[] {
  const codes = areaPath.split('/').filter(Boolean);
  return codes.map((_, i) => `/${codes.slice(0, i + 1).join('/')}/`);
}

/** The town (镇街) a site belongs to: the nearest ancestor area of level 'town'. */
export async function townOf(db: Executor, areaPath: string) {
  const rows = await db
    .select({ id: areas.id, name: areas.name, path: areas.path })
    .from(areas)
    .where(and(inArray(areas.path, pathPrefixes(areaPath)), eq(areas.level, 'town')))
    .orderBy(asc(sql`length(${areas.path})`));
  return rows.at(-1);
}

/**
 * Allocates the next number of a kind for the site's town in the Asia/Shanghai year of `now`, in one
 * statement: it finds the town, and one upsert both creates the year's counter and increments it,
 * so two concurrent issuers in the same town queue on the counter row and can never get the same
 * number. Inside a transaction, a rolled-back write gives its number back, but the counter row stays
 * locked until that transaction ends; see `allocateOutside` for the busy path.
 */
export async function allocateDocumentNumber(db: Executor, siteAreaPath: string, kind: DocumentKind, now: Date): Promise<AllocatedNumber> {
  const year = numberingYear(now);
  const prefixes = sql.join(
    pathPrefixes(siteAreaPath).map((p) => sql`${p}`),
    sql`, `,
  );
  const result = await db.execute<{ town_id: string; name: string; seq: number }>(sql`
    with town as (
      select ${areas.id} as id, ${areas.name} as name from ${areas}
      where ${areas.path} in (${prefixes}) and ${areas.level} = 'town'
      order by length(${areas.path}) desc limit 1
    ), counter as (
      insert into ${documentCounters} (town_id, kind, year, last_seq)
      select id, ${kind}, ${year}, 1 from town
      on conflict (town_id, kind, year) do update set last_seq = ${documentCounters}.last_seq + 1
      returning town_id, last_seq
    )
    select counter.town_id, town.name, counter.last_seq as seq from counter join town on town.id = counter.town_id`);
  const row = (result as unknown as { rows: { town_id: string; name: string; seq: number }[] }).rows[0];
  if (!row) {
    throw badRequest('no_town', '该单位不在任何镇街之下，无法编号', 'The site is not under any town, so no document number can be issued');
  }
  const parts = { townShortName: townShortName(row.name), year, seq: row.seq };
  const number = kind === 'notice' ? formatNoticeNumber(parts) : formatYellowCardNumber(parts);
  return { number, townId: row.town_id, year, seq: row.seq };
}

/**
 * The same, committed at once outside the caller's transaction where the database allows it
 * (PostgreSQL's sidecar pool), so the town's counter row is locked for one statement instead of
 * until the caller commits: concurrent inspections in one town no longer queue behind each other.
 * Numbers stay unique per town and year; the price is that a transaction failing after this call
 * leaves its number unused (a gap), and numbers need not appear in commit order. On PGlite (one
 * connection, nothing concurrent) it runs inside the transaction as before.
 */
export function allocateOutside(database: Database, tx: Executor, siteAreaPath: string, kind: DocumentKind, now: Date): Promise<AllocatedNumber> {
  return allocateDocumentNumber(database.sidecar ?? tx, siteAreaPath, kind, now);
}
