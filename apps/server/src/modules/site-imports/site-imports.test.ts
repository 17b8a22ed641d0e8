import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, creditCode, insertSite, insertUser } from '../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../../platform/context.ts';
import { verifyAuditLog } from '../audit/verify.ts';
import { siteImports, sites } from '../sites/schema.ts';
import { ROSTER_COLUMNS, headerOf, type RosterRecord } from './columns.ts';
import { importRosterFile, importsSettled, XLSX_MIME } from './service.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof areaTree>>;
let admin: string;
let village: string;
let inspector: string;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await areaTree(t.database.db);
  admin = await t.login((await insertUser(t.database.db, ['admin'], [tree.district])).username);
  village = await t.login((await insertUser(t.database.db, ['village'], [tree.villageA])).username);
  inspector = await t.login((await insertUser(t.database.db, ['inspector'], [tree.villageA])).username);
});
afterAll(async () => {
  await importsSettled();
  await t.close();
});

type Cells = Partial<Record<keyof RosterRecord, string | number | null>>;

async function workbook(rows: (Cells | null)[], headers = ROSTER_COLUMNS.map(headerOf)): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名册');
  sheet.addRow(headers);
  for (const cells of rows) sheet.addRow(cells ? ROSTER_COLUMNS.map((c) => cells[c.key] ?? null) : []);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(cookie: string, data: Buffer, name = '名册.xlsx', type = XLSX_MIME) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type }), name);
  return t.app.inject({ method: 'POST', url: '/api/site-imports', headers: { cookie }, payload: form });
}

async function settle(cookie: string, id: string) {
  await importsSettled();
  const res = await t.app.inject({ method: 'GET', url: `/api/site-imports/${id}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const commit = (cookie: string, id: string) => t.app.inject({ method: 'POST', url: `/api/site-imports/${id}/commit`, headers: { cookie } });
const importCount = async () => (await t.database.db.select({ n: count() }).from(siteImports))[0]!.n;

const ok = (n: number, extra: Cells = {}): Cells => ({ name: `瓜沥导入测试${n}有限公司`, kind: '企业', address: `瓜沥镇导入路 ${n} 号`, areaCode: tree.microA.code, ...extra });

describe('roster import over HTTP', () => {
  it('validates every row, reports problems row by row, imports only on commit, never twice', async () => {
    const registered = await insertSite(t.database.db, tree.microA, { name: '已有企业', address: '老街 1 号' });
    const file = await workbook([
      ok(1, { creditCode: creditCode(7001), phone: '13800138001', riskLevel: '较大', employees: 12, flags: '厂中厂、三合一' }), // row 2
      ok(2, { kind: '沿街商铺', areaCode: tree.gridA.code, lng: 120.5, lat: 30.2, coordSystem: 'GCJ-02' }), // row 3
      ok(3, { kind: '工厂', phone: '12345' }), // row 4
      ok(4, { creditCode: creditCode(7001) }), // row 5: same code as row 2
      ok(5, { name: '已有企业', address: '老街 1 号' }), // row 6: registered
      ok(6, { areaCode: tree.town.code }), // row 7
      ok(7, { areaCode: 'NO-SUCH-AREA' }), // row 8
      null, // row 9: blank
      ok(8, { kind: '出租房' }), // row 10
    ]);
    const res = await upload(admin, file);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: 'validating', totalRows: 8, importedRows: 0 }); // estimated from the sheet's rows
    const id = res.json().importId;

    const report = await settle(admin, id);
    expect(report).toEqual({
      importId: id,
      status: 'validated',
      totalRows: 8,
      processedRows: 8,
      validRows: 3,
      duplicateRows: 2,
      importedRows: 0,
      errors: [
        { row: 4, column: '类型*', reason: '类型须为：企业、沿街商铺、出租房、高层建筑、其他（填写的是：工厂）', reasonEn: 'Kind must be one of the listed options (got: 工厂)' },
        { row: 4, column: '手机号', reason: '手机号须为 11 位大陆手机号码（填写的是：12345）', reasonEn: 'Phone must be an 11-digit mainland mobile number (got: 12345)' },
        { row: 5, column: '统一社会信用代码', reason: '与第 2 行重复（统一社会信用代码相同）', reasonEn: 'Duplicate of row 2 (same credit code)' },
        { row: 6, column: '单位名称*', reason: '已登记：已有企业（单位名称和地址相同）', reasonEn: 'Already registered: 已有企业 (same name and address)' },
        { row: 7, column: '所属区域代码*', reason: `须填写村社、网格或微网格的代码（${tree.town.code} 是镇街）`, reasonEn: `Use the code of a village, grid or micro-grid (${tree.town.code} is a town)` },
        { row: 8, column: '所属区域代码*', reason: '区域代码 NO-SUCH-AREA 不存在或不在您的管辖范围内', reasonEn: 'Area code NO-SUCH-AREA does not exist or is outside your scope' },
      ],
    });
    const imported = () => t.database.db.select().from(sites).where(inArray(sites.name, [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `瓜沥导入测试${n}有限公司`)));
    expect(await imported()).toEqual([]);

    const committed = await commit(admin, id);
    expect(committed.statusCode, committed.body).toBe(202);
    expect(committed.json().status).toBe('importing');
    const done = await settle(admin, id);
    expect(done).toMatchObject({ status: 'done', totalRows: 8, validRows: 3, duplicateRows: 2, importedRows: 3 });

    const rows = await imported();
    expect(rows.map((r) => r.name).sort()).toEqual(['瓜沥导入测试1有限公司', '瓜沥导入测试2有限公司', '瓜沥导入测试8有限公司']);
    const first = rows.find((r) => r.name === '瓜沥导入测试1有限公司')!;
    expect(first).toMatchObject({ kind: 'enterprise', creditCode: creditCode(7001), phone: '13800138001', riskLevel: 'orange', employees: 12, flags: ['factory_in_factory', 'three_in_one'], areaId: tree.microA.id, areaPath: tree.microA.path });
    const shop = rows.find((r) => r.name === '瓜沥导入测试2有限公司')!;
    expect(shop).toMatchObject({ kind: 'street_shop', areaId: tree.gridA.id });
    expect(shop.lng).not.toBe(120.5); // GCJ-02 stored as WGS-84
    expect(Math.abs(shop.lng! - 120.5)).toBeLessThan(0.01);
    expect(registered.id).toBeDefined();

    const timeline = (await t.app.inject({ method: 'GET', url: `/api/sites/${first.id}/timeline`, headers: { cookie: admin } })).json();
    expect(timeline.map((e: { action: string }) => e.action)).toEqual(['site.imported']);
    expect(timeline[0].changes).toContainEqual({ field: 'importId', before: null, after: id });
    expect(timeline[0].changes).toContainEqual({ field: 'importRow', before: null, after: 2 });
    expect((await verifyAuditLog(t.database.db)).breaks).toEqual([]);

    const again = await commit(admin, id);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'import_not_committable', message: '该文件已导入，不能重复导入' });

    const second = await upload(admin, file);
    const rerun = await settle(admin, second.json().importId);
    expect(rerun).toMatchObject({ status: 'validated', totalRows: 8, validRows: 0, duplicateRows: 5 });
    expect(rerun.errors.filter((e: { reason: string }) => e.reason.startsWith('已登记')).map((e: { row: number }) => e.row)).toEqual([2, 3, 5, 6, 10]);
    await commit(admin, second.json().importId);
    expect(await settle(admin, second.json().importId)).toMatchObject({ status: 'done', importedRows: 0 });
    expect(await imported()).toHaveLength(3);
  });

  it('re-checks duplicates at commit time', async () => {
    const file = await workbook([ok(101), ok(102)]);
    const id = (await upload(admin, file)).json().importId;
    expect(await settle(admin, id)).toMatchObject({ validRows: 2 });
    await insertSite(t.database.db, tree.microA, { name: '瓜沥导入测试101有限公司', address: '瓜沥镇导入路 101 号' });
    await commit(admin, id);
    const done = await settle(admin, id);
    expect(done).toMatchObject({ status: 'done', validRows: 1, duplicateRows: 1, importedRows: 1 });
    expect(done.errors).toEqual([{ row: 2, column: '单位名称*', reason: '已登记：瓜沥导入测试101有限公司（单位名称和地址相同）', reasonEn: 'Already registered: 瓜沥导入测试101有限公司 (same name and address)' }]);
    expect(await t.database.db.select().from(sites).where(eq(sites.name, '瓜沥导入测试101有限公司'))).toHaveLength(1);
  });

  it('keeps an import to its uploader (not even an admin sees it) and each row to the uploader\'s scope', async () => {
    const file = await workbook([ok(201), ok(202, { areaCode: tree.microB.code })]);
    const res = await upload(village, file);
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().importId;
    const report = await settle(village, id);
    expect(report).toMatchObject({ validRows: 1, errors: [{ row: 3, column: '所属区域代码*', reason: `区域代码 ${tree.microB.code} 不存在或不在您的管辖范围内` }] });
    expect((await t.app.inject({ method: 'GET', url: `/api/site-imports/${id}`, headers: { cookie: inspector } })).statusCode).toBe(404);
    expect((await commit(inspector, id)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/site-imports/${id}`, headers: { cookie: admin } })).statusCode).toBe(404);
  });

  it('refuses an actor without the import permission, a non-xlsx file and wrong headers, writing nothing', async () => {
    const before = await importCount();
    const good = await workbook([ok(301)]);
    const refused = await upload(inspector, good);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden', message: '没有批量导入受检单位的权限' });

    const text = await upload(admin, Buffer.from('单位名称,类型\n甲,企业\n'), 'roster.csv', 'text/csv');
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ code: 'not_xlsx', message: '文件不是有效的 Excel（.xlsx）文件，请下载模板填写后上传' });

    const headers = await upload(admin, await workbook([ok(302)], ['单位名称', '类别', '地址*']));
    expect(headers.statusCode).toBe(400);
    expect(headers.json()).toMatchObject({
      code: 'wrong_headers',
      message: '表头与受检单位名册模板不符（缺少列：类型*、所属区域代码*），请下载模板填写后上传',
      messageEn: 'The header row does not match the site roster template (missing 类型*, 所属区域代码*); download the template and fill it in',
    });
    expect(await importCount()).toBe(before);
  });

  it('serves a template that re-imports with no data and no errors', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/site-imports/template.xlsx', headers: { cookie: village } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="site-roster-template.xlsx"; filename*=UTF-8''${encodeURIComponent('受检单位名册导入模板.xlsx')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [sheet, notes] = wb.worksheets;
    expect((sheet!.getRow(1).values as unknown[]).slice(1)).toEqual(ROSTER_COLUMNS.map(headerOf));
    expect(String(sheet!.getRow(2).getCell(1).value)).toMatch(/^示例：/);
    expect(sheet!.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ['"企业,沿街商铺,出租房,高层建筑,其他"'] });
    expect(notes!.name).toBe('填写说明');

    const uploaded = await upload(village, res.rawPayload);
    expect(await settle(village, uploaded.json().importId)).toMatchObject({ status: 'validated', totalRows: 0, errors: [] });
  });
});

describe('importRosterFile (CLI)', () => {
  it('imports nothing while a row is invalid, unless told to import the valid rows', async () => {
    const { default: fs } = await import('node:fs');
    const { default: os } = await import('node:os');
    const { default: path } = await import('node:path');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'roster-')), 'r.xlsx');
    fs.writeFileSync(file, await workbook([ok(401), ok(402, { phone: '123' })]));
    const ctx = { database: t.database, actor: SYSTEM_ACTOR, ip: null, requestId: null };
    const progress: string[] = [];
    const checked = await importRosterFile(ctx, file, { onProgress: (p) => progress.push(p.status) });
    expect(checked).toMatchObject({ status: 'validated', totalRows: 2, validRows: 1, importedRows: 0, errors: [{ row: 3, column: '手机号' }] });
    expect(progress).toEqual(['validating']);
    expect(await t.database.db.select().from(sites).where(eq(sites.name, '瓜沥导入测试401有限公司'))).toEqual([]);

    const done = await importRosterFile(ctx, file, { validOnly: true });
    expect(done).toMatchObject({ status: 'done', validRows: 1, importedRows: 1 });
    expect(await t.database.db.select().from(sites).where(eq(sites.name, '瓜沥导入测试401有限公司'))).toHaveLength(1);
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});
