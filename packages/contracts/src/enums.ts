import { z } from 'zod';

/** Administrative levels, top to bottom: 区县 → 镇街 → 村社 → 网格 → 微网格. */
export const AREA_LEVELS = ['district', 'town', 'village', 'grid', 'micro_grid'] as const;
export const AreaLevel = z.enum(AREA_LEVELS);
export type AreaLevel = z.infer<typeof AreaLevel>;

/** Levels whose codes are official 12-digit division codes (统计用区划代码). */
export const OFFICIAL_CODE_LEVELS: readonly AreaLevel[] = ['district', 'town', 'village'];

export const SITE_KINDS = ['enterprise', 'street_shop', 'rental_housing', 'high_rise', 'other'] as const;
export const SiteKind = z.enum(SITE_KINDS);
export type SiteKind = z.infer<typeof SiteKind>;

/** 厂中厂, 一厂多租, 三合一. */
export const SITE_FLAGS = ['factory_in_factory', 'multi_tenant', 'three_in_one'] as const;
export const SiteFlag = z.enum(SITE_FLAGS);
export type SiteFlag = z.infer<typeof SiteFlag>;

/** 风险等级: 重大 red, 较大 orange, 一般 yellow, 低 blue. */
export const RISK_LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
export const RiskLevel = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevel>;

/** 五色管理; grey = never inspected. */
export const SITE_COLOURS = ['grey', 'green', 'yellow', 'orange', 'red', 'black'] as const;
export const SiteColour = z.enum(SITE_COLOURS);
export type SiteColour = z.infer<typeof SiteColour>;

export const ATTACHMENT_KINDS = ['photo', 'video', 'floor_plan', 'aerial'] as const;
export const AttachmentKind = z.enum(ATTACHMENT_KINDS);
export type AttachmentKind = z.infer<typeof AttachmentKind>;

export const ROLES = [
  'admin',
  'command_centre',
  'department',
  'town',
  'village',
  'squad_leader',
  'inspector',
  'grid_member',
  'party',
  'supervisor',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LABELS_ZH = {
  area: { district: '区县', town: '镇街', village: '村社', grid: '网格', micro_grid: '微网格' },
  siteKind: { enterprise: '企业', street_shop: '沿街商铺', rental_housing: '出租房', high_rise: '高层建筑', other: '其他' },
  siteFlag: { factory_in_factory: '厂中厂', multi_tenant: '一厂多租', three_in_one: '三合一' },
  risk: { red: '重大', orange: '较大', yellow: '一般', blue: '低' },
  colour: { grey: '未检查', green: '绿', yellow: '黄', orange: '橙', red: '红', black: '黑' },
  attachment: { photo: '照片', video: '视频', floor_plan: '平面图', aerial: '航拍图' },
  role: {
    admin: '系统管理员',
    command_centre: '专班指挥部',
    department: '部门',
    town: '镇街',
    village: '村社',
    squad_leader: '组长',
    inspector: '检查员',
    grid_member: '网格员',
    party: '当事人',
    supervisor: '监督员',
  },
} as const satisfies Record<string, Record<string, string>>;
