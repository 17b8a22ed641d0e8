import { describe, expect, it } from 'vitest';
import { usccCheckChar } from '@anxun/contracts';
import { EXAMPLE_PREFIX, ROSTER_COLUMNS, headerOf, type RosterRecord } from './columns.ts';
import { mapHeader, normaliseCell, parseRow, toSiteBody, type HeaderMap } from './parse.ts';

const code = (n: number) => {
  const first17 = `91330109${String(n).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
};

const HEADERS = [undefined, ...ROSTER_COLUMNS.map(headerOf)];
const header = (): HeaderMap => {
  const mapped = mapHeader(HEADERS);
  if (!mapped.ok) throw new Error('template headers do not map');
  return mapped.header;
};

const GOOD: Partial<Record<keyof RosterRecord, unknown>> = {
  name: '杭州甲机械有限公司',
  kind: '企业',
  creditCode: code(1),
  address: '瓜沥镇甲路 1 号',
  areaCode: '330109118201',
  lng: 120.45,
  lat: 30.23,
  coordSystem: 'WGS-84',
  responsiblePerson: '张三',
  phone: '13800138000',
  industry: '机械制造',
  riskLevel: '一般',
  employees: 35,
  floorArea: 1200.5,
  flags: '厂中厂、一厂多租',
};

/** A sheet row (1-based values) from cells by roster key. */
const sheetRow = (cells: Partial<Record<keyof RosterRecord, unknown>>) => [undefined, ...ROSTER_COLUMNS.map((c) => cells[c.key] ?? null)];
const parse = (cells: Partial<Record<keyof RosterRecord, unknown>>, row = 2) => parseRow(row, sheetRow(cells), header());
const errorsOf = (cells: Partial<Record<keyof RosterRecord, unknown>>) => parse(cells)!.errors.map((e) => [e.column, e.reason]);

describe('mapHeader', () => {
  it('maps the template headers to their columns', () => {
    const mapped = header();
    expect(mapped.columns.map((c) => c.column.key)).toEqual(ROSTER_COLUMNS.map((c) => c.key));
    expect(mapped.columns[0]!.index).toBe(1);
  });

  it('ignores the required marker, spaces, a unit in brackets, order and extra columns', () => {
    const mapped = mapHeader([undefined, '序号', '地址', ' 单位名称 ', '类型＊', '所属区域代码', '建筑面积（平方米）', '五色']);
    expect(mapped.ok).toBe(true);
    if (mapped.ok) expect(mapped.header.columns.map((c) => [c.index, c.column.key])).toEqual([[2, 'address'], [3, 'name'], [4, 'kind'], [5, 'areaCode'], [6, 'floorArea']]);
  });

  it('reports missing required and repeated columns', () => {
    expect(mapHeader([undefined, '单位名称*', '地址*', '地址', '电话'])).toEqual({ ok: false, matched: 2, missing: ['类型*', '所属区域代码*'], duplicated: ['地址*'] });
  });
});

describe('normaliseCell', () => {
  it('keeps text and numbers, drops blanks', () => {
    expect(normaliseCell('  a ')).toBe('a');
    expect(normaliseCell('   ')).toBeNull();
    expect(normaliseCell(undefined)).toBeNull();
    expect(normaliseCell(12)).toBe(12);
    expect(normaliseCell(true)).toBe('TRUE');
    expect(normaliseCell(new Date('2024-05-01T00:00:00Z'))).toBe('2024-05-01');
  });

  it('unwraps rich text, hyperlinks and formulas; marks error values', () => {
    expect(normaliseCell({ richText: [{ text: '杭州' }, { text: '甲公司' }] })).toBe('杭州甲公司');
    expect(normaliseCell({ text: '甲', hyperlink: 'http://x' })).toBe('甲');
    expect(normaliseCell({ formula: 'A1', result: 42 })).toBe(42);
    expect(normaliseCell({ error: '#N/A' })).toEqual({ error: '#N/A' });
  });
});

describe('parseRow', () => {
  it('turns a good row into a typed record', () => {
    expect(parse(GOOD)).toEqual({
      row: 2,
      errors: [],
      fields: expect.any(Object),
      record: {
        name: '杭州甲机械有限公司',
        kind: 'enterprise',
        creditCode: code(1),
        address: '瓜沥镇甲路 1 号',
        areaCode: '330109118201',
        lng: 120.45,
        lat: 30.23,
        coordSystem: 'wgs84',
        responsiblePerson: '张三',
        phone: '13800138000',
        industry: '机械制造',
        riskLevel: 'yellow',
        employees: 35,
        floorArea: 1200.5,
        flags: ['factory_in_factory', 'multi_tenant'],
      },
    });
  });

  it('accepts what Excel makes of typed values and fills defaults', () => {
    const { record } = parse({ name: '乙', kind: '沿街商铺', address: '乙路', areaCode: 330109118201, phone: 13800138000, creditCode: ` ${code(2).toLowerCase()} `, employees: '1,200', floorArea: '80', flags: '三合一,厂中厂', coordSystem: 'gcj02' })!;
    expect(record).toMatchObject({ kind: 'street_shop', areaCode: '330109118201', phone: '13800138000', creditCode: code(2), employees: 1200, floorArea: 80, flags: ['three_in_one', 'factory_in_factory'], coordSystem: 'gcj02' });
    const minimal = parse({ name: '丙', kind: '其他', address: '丙路', areaCode: 'G-01' })!.record;
    expect(minimal).toMatchObject({ creditCode: null, lng: null, lat: null, coordSystem: 'wgs84', phone: null, riskLevel: null, employees: null, flags: [] });
  });

  it('skips blank rows and the template example row', () => {
    expect(parse({})).toBeNull();
    expect(parse({ ...GOOD, name: `${EXAMPLE_PREFIX}杭州某某机械有限公司` })).toBeNull();
  });

  it('reports every bad cell with its column and a Chinese reason', () => {
    expect(errorsOf({ kind: '工厂', creditCode: '91330109000000001X', phone: '1380013800', riskLevel: '很高', flags: '厂中厂、违建', coordSystem: 'BD-09', employees: 3.5, floorArea: '约100' })).toEqual([
      ['单位名称*', '必填项不能为空'],
      ['类型*', '类型须为：企业、沿街商铺、出租房、高层建筑、其他（填写的是：工厂）'],
      ['统一社会信用代码', '统一社会信用代码无效（18 位，末位校验码须符合 GB 32100）（填写的是：91330109000000001X）'],
      ['地址*', '必填项不能为空'],
      ['所属区域代码*', '必填项不能为空'],
      ['坐标系', '坐标系须为 WGS-84 或 GCJ-02（填写的是：BD-09）'],
      ['手机号', '手机号须为 11 位大陆手机号码（填写的是：1380013800）'],
      ['风险等级', '风险等级须为：重大、较大、一般、低（填写的是：很高）'],
      ['从业人数', '从业人数须为 0 到 1,000,000 之间的整数（填写的是：3.5）'],
      ['建筑面积(㎡)', '建筑面积须为 0 到 10,000,000 之间的数字（填写的是：约100）'],
      ['标记', '标记须为：厂中厂、一厂多租、三合一（多个用、分隔）（填写的是：厂中厂、违建）'],
    ]);
  });

  it('checks ranges, lengths and the shapes of codes', () => {
    expect(errorsOf({ ...GOOD, name: '名'.repeat(201), areaCode: '3301/09', lng: 200, lat: 30, employees: -1, floorArea: 2e7 })).toEqual([
      ['单位名称*', `单位名称不能超过 200 字（填写的是：${'名'.repeat(30)}…）`],
      ['所属区域代码*', '区域代码只能包含字母、数字和连字符（填写的是：3301/09）'],
      ['经度', '经度须在 -180 到 180 之间（填写的是：200）'],
      ['从业人数', '从业人数须为 0 到 1,000,000 之间的整数（填写的是：-1）'],
      ['建筑面积(㎡)', '建筑面积须为 0 到 10,000,000 之间的数字（填写的是：20000000）'],
    ]);
  });

  it('wants longitude and latitude together', () => {
    expect(errorsOf({ ...GOOD, lat: null })).toEqual([['纬度', '经度和纬度须同时填写']]);
    expect(errorsOf({ ...GOOD, lng: null })).toEqual([['经度', '经度和纬度须同时填写']]);
  });

  it('explains a long number Excel has rounded and an error value', () => {
    expect(errorsOf({ ...GOOD, creditCode: 913301090000000000, industry: { error: '#REF!' } })).toEqual([
      ['统一社会信用代码', '数字过长已被 Excel 改写，请将该列设为“文本”格式后重新填写'],
      ['行业', '单元格是错误值 #REF!，请填写实际内容'],
    ]);
  });

  it('keeps the fields that did parse for the later area and duplicate checks', () => {
    const parsed = parse({ ...GOOD, phone: 'x' })!;
    expect(parsed.record).toBeNull();
    expect(parsed.fields).toMatchObject({ name: GOOD.name, address: GOOD.address, creditCode: code(1), areaCode: '330109118201', phone: null });
  });
});

describe('toSiteBody', () => {
  it('gives the body a site write takes', () => {
    const body = toSiteBody(parse(GOOD)!.record!, '00000000-0000-4000-8000-000000000001');
    expect(body).toMatchObject({ kind: 'enterprise', location: { lng: 120.45, lat: 30.23 }, coordSystem: 'wgs84', areaId: '00000000-0000-4000-8000-000000000001', flags: ['factory_in_factory', 'multi_tenant'] });
    expect(toSiteBody({ ...parse(GOOD)!.record!, lng: null, lat: null }, 'x').location).toBeNull();
  });
});
