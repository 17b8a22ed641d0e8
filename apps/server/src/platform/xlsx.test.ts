import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { contentDisposition, dayCell, shanghaiCell, writeXlsx, type XlsxColumn } from './xlsx.ts';

type Row = { n: number; at: Date };
const COLUMNS: XlsxColumn<Row>[] = [
  { header: { zh: '序号', en: 'No.' }, width: 6, value: (r) => r.n },
  { header: { zh: '时间', en: 'Time' }, width: 17, numFmt: 'yyyy-mm-dd hh:mm', value: (r) => shanghaiCell(r.at) },
];

async function* pages(count: number, size: number, read: number[]) {
  for (let start = 0; start < count; start += size) {
    read.push(start);
    yield Array.from({ length: Math.min(size, count - start) }, (_, i) => ({ n: start + i + 1, at: new Date(Date.UTC(2026, 10, 22, 16, 30)) }));
  }
}

describe('writeXlsx', () => {
  it('writes a styled sheet with a frozen header, widths and Shanghai date cells', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const seen: number[] = [];
    const rows = await writeXlsx(out, { name: '测试', columns: COLUMNS, batches: pages(7, 3, []) }, (n) => seen.push(n));
    expect(rows).toBe(7);
    expect(seen).toEqual([3, 6, 7]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('测试')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBe(17);
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '时间']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    // 16:30 UTC on the 22nd is 00:30 on the 23rd in Shanghai.
    expect(sheet.getCell('B2').value).toEqual(new Date('2026-11-23T00:30:00Z'));
    expect(sheet.getCell('B2').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.rowCount).toBe(8);
  });

  it('stops reading pages when the client goes away', async () => {
    // A sink that never drains, destroyed as soon as the first page has been written.
    const out = new Writable({ highWaterMark: 1, write: () => {} });
    const read: number[] = [];
    const writing = writeXlsx(out, { name: 'x', columns: COLUMNS, styled: false, batches: pages(50_000, 5_000, read) }, () => setImmediate(() => out.destroy()));
    await expect(writing).rejects.toThrow(/aborted/);
    expect(read).toEqual([0]);
  });
});

describe('cells and headers', () => {
  it('turns calendar days into date cells and names files for every browser', () => {
    expect(dayCell('2026-11-23')).toEqual(new Date('2026-11-23T00:00:00Z'));
    expect(dayCell(null)).toBeNull();
    expect(contentDisposition('受检单位.xlsx', 'sites.xlsx')).toBe(`attachment; filename="sites.xlsx"; filename*=UTF-8''%E5%8F%97%E6%A3%80%E5%8D%95%E4%BD%8D.xlsx`);
  });
});
