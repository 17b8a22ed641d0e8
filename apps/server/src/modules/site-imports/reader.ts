import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { badRequest } from '../../platform/errors.ts';
import { mapHeader, type HeaderMap } from './parse.ts';

export interface SheetRow {
  number: number;
  /** Indexed by column number, as exceljs gives them. */
  values: readonly unknown[];
}

export interface Roster {
  header: HeaderMap;
  /** The data rows; once they end (or the loop breaks) the reader is closed. */
  rows: AsyncIterable<SheetRow>;
  /** Releases the reader without reading on (after a header check). */
  close(): Promise<void>;
  /** Which worksheet (0-based, in file order) holds the roster. */
  sheetIndex: number;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

const notXlsx = (old: boolean) =>
  badRequest(
    'not_xlsx',
    old ? '这是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再上传' : '文件不是有效的 Excel（.xlsx）文件，请下载模板填写后上传',
    old ? 'This is an old .xls file; save it as .xlsx in Excel and upload again' : 'The file is not a valid Excel (.xlsx) workbook; fill in the template and upload it',
  );

/** The streaming reader failed on the workbook itself (bad zip or XML, or exceljs losing an entry). */
class UnreadableWorkbook extends Error {}

/**
 * Streams the roster out of an xlsx: the first worksheet whose first non-blank row carries the
 * roster's headers (so a notes sheet in front is skipped), then its rows one at a time. Throws a
 * 400 for a file that is not xlsx or has no sheet with the right headers.
 *
 * exceljs's streaming reader now and then loses a zip entry of a valid workbook under load and
 * fails on it (exceljs#3064, unzipper#234: entries dropped while the consumer awaits); the upload
 * is already in memory, so a failed pass is read once more before the file is called invalid.
 */
export async function openRoster(source: Buffer): Promise<Roster> {
  if (!source.subarray(0, 4).equals(ZIP_MAGIC)) throw notXlsx(source.subarray(0, 4).equals(OLE_MAGIC));
  try {
    return await readRoster(source);
  } catch (error) {
    if (!(error instanceof UnreadableWorkbook)) throw error;
    try {
      return await readRoster(source);
    } catch (again) {
      if (again instanceof UnreadableWorkbook) throw Object.assign(notXlsx(false), { cause: again.cause });
      throw again;
    }
  }
}

async function readRoster(source: Buffer): Promise<Roster> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([source]), { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' });
  const sheets = reader[Symbol.asyncIterator]();
  let closest: { matched: number; missing: string[]; duplicated: string[] } | undefined;
  let sheetIndex = -1;
  try {
    for (let next = await sheets.next(); !next.done; next = await sheets.next()) {
      sheetIndex += 1;
      const sheet = next.value;
      const rows = sheet[Symbol.asyncIterator]();
      for (let row = await rows.next(); !row.done; row = await rows.next()) {
        const values = row.value.values as unknown[];
        if (!values.some((v) => v !== null && v !== undefined && String(v).trim() !== '')) continue;
        const result = mapHeader(values);
        if (result.ok) {
          const close = once(() => closeReader(sheet, sheets));
          return { header: result.header, rows: remaining(rows, close), close, sheetIndex };
        }
        if (!closest || result.matched > closest.matched) closest = result;
        break; // the first non-blank row is not our header: try the next sheet
      }
    }
  } catch (cause) {
    throw new UnreadableWorkbook('unreadable workbook', { cause });
  }
  if (sheetIndex < 0) throw notXlsx(false);
  const problems = [...(closest?.missing.length ? [`缺少列：${closest.missing.join('、')}`] : []), ...(closest?.duplicated.length ? [`重复的列：${closest.duplicated.join('、')}`] : [])];
  const problemsEn = [...(closest?.missing.length ? [`missing ${closest.missing.join(', ')}`] : []), ...(closest?.duplicated.length ? [`repeated ${closest.duplicated.join(', ')}`] : [])];
  throw badRequest(
    'wrong_headers',
    `表头与受检单位名册模板不符（${problems.join('；')}），请下载模板填写后上传`,
    `The header row does not match the site roster template (${problemsEn.join('; ')}); download the template and fill it in`,
    [...(closest?.missing ?? []).map((h) => ({ path: h, message: '缺少此列', messageEn: 'Missing column' })), ...(closest?.duplicated ?? []).map((h) => ({ path: h, message: '此列重复', messageEn: 'Repeated column' }))],
  );
}

async function* remaining(rows: AsyncIterator<ExcelJS.Row>, close: () => Promise<void>): AsyncGenerator<SheetRow> {
  try {
    for (let row = await rows.next(); !row.done; row = await rows.next()) {
      yield { number: row.value.number, values: row.value.values as unknown[] };
    }
  } finally {
    await close();
  }
}

type SheetReader = ExcelJS.stream.xlsx.WorksheetReader;

/**
 * exceljs parks a worksheet that precedes the shared strings (as Excel writes them) in a temp
 * file and reads it through a file stream: destroy that stream and let the workbook reader run
 * to its end, so the temp files are removed and no descriptor stays open.
 */
async function closeReader(current: SheetReader, sheets: AsyncIterator<SheetReader>) {
  const release = (sheet: SheetReader) => {
    const source = (sheet as unknown as { iterator?: { destroy?: () => void } }).iterator;
    if (typeof source?.destroy === 'function') source.destroy();
  };
  release(current);
  try {
    for (let next = await sheets.next(); !next.done; next = await sheets.next()) release(next.value);
  } catch {
    // the data is read; a broken tail does not matter here
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

const ROW_TAG = Buffer.from('<row');
const SHEET_ENTRY = /^xl\/worksheets\/sheet\d+\.xml$/;

/**
 * A quick estimate of the data rows, for the progress bar: the `<row` elements of the roster's
 * worksheet, counted in the inflated XML without parsing it, less the header. 0 if unsure.
 */
export async function estimateRows(source: Buffer, sheetIndex: number): Promise<number> {
  try {
    const end = source.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0) return 0;
    const count = source.readUInt16LE(end + 10);
    let p = source.readUInt32LE(end + 16);
    const entries: { method: number; compressed: number; local: number }[] = [];
    for (let i = 0; i < count && source.readUInt32LE(p) === 0x02014b50; i++) {
      const nameLength = source.readUInt16LE(p + 28);
      const name = source.toString('utf8', p + 46, p + 46 + nameLength);
      if (SHEET_ENTRY.test(name)) entries.push({ method: source.readUInt16LE(p + 10), compressed: source.readUInt32LE(p + 20), local: source.readUInt32LE(p + 42) });
      p += 46 + nameLength + source.readUInt16LE(p + 30) + source.readUInt16LE(p + 32);
    }
    const best = entries[sheetIndex];
    if (!best) return 0;
    const start = best.local + 30 + source.readUInt16LE(best.local + 26) + source.readUInt16LE(best.local + 28);
    const data = Readable.from([source.subarray(start, start + best.compressed)]);
    const xml = best.method === 8 ? data.pipe(zlib.createInflateRaw()) : data;
    let rows = 0;
    let carry: Buffer = Buffer.alloc(0);
    for await (const chunk of xml as AsyncIterable<Buffer>) {
      const buf: Buffer = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      let at = buf.indexOf(ROW_TAG);
      while (at >= 0 && at + 4 < buf.length) {
        if (buf[at + 4] === 0x20 || buf[at + 4] === 0x3e) rows += 1; // not <rowBreaks
        at = buf.indexOf(ROW_TAG, at + 4);
      }
      carry = at >= 0 ? buf.subarray(at) : buf.subarray(Math.max(0, buf.length - 3));
    }
    return Math.max(0, rows - 1);
  } catch {
    return 0;
  }
}
