import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
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
 * Allocates the next number of a kind for the site's town in the Asia/Shanghai year of `now`.
 * One upsert both creates the year's counter and increments it, so two concurrent issuers in
 * the same town queue on the counter row and can never get the same number; being inside the
 * caller's transaction, a rolled-back write gives its number back.
 */
export async function allocateDocumentNumber(tx: Executor, siteAreaPath: string, kind: DocumentKind, now: Date): Promise<AllocatedNumber> {
  const town = await townOf(tx, siteAreaPath);
  if (!town) {
    throw badRequest('no_town', '该单位不在任何镇街之下，无法编号', 'The site is not under any town, so no document number can be issued');
  }
  const year = numberingYear(now);
  const [row] = await tx
    .insert(documentCounters)
    .values({ townId: town.id, kind, year, lastSeq: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.townId, documentCounters.kind, documentCounters.year],
      set: { lastSeq: sql`${documentCounters.lastSeq} + 1` },
    })
    .returning({ lastSeq: documentCounters.lastSeq });
  const seq = row!.lastSeq;
  const parts = { townShortName: townShortName(town.name), year, seq };
  const number = kind === 'notice' ? formatNoticeNumber(parts) : formatYellowCardNumber(parts);
  return { number, townId: town.id, year, seq };
}
