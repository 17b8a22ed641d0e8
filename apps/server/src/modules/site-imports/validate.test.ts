import { describe, expect, it } from 'vitest';
import type { Role } from '@anxun/contracts';
import type { Actor } from '../../platform/context.ts';
import type { RosterRecord } from './columns.ts';
import type { ParsedRow } from './parse.ts';
import { addToTally, batchKeys, checkRows, createErrorLog, createFileIndex, emptyTally, type AreaRef, type ExistingSite, type Lookups } from './validate.ts';

const actor = (roles: Role[], scopePaths: string[] = ['/D/T/A/']): Actor => ({ id: 'u', username: 'u', displayName: 'u', roles, departmentId: null, phone: null, scopePaths });
const village = actor(['village']);

const AREAS: AreaRef[] = [
  { id: 'a', code: 'A', level: 'village', path: '/D/T/A/' },
  { id: 'ag', code: 'A-G1', level: 'grid', path: '/D/T/A/A-G1/' },
  { id: 'b', code: 'B', level: 'village', path: '/D/T/B/' },
  { id: 't', code: 'T', level: 'town', path: '/D/T/' },
];

const lookups = (existing: ExistingSite[] = []): Lookups => ({ areas: new Map(AREAS.map((a) => [a.code, a])), existing });

let n = 0;
function row(fields: Partial<RosterRecord> = {}, errors: ParsedRow['errors'] = []): ParsedRow {
  n += 1;
  const record: RosterRecord = {
    name: `单位${n}`,
    kind: 'enterprise',
    creditCode: null,
    address: `路${n}号`,
    areaCode: 'A-G1',
    lng: null,
    lat: null,
    coordSystem: 'wgs84',
    responsiblePerson: null,
    phone: null,
    industry: null,
    riskLevel: null,
    employees: null,
    floorArea: null,
    flags: [],
    ...fields,
  };
  return { row: n + 1, fields: record, record: errors.length ? null : record, errors };
}

const verdicts = (outcomes: ReturnType<typeof checkRows>) => outcomes.map((o) => [o.row, o.status, o.errors.map((e) => `${e.column}|${e.reason}`)]);

describe('checkRows: areas', () => {
  it('needs an existing village, grid or micro-grid inside the scope, where the actor may import', () => {
    const rows = [row({ areaCode: 'A' }), row({ areaCode: 'NOPE' }), row({ areaCode: 'B' }), row({ areaCode: 'T' }, []), row({ areaCode: 'A-G1' })];
    const whole = actor(['village'], ['/D/T/']);
    expect(verdicts(checkRows(village, rows.slice(0, 3), lookups(), createFileIndex()))).toEqual([
      [rows[0]!.row, 'valid', []],
      [rows[1]!.row, 'invalid', ['所属区域代码*|区域代码 NOPE 不存在或不在您的管辖范围内']],
      [rows[2]!.row, 'invalid', ['所属区域代码*|区域代码 B 不存在或不在您的管辖范围内']],
    ]);
    expect(verdicts(checkRows(whole, [rows[3]!], lookups(), createFileIndex()))).toEqual([[rows[3]!.row, 'invalid', ['所属区域代码*|须填写村社、网格或微网格的代码（T 是镇街）']]]);
    expect(verdicts(checkRows(actor(['inspector']), [rows[4]!], lookups(), createFileIndex()))).toEqual([[rows[4]!.row, 'invalid', ['所属区域代码*|您无权向区域 A-G1 导入受检单位']]]);
  });

  it('hands a valid row on with its area', () => {
    const [outcome] = checkRows(village, [row({ name: '甲' })], lookups(), createFileIndex());
    expect(outcome).toMatchObject({ status: 'valid', site: { record: { name: '甲' }, area: { id: 'ag', path: '/D/T/A/A-G1/' } } });
  });
});

describe('checkRows: duplicates', () => {
  it('flags later rows repeating an earlier one by credit code or by name and address, across batches', () => {
    const seen = createFileIndex();
    const first = row({ creditCode: 'C1', name: '甲', address: '一路' });
    const sameCode = row({ creditCode: 'C1', name: '乙', address: '二路' });
    const sameNameAddress = row({ name: '甲', address: '一路' });
    const sameNameOnly = row({ name: '甲', address: '三路' });
    expect(verdicts(checkRows(village, [first, sameCode], lookups(), seen))).toEqual([
      [first.row, 'valid', []],
      [sameCode.row, 'duplicate', [`统一社会信用代码|与第 ${first.row} 行重复（统一社会信用代码相同）`]],
    ]);
    expect(verdicts(checkRows(village, [sameNameAddress, sameNameOnly], lookups(), seen))).toEqual([
      [sameNameAddress.row, 'duplicate', [`单位名称*|与第 ${first.row} 行重复（单位名称和地址相同）`]],
      [sameNameOnly.row, 'valid', []],
    ]);
  });

  it('flags rows already registered, naming the site only when the actor may see it', () => {
    const existing: ExistingSite[] = [
      { name: '老甲', address: '老路', creditCode: 'C9', areaPath: '/D/T/A/A-G1/' },
      { name: '外乙', address: '外路', creditCode: 'C8', areaPath: '/D/T/B/' },
      { name: '丙', address: '丙路', creditCode: null, areaPath: '/D/T/A/' },
    ];
    const rows = [row({ creditCode: 'C9' }), row({ creditCode: 'C8' }), row({ name: '丙', address: '丙路' })];
    expect(verdicts(checkRows(village, rows, lookups(existing), createFileIndex()))).toEqual([
      [rows[0]!.row, 'duplicate', ['统一社会信用代码|已登记：老甲（统一社会信用代码相同）']],
      [rows[1]!.row, 'duplicate', ['统一社会信用代码|已登记（该单位不在您的管辖范围内）（统一社会信用代码相同）']],
      [rows[2]!.row, 'duplicate', ['单位名称*|已登记：丙（单位名称和地址相同）']],
    ]);
  });

  it('calls a row with other errors invalid, listing its duplicate too', () => {
    const seen = createFileIndex();
    const first = row({ creditCode: 'C1' });
    const bad = row({ creditCode: 'C1' }, [{ row: 0, column: '手机号', reason: '手机号须为 11 位大陆手机号码', reasonEn: '' }]);
    const [, outcome] = verdicts(checkRows(village, [first, bad], lookups(), seen));
    expect(outcome).toEqual([bad.row, 'invalid', ['手机号|手机号须为 11 位大陆手机号码', `统一社会信用代码|与第 ${first.row} 行重复（统一社会信用代码相同）`]]);
  });
});

describe('batchKeys', () => {
  it('collects each area code and site key once', () => {
    const rows = [row({ creditCode: 'C1', name: '甲', address: '一路' }), row({ creditCode: 'C1', name: '甲', address: '一路', areaCode: 'A' }), row({ areaCode: 'A' })];
    const keys = batchKeys(rows);
    expect(keys.areaCodes.sort()).toEqual(['A', 'A-G1']);
    expect(keys.creditCodes).toEqual(['C1']);
    expect(keys.nameAddresses).toHaveLength(2);
  });
});

describe('tally and error log', () => {
  it('counts valid and duplicate rows among all', () => {
    const tally = emptyTally();
    const seen = createFileIndex();
    addToTally(tally, checkRows(village, [row({ creditCode: 'X' }), row({ creditCode: 'X' }), row({ areaCode: 'B' })], lookups(), seen));
    expect(tally).toEqual({ totalRows: 3, validRows: 1, duplicateRows: 1 });
  });

  it('keeps the first errors and notes how many more there were', () => {
    const log = createErrorLog(2);
    log.add([1, 2, 3, 4].map((r) => ({ row: r, column: 'c', reason: 'r', reasonEn: 'e' })));
    const list = log.list();
    expect(list.map((e) => e.row)).toEqual([1, 2, 0]);
    expect(list[2]!.reason).toBe('另有 2 条问题未列出，请先修正以上问题后重新上传');
  });
});
