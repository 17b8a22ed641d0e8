import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { LABELS_ZH } from '@anxun/contracts';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, creditCode, insertSite, insertUser } from '../../../test/factories.ts';
import { areas } from '../areas/schema.ts';
import { COLOUR_HEADER, ROSTER_COLUMNS, cellValueOf, headerOf } from '../site-imports/columns.ts';
import { importsSettled } from '../site-imports/service.ts';
import { EXPORT_BATCH, contentDisposition } from '../../platform/xlsx.ts';
import { sites } from './schema.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof areaTree>>;
let village: string;
let admin: string;
let party: string;

const BULK = EXPORT_BATCH + 50; // more than one keyset page

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  tree = await areaTree(db);
  village = await t.login((await insertUser(db, ['village'], [tree.villageA])).username);
  admin = await t.login((await insertUser(db, ['admin'], [tree.district])).username);
  party = await t.login((await insertUser(db, ['party'], [], { phone: '13900000001' })).username);
  await insertSite(db, tree.microA, { kind: 'enterprise', creditCode: creditCode(1), flags: ['factory_in_factory', 'multi_tenant'], riskLevel: 'red', colour: 'red', employees: 40, floorArea: 1500.5, industry: '纺织', responsiblePerson: '李四' });
  await insertSite(db, tree.gridA, { kind: 'street_shop', riskLevel: 'blue', colour: 'green', lng: null, lat: null });
  await insertSite(db, tree.microB, { kind: 'enterprise', name: '邻村企业' });
  const bulk = Array.from({ length: BULK }, (_, i) => ({
    id: randomUUID(),
    kind: 'rental_housing' as const,
    name: `出租房${i}`,
    address: `东恩村出租路 ${i} 号`,
    areaId: tree.microA.id,
    areaPath: tree.microA.path,
  }));
  for (let i = 0; i < bulk.length; i += 1000) await db.insert(sites).values(bulk.slice(i, i + 1000));
});
afterAll(async () => {
  await importsSettled();
  await t.close();
});

const download = (cookie: string, query = '') => t.app.inject({ method: 'GET', url: `/api/sites/export.xlsx${query}`, headers: { cookie } });

async function rowsOf(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const values: unknown[][] = [];
  sheet.eachRow((row) => values.push(Array.from({ length: ROSTER_COLUMNS.length + 1 }, (_, i) => row.getCell(i + 1).value ?? null)));
  return values;
}

/** What the export should hold for the sites under a path, in id order. */
async function expected(pathPrefix: string) {
  const rows = await t.database.db
    .select({ site: sites, areaCode: areas.code })
    .from(sites)
    .innerJoin(areas, eq(areas.id, sites.areaId))
    .where(like(sites.areaPath, `${pathPrefix}%`))
    .orderBy(asc(sites.id));
  return rows.map(({ site, areaCode }) => [...ROSTER_COLUMNS.map((c) => cellValueOf(c, { ...site, areaCode })), LABELS_ZH.colour[site.colour]]);
}

describe('GET /api/sites/export.xlsx', () => {
  it('streams every site in scope, in the roster columns plus 五色, with a Chinese file name', async () => {
    const res = await download(village);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="sites-\d{8}\.xlsx"; filename\*=UTF-8''%E5%8F%97%E6%A3%80%E5%8D%95%E4%BD%8D-\d{8}\.xlsx$/);
    const [header, ...rows] = await rowsOf(res.rawPayload);
    expect(header).toEqual([...ROSTER_COLUMNS.map(headerOf), COLOUR_HEADER]);
    expect(rows).toHaveLength(BULK + 2);
    expect(rows).toEqual(await expected(tree.villageA.path));
    expect(rows.flat()).not.toContain('邻村企业');
    const first = rows.find((r) => r[2] === creditCode(1))!;
    expect(first).toEqual(expect.arrayContaining(['企业', tree.microA.code, 'WGS-84', '重大', '厂中厂、一厂多租', 40, 1500.5, '红']));
  });

  it('applies the list filters', async () => {
    const shops = await rowsOf((await download(village, '?kind=street_shop')).rawPayload);
    expect(shops.slice(1).map((r) => [r[1], r[4], r[7], r[15]])).toEqual([['沿街商铺', tree.gridA.code, null, '绿']]);
    const red = await rowsOf((await download(admin, `?areaId=${tree.villageA.id}&riskLevel=red`)).rawPayload);
    expect(red.slice(1).map((r) => r[2])).toEqual([creditCode(1)]);
    const none = await rowsOf((await download(village, '?q=不存在的单位')).rawPayload);
    expect(none).toHaveLength(1);
  });

  it('refuses a party and an area outside the scope', async () => {
    expect((await download(party)).statusCode).toBe(403);
    const outside = await download(village, `?areaId=${tree.villageB.id}`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'forbidden', message: '没有导出受检单位的权限' });
    expect((await download('')).statusCode).toBe(401);
  });

  it('re-imports cleanly: every row is a known duplicate, none is invalid', async () => {
    const file = (await download(village, '?kind=enterprise')).rawPayload;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), 'export.xlsx');
    const uploaded = await t.app.inject({ method: 'POST', url: '/api/site-imports', headers: { cookie: village }, payload: form });
    expect(uploaded.statusCode, uploaded.body).toBe(202);
    await importsSettled();
    const report = (await t.app.inject({ method: 'GET', url: `/api/site-imports/${uploaded.json().importId}`, headers: { cookie: village } })).json();
    expect(report).toMatchObject({ status: 'validated', totalRows: 1, validRows: 0, duplicateRows: 1 });
    expect(report.errors).toEqual([expect.objectContaining({ row: 2, column: '统一社会信用代码', reason: expect.stringMatching(/^已登记：/) })]);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII name and an RFC 5987 UTF-8 one', () => {
    expect(contentDisposition('受检单位.xlsx', 'sites.xlsx')).toBe(`attachment; filename="sites.xlsx"; filename*=UTF-8''%E5%8F%97%E6%A3%80%E5%8D%95%E4%BD%8D.xlsx`);
  });
});
