import { z } from 'zod';
import { SiteKind } from './enums.ts';
import { HazardLevel, RectificationMode } from './hazards.ts';
import { Allowed, Id, IsoDateTime } from './common.ts';

/** 检查领域. */
export const CHECK_DOMAINS = [
  'fire',
  'production_safety',
  'electrical',
  'gas',
  'hazardous_chemicals',
  'confined_space',
  'food',
  'environment',
  'urban_management',
  'construction',
  'special_equipment',
  'public_security',
] as const;
export const CheckDomain = z.enum(CHECK_DOMAINS);
export type CheckDomain = z.infer<typeof CheckDomain>;

export const CHECK_DOMAIN_LABELS_ZH: Record<CheckDomain, string> = {
  fire: '消防安全',
  production_safety: '安全生产',
  electrical: '用电安全',
  gas: '燃气安全',
  hazardous_chemicals: '危险化学品',
  confined_space: '有限空间',
  food: '食品安全',
  environment: '生态环境',
  urban_management: '城市管理',
  construction: '房屋建筑',
  special_equipment: '特种设备',
  public_security: '治安管理',
};

/** pass/fail/not applicable; a measured number against a threshold; one of fixed choices; a photo. */
export const ANSWER_TYPES = ['pass_fail', 'number', 'choice', 'photo'] as const;
export const AnswerType = z.enum(ANSWER_TYPES);
export type AnswerType = z.infer<typeof AnswerType>;

/**
 * A number answer fails when it is on the wrong side of the threshold: `op` and `value` state the
 * failing condition, read as "measured <op> value fails" (e.g. { op: '<', value: 1.1, unit: 'm' }
 * for an evacuation route narrower than 1.1 m).
 */
export const NumberThreshold = z.object({ op: z.enum(['<', '<=', '>', '>=']), value: z.number(), unit: z.string().max(20) });
export type NumberThreshold = z.infer<typeof NumberThreshold>;

/** A measured value fails when "value <op> threshold" holds: the threshold states the failing side. */
export function thresholdFails(threshold: NumberThreshold, value: number): boolean {
  switch (threshold.op) {
    case '<':
      return value < threshold.value;
    case '<=':
      return value <= threshold.value;
    case '>':
      return value > threshold.value;
    case '>=':
      return value >= threshold.value;
  }
}

export const ChoiceOption = z.object({ value: z.string().min(1).max(40), label: z.string().min(1).max(100), fails: z.boolean() });

export const CheckItemFields = z.object({
  code: z.string().trim().regex(/^[A-Z][A-Z0-9-]{1,30}$/, '代码须为大写字母、数字和连字符 | Codes are upper-case letters, digits and hyphens'),
  text: z.string().trim().min(2).max(500),
  textEn: z.string().trim().min(2).max(500),
  domain: CheckDomain,
  siteKinds: z.array(SiteKind).min(1),
  answerType: AnswerType,
  threshold: NumberThreshold.nullable().default(null),
  choices: z.array(ChoiceOption).nullable().default(null),
  photoRequired: z.boolean().default(false),
  defaultLevel: HazardLevel,
  legalBasis: z.string().trim().min(2).max(500),
  suggestedFix: z.string().trim().max(500).default(''),
  defaultMode: RectificationMode,
  defaultDays: z.number().int().min(0).max(365).default(0),
});
export type CheckItemInput = z.input<typeof CheckItemFields>;

export const CheckItem = CheckItemFields.extend({ id: Id, sort: z.number().int() });
export type CheckItem = z.infer<typeof CheckItem>;

export const ChecklistVersionStatus = z.enum(['draft', 'published', 'retired']);

export const ChecklistSummary = z.object({
  id: Id,
  departmentId: Id,
  departmentName: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  publishedVersion: z.number().int().nullable(),
  draftVersion: z.number().int().nullable(),
  itemCount: z.number().int(),
  /** { edit }: whether the viewer may create drafts, edit and publish this checklist. */
  allowed: Allowed,
});
export type ChecklistSummary = z.infer<typeof ChecklistSummary>;

export const ChecklistVersion = z.object({
  id: Id,
  checklistId: Id,
  version: z.number().int(),
  status: ChecklistVersionStatus,
  publishedAt: IsoDateTime.nullable(),
  items: z.array(CheckItem),
});
export type ChecklistVersion = z.infer<typeof ChecklistVersion>;

export const ChecklistCreateBody = z.object({ departmentId: Id, code: z.string().trim().min(2).max(40), name: z.string().trim().min(2).max(100), nameEn: z.string().trim().min(2).max(100) });
export const DraftItemsBody = z.object({ items: z.array(CheckItemFields).min(1).max(500) });

/** The combined form (综合查一次): every published item that applies to the site's kind, by department. */
export const CombinedForm = z.object({
  siteId: Id,
  siteKind: SiteKind,
  groups: z.array(z.object({ departmentId: Id, departmentName: z.string(), checklistVersionId: Id, items: z.array(CheckItem) })),
});
export type CombinedForm = z.infer<typeof CombinedForm>;
