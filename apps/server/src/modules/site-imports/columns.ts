import type { z } from 'zod';
import { AreaCreateBody, CoordSystem, LABELS_ZH, LngLat, SiteWriteBody, usccCheckChar, type RiskLevel, type SiteFlag, type SiteKind } from '@anxun/contracts';

/** One roster row as the file states it, before its area is looked up. */
export interface RosterRecord {
  name: string;
  kind: SiteKind;
  creditCode: string | null;
  address: string;
  areaCode: string;
  lng: number | null;
  lat: number | null;
  coordSystem: 'wgs84' | 'gcj02';
  responsiblePerson: string | null;
  phone: string | null;
  industry: string | null;
  riskLevel: RiskLevel | null;
  employees: number | null;
  floorArea: number | null;
  flags: SiteFlag[];
}

/** What an export row needs; a site row plus its area code satisfies it. */
export type RosterSource = Omit<RosterRecord, 'coordSystem'>;

/**
 * text: free text; code: digits/letters that Excel must not turn into a number (credit code,
 * phone, area code); enum: one option; flags: options separated by 、or ,; integer/decimal: numbers.
 */
export type ColumnType = 'text' | 'code' | 'enum' | 'flags' | 'integer' | 'decimal';

export interface RosterColumn {
  key: keyof RosterRecord;
  /** The header without the required marker. */
  label: string;
  required: boolean;
  type: ColumnType;
  /** enum/flags: stored value → the Chinese word written in the sheet. */
  options?: Readonly<Record<string, string>>;
  /** The contract rule the parsed value must pass. */
  rule: z.ZodType;
  invalidZh: string;
  invalidEn: string;
  note: string;
  example: string | number | null;
  width: number;
}

/** The template's example row starts so; the parser skips such rows, so a forgotten example is never imported. */
export const EXAMPLE_PREFIX = '示例：';
const EXAMPLE_CREDIT_CODE = `91330109MA2H0A1B2${usccCheckChar('91330109MA2H0A1B2')}`;

const COORD_LABELS = { wgs84: 'WGS-84', gcj02: 'GCJ-02' } as const;
const rule = SiteWriteBody.shape;

/** The one definition of the roster: template, parsing and export all read it. */
export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { key: 'name', label: '单位名称', required: true, type: 'text', rule: rule.name, invalidZh: '单位名称不能超过 200 字', invalidEn: 'Name is longer than 200 characters', note: '营业执照或门头上的名称', example: `${EXAMPLE_PREFIX}杭州某某机械有限公司`, width: 28 },
  { key: 'kind', label: '类型', required: true, type: 'enum', options: LABELS_ZH.siteKind, rule: rule.kind, invalidZh: '类型须为：企业、沿街商铺、出租房、高层建筑、其他', invalidEn: 'Kind must be one of the listed options', note: '下拉选择', example: LABELS_ZH.siteKind.enterprise, width: 12 },
  { key: 'creditCode', label: '统一社会信用代码', required: false, type: 'code', rule: rule.creditCode, invalidZh: '统一社会信用代码无效（18 位，末位校验码须符合 GB 32100）', invalidEn: 'Invalid unified social credit code (18 characters, GB 32100 check character)', note: '18 位；企业必填为宜，无则留空', example: EXAMPLE_CREDIT_CODE, width: 22 },
  { key: 'address', label: '地址', required: true, type: 'text', rule: rule.address, invalidZh: '地址不能超过 300 字', invalidEn: 'Address is longer than 300 characters', note: '详细到门牌号', example: '瓜沥镇示例路 88 号', width: 32 },
  { key: 'areaCode', label: '所属区域代码', required: true, type: 'code', rule: AreaCreateBody.shape.code.regex(/^[A-Za-z0-9-]+$/), invalidZh: '区域代码只能包含字母、数字和连字符', invalidEn: 'An area code holds letters, digits and hyphens only', note: '村社、网格或微网格的代码（见区域管理）', example: '330109118201', width: 22 },
  { key: 'lng', label: '经度', required: false, type: 'decimal', rule: LngLat.shape.lng, invalidZh: '经度须在 -180 到 180 之间', invalidEn: 'Longitude must lie between -180 and 180', note: '如 120.4567；与纬度同时填写', example: 120.4567, width: 12 },
  { key: 'lat', label: '纬度', required: false, type: 'decimal', rule: LngLat.shape.lat, invalidZh: '纬度须在 -90 到 90 之间', invalidEn: 'Latitude must lie between -90 and 90', note: '如 30.2345；与经度同时填写', example: 30.2345, width: 12 },
  { key: 'coordSystem', label: '坐标系', required: false, type: 'enum', options: COORD_LABELS, rule: CoordSystem, invalidZh: '坐标系须为 WGS-84 或 GCJ-02', invalidEn: 'Coordinate system must be WGS-84 or GCJ-02', note: 'GPS/天地图为 WGS-84，高德/腾讯地图为 GCJ-02；留空按 WGS-84', example: COORD_LABELS.wgs84, width: 10 },
  { key: 'responsiblePerson', label: '负责人', required: false, type: 'text', rule: rule.responsiblePerson, invalidZh: '负责人不能超过 50 字', invalidEn: 'Responsible person is longer than 50 characters', note: '', example: '张三', width: 10 },
  { key: 'phone', label: '手机号', required: false, type: 'code', rule: rule.phone, invalidZh: '手机号须为 11 位大陆手机号码', invalidEn: 'Phone must be an 11-digit mainland mobile number', note: '负责人手机，用于短信通知', example: '13800138000', width: 14 },
  { key: 'industry', label: '行业', required: false, type: 'text', rule: rule.industry, invalidZh: '行业不能超过 100 字', invalidEn: 'Industry is longer than 100 characters', note: '', example: '机械制造', width: 14 },
  { key: 'riskLevel', label: '风险等级', required: false, type: 'enum', options: LABELS_ZH.risk, rule: rule.riskLevel, invalidZh: '风险等级须为：重大、较大、一般、低', invalidEn: 'Risk level must be one of the listed options', note: '下拉选择', example: LABELS_ZH.risk.yellow, width: 10 },
  { key: 'employees', label: '从业人数', required: false, type: 'integer', rule: rule.employees, invalidZh: '从业人数须为 0 到 1,000,000 之间的整数', invalidEn: 'Employees must be a whole number from 0 to 1,000,000', note: '整数', example: 35, width: 10 },
  { key: 'floorArea', label: '建筑面积(㎡)', required: false, type: 'decimal', rule: rule.floorArea, invalidZh: '建筑面积须为 0 到 10,000,000 之间的数字', invalidEn: 'Floor area must be a number from 0 to 10,000,000', note: '平方米', example: 1200, width: 12 },
  { key: 'flags', label: '标记', required: false, type: 'flags', options: LABELS_ZH.siteFlag, rule: rule.flags.unwrap(), invalidZh: '标记须为：厂中厂、一厂多租、三合一（多个用、分隔）', invalidEn: 'Flags must be from the listed options, separated by 、', note: '可填多个，用、或逗号分隔', example: LABELS_ZH.siteFlag.factory_in_factory, width: 16 },
];

export const headerOf = (column: RosterColumn) => `${column.label}${column.required ? '*' : ''}`;

/** The extra column an export carries after the roster ones; an import ignores it. */
export const COLOUR_HEADER = '五色';

/** A larger file is refused; split it. */
export const MAX_ROWS = 300_000;

export const SITE_AREA_LEVELS: ReadonlySet<string> = new Set(['village', 'grid', 'micro_grid']);

/** Pure: a cell value for the template example or an export. */
export function cellValueOf(column: RosterColumn, source: RosterSource): string | number | null {
  if (column.key === 'coordSystem') return source.lng !== null ? COORD_LABELS.wgs84 : null; // stored as WGS-84
  const value = source[column.key];
  if (value === null || value === undefined) return null;
  if (column.type === 'flags') return (value as string[]).map((f) => column.options![f] ?? f).join('、') || null;
  if (column.type === 'enum') return column.options![value as string] ?? String(value);
  return value as string | number;
}
