import { LABELS_ZH, type AreaLevel } from '@anxun/contracts';
import type { Actor } from '../../platform/context.ts';
import { canSite } from '../sites/policy.ts';
import { ROSTER_COLUMNS, SITE_AREA_LEVELS, headerOf, type RosterRecord } from './columns.ts';
import type { ParsedRow, RowError } from './parse.ts';

export interface AreaRef {
  id: string;
  code: string;
  level: AreaLevel;
  path: string;
}

export interface ExistingSite {
  name: string;
  address: string;
  creditCode: string | null;
  areaPath: string;
}

/** What one batch needs from the database, fetched set-based before the rows are checked. */
export interface Lookups {
  areas: ReadonlyMap<string, AreaRef>;
  existing: readonly ExistingSite[];
}

export interface ValidSite {
  row: number;
  record: RosterRecord;
  area: AreaRef;
}

export type RowOutcome = { row: number; status: 'valid'; site: ValidSite; errors: [] } | { row: number; status: 'duplicate' | 'invalid'; errors: RowError[] };

const header = (key: keyof RosterRecord) => headerOf(ROSTER_COLUMNS.find((c) => c.key === key)!);
export const nameAddressKey = (name: string, address: string) => `${name}\u0000${address}`;

/** The rows seen so far in this file: the first occurrence of a site wins, later ones are duplicates. */
export interface FileIndex {
  byCode: Map<string, number>;
  byNameAddress: Map<string, number>;
}
export const createFileIndex = (): FileIndex => ({ byCode: new Map(), byNameAddress: new Map() });

/** Pure: the area codes and site keys a batch must look up. */
export function batchKeys(rows: readonly ParsedRow[]) {
  const areaCodes = new Set<string>();
  const creditCodes = new Set<string>();
  const nameAddresses = new Map<string, { name: string; address: string }>();
  for (const { fields } of rows) {
    if (fields.areaCode) areaCodes.add(fields.areaCode);
    if (fields.creditCode) creditCodes.add(fields.creditCode);
    if (fields.name && fields.address) nameAddresses.set(nameAddressKey(fields.name, fields.address), { name: fields.name, address: fields.address });
  }
  return { areaCodes: [...areaCodes], creditCodes: [...creditCodes], nameAddresses: [...nameAddresses.values()] };
}

function areaError(actor: Actor, row: number, code: string, area: AreaRef | undefined): RowError | null {
  const column = header('areaCode');
  if (!area || !canSite(actor, 'read', { areaPath: area.path })) {
    return { row, column, reason: `区域代码 ${code} 不存在或不在您的管辖范围内`, reasonEn: `Area code ${code} does not exist or is outside your scope` };
  }
  if (!SITE_AREA_LEVELS.has(area.level)) {
    return { row, column, reason: `须填写村社、网格或微网格的代码（${code} 是${LABELS_ZH.area[area.level]}）`, reasonEn: `Use the code of a village, grid or micro-grid (${code} is a ${area.level})` };
  }
  if (!canSite(actor, 'import', { areaPath: area.path })) {
    return { row, column, reason: `您无权向区域 ${code} 导入受检单位`, reasonEn: `You may not import sites into area ${code}` };
  }
  return null;
}

interface Registered {
  byCode: Map<string, ExistingSite>;
  byNameAddress: Map<string, ExistingSite>;
}

function duplicateErrors(actor: Actor, row: number, fields: ParsedRow['fields'], seen: FileIndex, existing: Registered): RowError[] {
  const errors: RowError[] = [];
  const codeColumn = header('creditCode');
  const nameColumn = header('name');
  const key = fields.name && fields.address ? nameAddressKey(fields.name, fields.address) : null;
  const registered = (site: ExistingSite) =>
    canSite(actor, 'read', site) ? { zh: `已登记：${site.name}`, en: `Already registered: ${site.name}` } : { zh: '已登记（该单位不在您的管辖范围内）', en: 'Already registered (outside your scope)' };

  const byCode = fields.creditCode ? existing.byCode.get(fields.creditCode) : undefined;
  const firstByCode = fields.creditCode ? seen.byCode.get(fields.creditCode) : undefined;
  if (byCode) {
    const who = registered(byCode);
    errors.push({ row, column: codeColumn, reason: `${who.zh}（统一社会信用代码相同）`, reasonEn: `${who.en} (same credit code)` });
  } else if (firstByCode !== undefined) {
    errors.push({ row, column: codeColumn, reason: `与第 ${firstByCode} 行重复（统一社会信用代码相同）`, reasonEn: `Duplicate of row ${firstByCode} (same credit code)` });
  }
  if (errors.length === 0 && key) {
    const byName = existing.byNameAddress.get(key);
    const firstByName = seen.byNameAddress.get(key);
    if (byName) {
      const who = registered(byName);
      errors.push({ row, column: nameColumn, reason: `${who.zh}（单位名称和地址相同）`, reasonEn: `${who.en} (same name and address)` });
    } else if (firstByName !== undefined) {
      errors.push({ row, column: nameColumn, reason: `与第 ${firstByName} 行重复（单位名称和地址相同）`, reasonEn: `Duplicate of row ${firstByName} (same name and address)` });
    }
  }
  if (fields.creditCode && firstByCode === undefined) seen.byCode.set(fields.creditCode, row);
  if (key && !seen.byNameAddress.has(key)) seen.byNameAddress.set(key, row);
  return errors;
}

/**
 * Pure: the verdict on each parsed row of a batch — its area must exist, lie in the actor's
 * scope and be a village, grid or micro-grid; it must not repeat an earlier row or a registered
 * site (same credit code, or same name and address). A row with only duplicate errors is a
 * duplicate; any other error makes it invalid.
 */
export function checkRows(actor: Actor, rows: readonly ParsedRow[], lookups: Lookups, seen: FileIndex): RowOutcome[] {
  const existing: Registered = { byCode: new Map(), byNameAddress: new Map() };
  for (const site of lookups.existing) {
    if (site.creditCode) existing.byCode.set(site.creditCode, site);
    existing.byNameAddress.set(nameAddressKey(site.name, site.address), site);
  }
  return rows.map(({ row, fields, record, errors: parseErrors }) => {
    const errors = [...parseErrors];
    const area = fields.areaCode ? lookups.areas.get(fields.areaCode) : undefined;
    const badArea = fields.areaCode ? areaError(actor, row, fields.areaCode, area) : null;
    if (badArea) errors.push(badArea);
    const duplicates = duplicateErrors(actor, row, fields, seen, existing);
    if (errors.length) return { row, status: 'invalid', errors: [...errors, ...duplicates] };
    if (duplicates.length) return { row, status: 'duplicate', errors: duplicates };
    return { row, status: 'valid', site: { row, record: record!, area: area! }, errors: [] };
  });
}

export interface Tally {
  totalRows: number;
  validRows: number;
  duplicateRows: number;
}

export const emptyTally = (): Tally => ({ totalRows: 0, validRows: 0, duplicateRows: 0 });

export function addToTally(tally: Tally, outcomes: readonly RowOutcome[]): void {
  tally.totalRows += outcomes.length;
  for (const o of outcomes) {
    if (o.status === 'valid') tally.validRows += 1;
    else if (o.status === 'duplicate') tally.duplicateRows += 1;
  }
}

/** Keeps the first `cap` errors and a closing note saying how many more there were. */
export function createErrorLog(cap = 5000) {
  const kept: RowError[] = [];
  let dropped = 0;
  return {
    add(errors: readonly RowError[]) {
      for (const e of errors) {
        if (kept.length < cap) kept.push(e);
        else dropped += 1;
      }
    },
    list(): RowError[] {
      if (dropped === 0) return [...kept];
      return [...kept, { row: 0, column: '', reason: `另有 ${dropped} 条问题未列出，请先修正以上问题后重新上传`, reasonEn: `${dropped} more problems not listed; fix the ones above and upload again` }];
    },
  };
}
