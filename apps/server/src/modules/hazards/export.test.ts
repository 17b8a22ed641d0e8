import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { HazardSummary } from '@anxun/contracts';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, insertDepartment, insertSite, insertUser } from '../../../test/factories.ts';
import { insertCheckItem, insertHazard } from '../../../test/closed-loop-rows.ts';
import { EXPORT_BATCH, keysetBatches } from '../../platform/xlsx.ts';
import { hazardFilters } from './queries.ts';
import { hazards } from './schema.ts';
import { LEDGER_COLUMNS, ledgerSheet } from './export.ts';
import { SYSTEM_ACTOR } from '../../platform/context.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof areaTree>>;
let village: string;
let town: string;
let party: string;
let bulkSiteId: string;
const BULK = EXPORT_BATCH + 30; // more than one keyset page
const TODAY = '2026-11-23';

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  tree = await areaTree(db);
  const villageUser = await insertUser(db, ['village'], [tree.villageA]);
  village = await t.login(villageUser.username);
  town = await t.login((await insertUser(db, ['town'], [tree.town])).username);
  const department = await insertDepartment(db);
  const item = await insertCheckItem(db, department.id);
  const siteA = await insertSite(db, tree.microA, { name: '东恩机械厂', phone: '13900000077' });
  party = await t.login((await insertUser(db, ['party'], [], { phone: '13900000077' })).username);
  const siteB = await insertSite(db, tree.microB, { name: '航民纺织厂' });
  await insertHazard(db, siteA, department.id, { checkItemId: item.id, level: 'major', description: '配电箱无漏电保护', deadline: '2020-01-01' });
  await insertHazard(db, siteA, department.id, { checkItemId: item.id, status: 'closed', mode: 'immediate', deadline: null, description: '灭火器过期' });
  await insertHazard(db, siteA, department.id, { checkItemId: item.id, level: 'major', status: 'pending_review', description: '疏散通道堵塞' });
  await insertHazard(db, siteB, department.id, { checkItemId: item.id, level: 'major', description: '邻村隐患' });
  const bulkSite = await insertSite(db, tree.gridA, { name: '出租房集中区' });
  bulkSiteId = bulkSite.id;
  // Many hazards found within the same few seconds: the keyset must not skip or repeat ties.
  const rows = Array.from({ length: BULK }, (_, i) => ({
    id: randomUUID(),
    siteId: bulkSite.id,
    areaPath: bulkSite.areaPath,
    departmentId: department.id,
    level: 'general' as const,
    mode: 'deadline' as const,
    status: 'open' as const,
    description: `批量隐患${i}`,
    deadline: '2099-12-31',
    foundAt: new Date(Date.UTC(2026, 10, 20, 2, 0, i % 7)),
  }));
  for (let i = 0; i < rows.length; i += 1000) await db.insert(hazards).values(rows.slice(i, i + 1000));
});
afterAll(() => t.close());

const download = (cookie: string, query = '') => t.app.inject({ method: 'GET', url: `/api/hazards/export.xlsx${query}`, headers: { cookie } });

async function sheetOf(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const values: unknown[][] = [];
  sheet.eachRow((row) => values.push(Array.from({ length: LEDGER_COLUMNS.length }, (_, i) => row.getCell(i + 1).value ?? null)));
  return { name: sheet.name, header: values[0]!, rows: values.slice(1) };
}

async function listed(cookie: string, query: string): Promise<HazardSummary[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/hazards?pageSize=200${query}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

describe('GET /api/hazards/export.xlsx', () => {
  it('holds the rows of the list for the same filters, in its order, with the ledger columns', async () => {
    for (const filter of ['&level=major', '&status=closed', '&overdue=true', '&q=通道', `&siteId=${bulkSiteId}&status=pending_review`]) {
      const res = await download(village, `?${filter.slice(1)}`);
      expect(res.statusCode, res.body).toBe(200);
      const { rows } = await sheetOf(res.rawPayload);
      const items = await listed(village, filter);
      expect(rows.map((r) => [r[0], r[5]]), filter).toEqual(items.map((h) => [h.siteName, h.description]));
      expect(res.headers['x-total-count']).toBe(String(items.length));
    }
  });

  it('writes Chinese headers, area names, labels, Shanghai dates and 逾期', async () => {
    const res = await download(village, '?level=major');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="hazard-ledger-\d{8}\.xlsx"; filename\*=UTF-8''%E9%9A%90%E6%82%A3%E5%8F%B0%E8%B4%A6-\d{8}\.xlsx$/);
    const { name, header, rows } = await sheetOf(res.rawPayload);
    expect(name).toBe('隐患台账');
    expect(header).toEqual(['受检单位', '所属镇街', '所属村社', '责任部门', '检查项', '隐患描述', '隐患等级', '整改方式', '发现时间', '整改期限', '状态', '销号时间', '检查人员', '法律依据']);
    const overdue = rows.find((r) => r[5] === '配电箱无漏电保护')!;
    expect(overdue.slice(0, 8)).toEqual(['东恩机械厂', '瓜沥镇', '东恩村', '消防', expect.stringMatching(/^XF-\d+ 疏散通道、安全出口是否畅通$/), '配电箱无漏电保护', '重大隐患', '限期整改']);
    expect(overdue[9]).toEqual(new Date('2020-01-01T00:00:00Z'));
    expect(overdue[10]).toBe('待整改（逾期）');
    expect(overdue[13]).toBe('《中华人民共和国消防法》第二十八条');
    // Found "now": the cell shows the Shanghai clock, eight hours ahead of UTC.
    const [hazard] = await listed(village, '&q=配电箱');
    expect((overdue[8] as Date).getTime() - Date.parse(hazard!.foundAt)).toBe(8 * 3600_000);
    expect(rows.find((r) => r[5] === '疏散通道堵塞')![10]).toBe('待复查');
  });

  it('writes English headers and labels on request', async () => {
    const { name, header, rows } = await sheetOf((await download(village, '?level=major&lang=en')).rawPayload);
    expect(name).toBe('Hazard ledger');
    expect(header.slice(0, 3)).toEqual(['Site', 'Town', 'Village']);
    expect(rows.find((r) => r[5] === '配电箱无漏电保护')![10]).toBe('open (overdue)');
  });

  it('never exports a hazard outside the scope, and refuses a party and an area outside', async () => {
    const { rows } = await sheetOf((await download(village, '?level=major')).rawPayload);
    expect(rows.map((r) => r[5])).not.toContain('邻村隐患');
    const wide = await sheetOf((await download(town, '?level=major')).rawPayload);
    expect(wide.rows.map((r) => r[5])).toContain('邻村隐患');
    const outside = await download(village, `?areaId=${tree.villageB.id}`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'forbidden', message: '没有导出隐患台账的权限' });
    expect((await download(party)).statusCode).toBe(403);
    expect((await download('')).statusCode).toBe(401);
  });

  it('streams a big ledger in keyset batches, every row once', async () => {
    const where = hazardFilters(SYSTEM_ACTOR, { siteId: bulkSiteId }, TODAY);
    const sizes: number[] = [];
    const ids = new Set<string>();
    for await (const batch of ledgerSheet(t.database.db, where, TODAY, 'zh').batches) {
      sizes.push(batch.length);
      for (const row of batch) ids.add(row.id);
    }
    expect(sizes).toEqual([EXPORT_BATCH, BULK - EXPORT_BATCH]);
    expect(ids.size).toBe(BULK);

    const res = await download(village, `?siteId=${bulkSiteId}&exportId=bulk-export-1`);
    expect(res.headers['x-total-count']).toBe(String(BULK));
    const { rows } = await sheetOf(res.rawPayload);
    expect(new Set(rows.map((r) => r[5])).size).toBe(BULK);
  });

  it('reports progress of the caller’s own export only', async () => {
    await download(village, '?level=major&exportId=progress-test-1');
    const mine = await t.app.inject({ method: 'GET', url: '/api/exports/progress-test-1/progress', headers: { cookie: village } });
    expect(mine.json()).toEqual({ rows: 2, total: 2, done: true, failed: false });
    const theirs = await t.app.inject({ method: 'GET', url: '/api/exports/progress-test-1/progress', headers: { cookie: town } });
    expect(theirs.statusCode).toBe(404);
  });
});

describe('keysetBatches', () => {
  it('asks for the page after the last key until a short page', async () => {
    const data = Array.from({ length: 7 }, (_, i) => i);
    const asked: (number | undefined)[] = [];
    const batches: number[][] = [];
    for await (const batch of keysetBatches<number, number>(async (after, size) => {
      asked.push(after);
      return data.filter((n) => after === undefined || n > after).slice(0, size);
    }, (n) => n, 3)) batches.push(batch);
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(asked).toEqual([undefined, 2, 5]);
  });

  it('stops after a full last page with one empty read, yielding no empty batch', async () => {
    const batches: number[][] = [];
    for await (const batch of keysetBatches<number, number>(async (after) => (after === undefined ? [1, 2] : []), (n) => n, 2)) batches.push(batch);
    expect(batches).toEqual([[1, 2]]);
  });
});
