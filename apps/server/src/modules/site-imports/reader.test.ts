import { describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';
import { ROSTER_COLUMNS, headerOf } from './columns.ts';
import { estimateRows, openRoster } from './reader.ts';

async function book(sheets: { name: string; rows: unknown[][] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) wb.addWorksheet(sheet.name).addRows(sheet.rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HEADERS = ROSTER_COLUMNS.map(headerOf);

async function refusal(source: Buffer) {
  try {
    await openRoster(source);
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, code: error.code, zh: error.messageZh };
    throw error;
  }
  throw new Error('accepted');
}

describe('openRoster', () => {
  it('finds the roster behind a notes sheet and streams its rows', async () => {
    const source = await book([
      { name: '说明', rows: [['请按模板填写'], ['第二行']] },
      { name: '名册', rows: [[], HEADERS, ['甲', '企业'], [], ['乙', '企业']] },
    ]);
    const roster = await openRoster(source);
    expect(roster.sheetIndex).toBe(1);
    expect(roster.header.columns).toHaveLength(ROSTER_COLUMNS.length);
    const rows: [number, unknown][] = [];
    for await (const row of roster.rows) rows.push([row.number, row.values[1]]);
    expect(rows).toEqual([
      [3, '甲'],
      [5, '乙'],
    ]);
    expect(await estimateRows(source, roster.sheetIndex)).toBe(2);
  });

  it('closes without reading on', async () => {
    const roster = await openRoster(await book([{ name: '名册', rows: [HEADERS, ['甲']] }]));
    await roster.close();
    await roster.close();
  });

  it('refuses old .xls files, non-spreadsheets and sheets without the roster headers', async () => {
    expect(await refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toEqual({ status: 400, code: 'not_xlsx', zh: '这是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再上传' });
    expect(await refusal(Buffer.from('PK\u0003\u0004 not really a zip'))).toMatchObject({ status: 400, code: 'not_xlsx' });
    expect(await refusal(await book([{ name: 'A', rows: [['名称', '地址']] }, { name: 'B', rows: [['单位名称', '地址', '地址*']] }]))).toEqual({
      status: 400,
      code: 'wrong_headers',
      zh: '表头与受检单位名册模板不符（缺少列：类型*、所属区域代码*；重复的列：地址*），请下载模板填写后上传',
    });
  });

  it('reads a valid workbook again when exceljs loses an entry on the first pass (exceljs#3064)', async () => {
    const source = await book([{ name: '名册', rows: [HEADERS, ['甲']] }]);
    const prototype = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as { _parseWorksheet: (...args: unknown[]) => unknown };
    const original = prototype._parseWorksheet;
    const lost = vi.spyOn(prototype, '_parseWorksheet').mockImplementationOnce(function (this: { model?: unknown }, ...args: unknown[]) {
      // What the race looks like: the worksheet is reached before xl/workbook.xml was parsed.
      this.model = undefined;
      return original.apply(this, args);
    });
    try {
      const roster = await openRoster(source);
      const names: unknown[] = [];
      for await (const row of roster.rows) names.push(row.values[1]);
      expect(names).toEqual(['甲']);
      expect(lost.mock.calls.length).toBeGreaterThan(1);
    } finally {
      lost.mockRestore();
    }
  });

  it('keeps the reason a damaged workbook could not be read', async () => {
    const source = await book([{ name: '名册', rows: [HEADERS, ['甲']] }]);
    const damaged = Buffer.concat([source.subarray(0, 600), Buffer.alloc(200, 0x41), source.subarray(800)]);
    const error = await openRoster(damaged).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('not_xlsx');
    expect((error as AppError).cause).toBeInstanceOf(Error);
  });
});
