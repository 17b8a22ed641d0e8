import type { z } from 'zod';
import type { ImportRowError, SiteWriteBody } from '@anxun/contracts';
import { EXAMPLE_PREFIX, ROSTER_COLUMNS, headerOf, type RosterColumn, type RosterRecord } from './columns.ts';

export type RowError = z.infer<typeof ImportRowError>;

/** A cell reduced to what the roster cares about; `{ error }` is an Excel error value like #N/A. */
export type Cell = string | number | null | { error: string };

/** Pure: exceljs gives strings, numbers, dates, rich text, hyperlinks and formulas; keep only the text or number. */
export function normaliseCell(raw: unknown): Cell {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw.trim() === '' ? null : raw.trim();
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10);
  if (typeof raw === 'object') {
    const o = raw as { richText?: { text?: string }[]; text?: unknown; result?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
    if (Array.isArray(o.richText)) return normaliseCell(o.richText.map((r) => r.text ?? '').join(''));
    if (typeof o.error === 'string') return { error: o.error };
    if ('formula' in o || 'sharedFormula' in o) return normaliseCell(o.result);
    if ('text' in o) return normaliseCell(o.text);
  }
  return null;
}

/** Pure: a header compared without the required marker, spaces or a unit in brackets. */
export const normaliseHeader = (text: string) => text.replace(/[*＊\s]/g, '').replace(/[(（][^)）]*[)）]/g, '');

export interface HeaderMap {
  columns: { index: number; column: RosterColumn }[];
}

export type HeaderResult = { ok: true; header: HeaderMap } | { ok: false; matched: number; missing: string[]; duplicated: string[] };

/** Pure: which sheet column holds which roster column; `values` is indexed by column number. */
export function mapHeader(values: readonly unknown[]): HeaderResult {
  const byName = new Map(ROSTER_COLUMNS.map((c) => [normaliseHeader(c.label), c]));
  const columns: HeaderMap['columns'] = [];
  const duplicated: string[] = [];
  values.forEach((raw, index) => {
    const cell = normaliseCell(raw);
    if (typeof cell !== 'string') return;
    const column = byName.get(normaliseHeader(cell));
    if (!column) return; // extra columns (序号, 五色, notes) are ignored
    if (columns.some((c) => c.column === column)) duplicated.push(headerOf(column));
    else columns.push({ index, column });
  });
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !columns.some((m) => m.column === c)).map(headerOf);
  if (missing.length || duplicated.length) return { ok: false, matched: columns.length, missing, duplicated };
  return { ok: true, header: { columns } };
}

export interface ParsedRow {
  row: number;
  /** Every cell that parsed, so later checks (area, duplicates) can report on a row with other errors too. */
  fields: Partial<RosterRecord>;
  /** Set only when every cell parsed. */
  record: RosterRecord | null;
  errors: RowError[];
}

type Parsed = { ok: true; value: unknown } | { ok: false; zh: string; en: string };

const shown = (cell: Cell) => {
  const text = String(cell);
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
};

function matchOption(column: RosterColumn, text: string): string | undefined {
  const key = text.toLowerCase().replace(/[\s_-]/g, '');
  for (const [value, label] of Object.entries(column.options ?? {})) {
    if (key === label.toLowerCase().replace(/[\s_-]/g, '') || key === value.replace(/_/g, '')) return value;
  }
  return undefined;
}

function textOf(column: RosterColumn, cell: string | number): Parsed {
  if (typeof cell === 'string') return { ok: true, value: column.type === 'code' ? cell.replace(/\s/g, '') : cell };
  // A long digit string typed into a General cell becomes a float and loses its last digits.
  if (column.type === 'code' && !Number.isSafeInteger(cell)) {
    return { ok: false, zh: '数字过长已被 Excel 改写，请将该列设为“文本”格式后重新填写', en: 'Excel turned this long number into a float; format the column as Text and re-enter it' };
  }
  return { ok: true, value: String(cell) };
}

function numberOf(cell: string | number): number | null {
  if (typeof cell === 'number') return cell;
  const text = cell.replace(/[,，\s]/g, '');
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : null;
}

/** Pure: one cell to its typed value, checked with the contract's rule. */
export function parseCell(column: RosterColumn, cell: Cell): Parsed {
  if (cell === null) {
    if (column.required) return { ok: false, zh: '必填项不能为空', en: 'This column is required' };
    return { ok: true, value: column.type === 'flags' ? [] : column.key === 'coordSystem' ? 'wgs84' : null };
  }
  if (typeof cell === 'object') {
    return { ok: false, zh: `单元格是错误值 ${cell.error}，请填写实际内容`, en: `The cell holds the error value ${cell.error}; enter the actual value` };
  }
  const invalid = { ok: false as const, zh: `${column.invalidZh}（填写的是：${shown(cell)}）`, en: `${column.invalidEn} (got: ${shown(cell)})` };
  let value: unknown;
  switch (column.type) {
    case 'text':
    case 'code': {
      const text = textOf(column, cell);
      if (!text.ok) return text;
      value = text.value;
      break;
    }
    case 'enum':
      value = matchOption(column, String(cell));
      if (value === undefined) return invalid;
      break;
    case 'flags': {
      const parts = String(cell).split(/[、,，;；\s]+/).filter(Boolean);
      const values = parts.map((p) => matchOption(column, p));
      if (values.some((v) => v === undefined)) return invalid;
      value = [...new Set(values)];
      break;
    }
    case 'integer':
    case 'decimal':
      value = numberOf(cell);
      if (value === null) return invalid;
      break;
  }
  const checked = column.rule.safeParse(value);
  return checked.success ? { ok: true, value: checked.data } : invalid;
}

const error = (row: number, column: RosterColumn | string, zh: string, en: string): RowError => ({
  row,
  column: typeof column === 'string' ? column : headerOf(column),
  reason: zh,
  reasonEn: en,
});

/**
 * Pure: one sheet row to a roster record or its errors. Blank rows and the template's example
 * row give null: they are not data.
 */
export function parseRow(row: number, values: readonly unknown[], header: HeaderMap): ParsedRow | null {
  const cells = header.columns.map(({ index, column }) => ({ column, cell: normaliseCell(values[index]) }));
  if (cells.every((c) => c.cell === null)) return null;
  const name = cells.find((c) => c.column.key === 'name')?.cell;
  if (typeof name === 'string' && name.startsWith(EXAMPLE_PREFIX)) return null;

  const errors: RowError[] = [];
  const record: Record<string, unknown> = { flags: [], coordSystem: 'wgs84' };
  for (const { column, cell } of cells) {
    const parsed = parseCell(column, cell);
    if (parsed.ok) record[column.key] = parsed.value;
    else errors.push(error(row, column, parsed.zh, parsed.en));
  }
  for (const column of ROSTER_COLUMNS) record[column.key] ??= null; // columns absent from the sheet

  const lng = ROSTER_COLUMNS.find((c) => c.key === 'lng')!;
  const lat = ROSTER_COLUMNS.find((c) => c.key === 'lat')!;
  const lngErr = errors.some((e) => e.column === headerOf(lng));
  const latErr = errors.some((e) => e.column === headerOf(lat));
  if (!lngErr && !latErr && (record.lng === null) !== (record.lat === null)) {
    const missing = record.lng === null ? lng : lat;
    errors.push(error(row, missing, '经度和纬度须同时填写', 'Longitude and latitude go together'));
  }
  const fields = record as Partial<RosterRecord>;
  return { row, fields, record: errors.length ? null : (fields as RosterRecord), errors };
}

/** Pure: a roster record as the body a site write takes. */
export function toSiteBody(record: RosterRecord, areaId: string): z.infer<typeof SiteWriteBody> {
  return {
    kind: record.kind,
    flags: record.flags,
    name: record.name,
    creditCode: record.creditCode,
    address: record.address,
    location: record.lng !== null && record.lat !== null ? { lng: record.lng, lat: record.lat } : null,
    coordSystem: record.coordSystem,
    areaId,
    responsiblePerson: record.responsiblePerson,
    phone: record.phone,
    industry: record.industry,
    riskLevel: record.riskLevel,
    employees: record.employees,
    floorArea: record.floorArea,
  };
}
