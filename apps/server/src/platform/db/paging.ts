import { sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Executor } from './client.ts';

/**
 * Lists stop counting here. An exact count(*) of a district's million sites costs 250–310 ms
 * however it is indexed, and nobody pages through 10,000 rows: past the cap the total reads
 * "10,000+" and one more page is always offered while rows remain (bench/RESULTS.md, Findings).
 */
export const TOTAL_CAP = 10_000;

/** A page of a list; `totalCapped` means there are more than `total` rows (the count stopped, or a next page exists). */
export interface Paged<T> {
  items: T[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

/** Counting far enough to place this page: the cap, or the page's end when someone pages past it. */
export const countLimit = (page: number, pageSize: number) => Math.max(TOTAL_CAP, page * pageSize);

/**
 * `select count(*) from (<rows> limit N+1)`: reads at most N+1 rows, so a broad scope costs what
 * the cap costs. `rows` selects anything from the filtered rows (a constant is cheapest).
 */
export async function cappedCount(db: Executor, rows: PgSelect, limit: number): Promise<{ total: number; capped: boolean }> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(rows.limit(limit + 1).as('counted'));
  const n = row?.n ?? 0;
  return n > limit ? { total: limit, capped: true } : { total: n, capped: false };
}

/**
 * Has-more paging for keyword searches, whose count must test every row in scope (seconds at city
 * scale) while the page itself stops at its 21st match: fetch pageSize + 1 rows, no count.
 */
export function hasMorePage<T>(rows: T[], page: number, pageSize: number): Paged<T> {
  const items = rows.slice(0, pageSize);
  return { items, total: (page - 1) * pageSize + items.length, totalCapped: rows.length > pageSize, page, pageSize };
}
