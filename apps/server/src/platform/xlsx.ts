import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';

/**
 * Streamed xlsx exports: rows are read in keyset batches and flushed to the response as they are
 * written, so a million rows never sit in memory. An export reports its progress (rows written
 * of the total counted first) under an id the browser chose, which the web polls while the
 * browser's own download manager receives the file (docs/exports.md).
 */

/** Rows read per query: enough to keep the database busy, few enough to keep memory flat. */
export const EXPORT_BATCH = 5000;

export type ExportLanguage = 'zh' | 'en';

export interface XlsxColumn<Row> {
  /** Officials expect Chinese headers; English is for the English interface (`?lang=en`). */
  header: { zh: string; en: string };
  width: number;
  value(row: Row, lang: ExportLanguage): ExcelJS.CellValue;
  /** Excel number format, e.g. 'yyyy-mm-dd hh:mm' for a date cell (styled sheets only). */
  numFmt?: string;
}

export interface XlsxSheet<Row> {
  name: string;
  columns: readonly XlsxColumn<Row>[];
  /** Successive pages of rows; an empty or short page ends the sheet. */
  batches: AsyncIterable<Row[]>;
  lang?: ExportLanguage;
  /**
   * Bold, shaded header and formatted date cells. Styles roughly triple the time per row, so a
   * plain data sheet meant for re-import (the site roster) turns them off.
   */
  styled?: boolean;
}

/**
 * Pages through a result in keyset order: `page(after)` returns up to `size` rows following the
 * key of the last row of the previous page (undefined for the first).
 */
export async function* keysetBatches<Row, Key>(page: (after: Key | undefined, size: number) => Promise<Row[]>, keyOf: (row: Row) => Key, size = EXPORT_BATCH): AsyncGenerator<Row[]> {
  let after: Key | undefined;
  for (;;) {
    const rows = await page(after, size);
    if (rows.length) yield rows;
    if (rows.length < size) return;
    after = keyOf(rows.at(-1)!);
  }
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

async function drainedOrClosed(out: Writable): Promise<void> {
  const done = new AbortController();
  try {
    await Promise.race([once(out, 'drain', { signal: done.signal }), once(out, 'close', { signal: done.signal })]);
  } finally {
    done.abort();
  }
}

/** Writes one sheet to `out` and returns the number of data rows; `onRows` hears the running count after each batch. */
export async function writeXlsx<Row>(out: Writable, sheet: XlsxSheet<Row>, onRows?: (rows: number) => void): Promise<number> {
  const lang = sheet.lang ?? 'zh';
  const styled = sheet.styled ?? true;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: styled, useSharedStrings: false });
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: c.header[lang], width: c.width, ...(styled && c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const header = ws.getRow(1);
  if (styled) {
    header.font = { bold: true };
    header.fill = HEADER_FILL;
    header.alignment = { vertical: 'middle' };
    header.height = 22;
  }
  header.commit();
  let count = 0;
  for await (const batch of sheet.batches) {
    for (const row of batch) ws.addRow(sheet.columns.map((c) => c.value(row, lang))).commit();
    count += batch.length;
    onRows?.(count);
    if (out.writableNeedDrain) await drainedOrClosed(out);
    // The client went away (closed the tab, cancelled the download): read no further pages.
    if (out.destroyed) throw new Error('export aborted: the response stream was closed');
  }
  ws.commit();
  await workbook.commit();
  return count;
}

/** RFC 5987: a Chinese file name for browsers that read filename*, an ASCII one for the rest. */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Today in China as YYYYMMDD, for file names. */
export function fileDay(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * An instant as a date cell showing Asia/Shanghai wall time: Excel has no time zones, so the
 * cell holds the Shanghai clock reading (exceljs writes Date values as UTC).
 */
export function shanghaiCell(at: Date | null): Date | null {
  return at ? new Date(at.getTime() + 8 * 3600_000) : null;
}

/** A 'YYYY-MM-DD' calendar day as a date cell. */
export function dayCell(day: string | null): Date | null {
  return day ? new Date(`${day}T00:00:00Z`) : null;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExportProgress {
  rows: number;
  total: number | null;
  done: boolean;
  failed: boolean;
}

/** Progress of running exports by `${userId}:${exportId}`; one process serves the app, so memory is the right place. */
const progress = new Map<string, ExportProgress & { expires: number }>();
const PROGRESS_TTL_MS = 10 * 60_000;

function track(userId: string, exportId: string | undefined, total: number | null) {
  if (!exportId) return () => {};
  const now = Date.now();
  for (const [key, entry] of progress) if (entry.expires < now) progress.delete(key);
  const entry = { rows: 0, total, done: false, failed: false, expires: now + PROGRESS_TTL_MS };
  progress.set(`${userId}:${exportId}`, entry);
  return (update: Partial<ExportProgress>) => Object.assign(entry, update, { expires: Date.now() + PROGRESS_TTL_MS });
}

/** The caller's own export only: another user's id reads as unknown. */
export function exportProgress(userId: string, exportId: string): ExportProgress | undefined {
  const entry = progress.get(`${userId}:${exportId}`);
  return entry && { rows: entry.rows, total: entry.total, done: entry.done, failed: entry.failed };
}

export interface XlsxDownload<Row> extends XlsxSheet<Row> {
  fileName: string;
  asciiFileName: string;
  /** Rows the export will hold, counted before streaming (X-Total-Count and the progress bar). */
  total: number | null;
  userId: string;
  /** Chosen by the browser so it can poll GET /api/exports/:id/progress while downloading. */
  exportId?: string | undefined;
}

/**
 * Answers with the sheet as a streamed attachment. Errors after the headers are sent can only
 * cut the stream short (the browser reports a failed download) and mark the progress failed.
 */
export function sendXlsx<Row>(reply: FastifyReply, download: XlsxDownload<Row>): FastifyReply {
  const out = new PassThrough();
  const report = track(download.userId, download.exportId, download.total);
  writeXlsx(out, download, (rows) => report({ rows }))
    .then((rows) => report({ rows, done: true }))
    .catch((error: Error) => {
      report({ failed: true });
      out.destroy(error);
    });
  if (download.total !== null) reply.header('x-total-count', String(download.total));
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', contentDisposition(download.fileName, download.asciiFileName))
    .header('cache-control', 'no-store')
    .header('x-accel-buffering', 'no')
    .send(out);
}
