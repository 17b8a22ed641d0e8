import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { like, sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, insertDepartment, insertSite, insertUser } from '../../../test/factories.ts';
import { sites } from '../../modules/sites/schema.ts';
import { hazards } from '../../modules/hazards/schema.ts';
import { cappedCount, countLimit, hasMorePage, TOTAL_CAP } from './paging.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof areaTree>>;
let village: string;
/** Hazard ids newest first, as the ledger must list them. */
let newestFirst: string[];

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  tree = await areaTree(db);
  village = await t.login((await insertUser(db, ['village'], [tree.villageA])).username);
  const department = await insertDepartment(db);
  const site = await insertSite(db, tree.microA, { name: '五金店甲' });
  await insertSite(db, tree.microA, { name: '五金店乙' });
  await insertSite(db, tree.microA, { name: '五金店丙' });
  await insertSite(db, tree.microB, { name: '五金店外村' });
  // Found one hour apart, inserted in a shuffled order so the list has to sort.
  const rows = Array.from({ length: 12 }, (_, i) => ({
    id: randomUUID(),
    siteId: site.id,
    areaPath: site.areaPath,
    departmentId: department.id,
    level: 'general' as const,
    mode: 'deadline' as const,
    status: 'open' as const,
    description: `隐患${i}`,
    deadline: '2099-12-31',
    foundAt: new Date(Date.UTC(2026, 10, 1, i)),
  }));
  await db.insert(hazards).values([...rows].sort((a, b) => a.id.localeCompare(b.id)));
  newestFirst = [...rows].reverse().map((r) => r.id);
});
afterAll(() => t.close());

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: village } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('cappedCount', () => {
  it('counts exactly up to the limit and says so past it', async () => {
    const db = t.database.db;
    const all = db.select({ one: sql`1` }).from(sites).where(like(sites.areaPath, `${tree.district.path}%`)).$dynamic();
    expect(await cappedCount(db, all, 4)).toEqual({ total: 4, capped: false });
    const again = db.select({ one: sql`1` }).from(sites).where(like(sites.areaPath, `${tree.district.path}%`)).$dynamic();
    expect(await cappedCount(db, again, 3)).toEqual({ total: 3, capped: true });
  });

  it('counts far enough to place a page beyond the cap', () => {
    expect(countLimit(1, 20)).toBe(TOTAL_CAP);
    expect(countLimit(TOTAL_CAP / 20 + 1, 20)).toBe(TOTAL_CAP + 20);
  });
});

describe('hasMorePage', () => {
  it('keeps the page and reports a lower bound while a next row exists', () => {
    expect(hasMorePage([1, 2, 3], 2, 2)).toEqual({ items: [1, 2], total: 4, totalCapped: true, page: 2, pageSize: 2 });
    expect(hasMorePage([1], 2, 2)).toEqual({ items: [1], total: 3, totalCapped: false, page: 2, pageSize: 2 });
  });
});

describe('GET /api/sites paging', () => {
  it('gives an exact total under the cap', async () => {
    expect(await get('/api/sites?pageSize=2')).toMatchObject({ total: 3, totalCapped: false });
  });

  it('pages a keyword search by has-more, without counting', async () => {
    const first = await get('/api/sites?q=五金店&pageSize=2');
    expect(first).toMatchObject({ total: 2, totalCapped: true, page: 1 });
    const second = await get('/api/sites?q=五金店&pageSize=2&page=2');
    expect(second).toMatchObject({ total: 3, totalCapped: false, page: 2 });
    expect([...first.items, ...second.items].map((s: { name: string }) => s.name).sort()).toEqual(['五金店丙', '五金店乙', '五金店甲']);
  });
});

describe('GET /api/hazards paging', () => {
  it('lists newest first on every page, with the exact total', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => get(`/api/hazards?pageSize=5&page=${page}`)));
    expect(pages.map((p) => [p.total, p.totalCapped])).toEqual([[12, false], [12, false], [12, false]]);
    expect(pages.flatMap((p) => p.items.map((h: { id: string }) => h.id))).toEqual(newestFirst);
  });

  it('pages a keyword search by has-more in the same order', async () => {
    const first = await get('/api/hazards?q=隐患&pageSize=10');
    expect(first).toMatchObject({ total: 10, totalCapped: true });
    const second = await get('/api/hazards?q=隐患&pageSize=10&page=2');
    expect(second).toMatchObject({ total: 12, totalCapped: false });
    expect([...first.items, ...second.items].map((h: { id: string }) => h.id)).toEqual(newestFirst);
  });
});
