import { z } from 'zod';
import { Allowed, Id, IsoDateTime } from './common.ts';
import { IsoCalendarDate } from './hazards.ts';

/** 重点钉 fixed at campaign start, 动态钉 added as found. */
export const NAIL_KINDS = ['key', 'dynamic'] as const;
export const NailKind = z.enum(NAIL_KINDS);
export type NailKind = z.infer<typeof NailKind>;

/** 未启动 → 推进中 → 已拔除 (a resolved nail may be reopened with a reason). */
export const NAIL_STATUSES = ['open', 'in_progress', 'resolved'] as const;
export const NailStatus = z.enum(NAIL_STATUSES);
export type NailStatus = z.infer<typeof NailStatus>;

const Text = (zh: string, en: string, max: number) =>
  z
    .string({ message: `请填写${zh} | ${en} is required` })
    .trim()
    .min(1, { message: `请填写${zh} | ${en} is required` })
    .max(max, { message: `${zh}不能超过${max}字 | ${en} must be at most ${max} characters` });

/** 一案一策: target, measures, funds (optional) and who answers for it. */
export const NailPlan = z.object({
  target: Text('整治目标', 'Target', 2000),
  measures: Text('整治措施', 'Measures', 5000),
  funds: z.string().trim().max(500, { message: '资金保障不能超过500字 | Funds must be at most 500 characters' }).optional(),
  responsible: Text('责任人', 'Responsible person', 200),
});
export type NailPlan = z.infer<typeof NailPlan>;

export const NailProgress = z
  .number({ message: '进度须为 0–100 的整数 | Progress must be a whole number from 0 to 100' })
  .int({ message: '进度须为 0–100 的整数 | Progress must be a whole number from 0 to 100' })
  .min(0, { message: '进度不能小于 0 | Progress must be at least 0' })
  .max(100, { message: '进度不能大于 100 | Progress must be at most 100' });

export const NailCreateBody = z.object({
  kind: NailKind,
  title: Text('名称', 'Title', 200),
  description: Text('问题描述', 'Description', 5000),
  areaId: Id,
  plan: NailPlan,
});
export type NailCreateBody = z.infer<typeof NailCreateBody>;

export const NailUpdateBody = z
  .object({ title: Text('名称', 'Title', 200), description: Text('问题描述', 'Description', 5000), plan: NailPlan })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: '没有需要修改的内容 | Nothing to change' });
export type NailUpdateBody = z.infer<typeof NailUpdateBody>;

export const NailSitesBody = z.object({ siteIds: z.array(Id).max(200, { message: '最多关联200个受检单位 | At most 200 sites' }) });
export const NailDepartmentsBody = z.object({ departmentIds: z.array(Id).max(50, { message: '最多关联50个部门 | At most 50 departments' }) });

export const NailMilestoneBody = z.object({ title: Text('节点名称', 'Milestone title', 200), dueOn: IsoCalendarDate });
export const NailMilestoneCompleteBody = z.object({ doneOn: IsoCalendarDate.optional() });

/** A progress report (进度报告): the note is the reason when a resolved nail is reopened. */
export const NailReportBody = z.object({ progress: NailProgress, status: NailStatus, note: Text('进展说明', 'Note', 2000) });
export type NailReportBody = z.infer<typeof NailReportBody>;

export const NailListQuery = z.object({
  kind: NailKind.optional(),
  status: NailStatus.optional(),
  areaId: Id.optional(),
  departmentId: Id.optional(),
});
export type NailListQuery = z.infer<typeof NailListQuery>;

export const NailMilestoneView = z.object({
  id: Id,
  title: z.string(),
  dueOn: IsoCalendarDate,
  doneOn: IsoCalendarDate.nullable(),
  overdue: z.boolean(),
});
export type NailMilestoneView = z.infer<typeof NailMilestoneView>;

export const NailSummary = z.object({
  id: Id,
  campaignId: Id,
  kind: NailKind,
  title: z.string(),
  areaId: Id,
  areaName: z.string(),
  status: NailStatus,
  progress: z.number().int(),
  departments: z.array(z.object({ id: Id, name: z.string() })),
  milestonesTotal: z.number().int(),
  milestonesDone: z.number().int(),
  milestonesOverdue: z.number().int(),
  /** The earliest milestone not yet done. */
  nextMilestone: NailMilestoneView.nullable(),
  lastReportedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  resolvedAt: IsoDateTime.nullable(),
});
export type NailSummary = z.infer<typeof NailSummary>;

export const NailList = z.object({ items: z.array(NailSummary), total: z.number().int() });
export type NailList = z.infer<typeof NailList>;

export const NailUpdateView = z.object({
  id: Id,
  progress: z.number().int(),
  status: NailStatus,
  note: z.string(),
  reporterName: z.string().nullable(),
  reportedAt: IsoDateTime,
});
export type NailUpdateView = z.infer<typeof NailUpdateView>;

/** One line of the nail's history, from its audit events. */
export const NailTimelineEntry = z.object({
  action: z.string(),
  actorName: z.string(),
  at: IsoDateTime,
  after: z.unknown(),
});
export type NailTimelineEntry = z.infer<typeof NailTimelineEntry>;

export const NailDetail = NailSummary.extend({
  campaignName: z.string(),
  description: z.string(),
  plan: NailPlan,
  sites: z.array(z.object({ id: Id, name: z.string(), address: z.string() })),
  milestones: z.array(NailMilestoneView),
  updates: z.array(NailUpdateView),
  timeline: z.array(NailTimelineEntry),
  /** Statuses a progress report by this viewer may set now. */
  reportStatuses: z.array(NailStatus),
  allowed: Allowed,
});
export type NailDetail = z.infer<typeof NailDetail>;

export const NailAiringQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM | The month must be YYYY-MM' }),
});

/** One nail's movement within the month (月晾晒). */
export const NailAiringRow = z.object({
  id: Id,
  kind: NailKind,
  title: z.string(),
  areaName: z.string(),
  status: NailStatus,
  progressBefore: z.number().int(),
  progressAfter: z.number().int(),
  progressChange: z.number().int(),
  reportsInMonth: z.number().int(),
  /** Active, not resolved at the month's end, and no forward movement in the month: marked red. */
  noProgress: z.boolean(),
  resolvedInMonth: z.boolean(),
  milestonesDue: z.number().int(),
  milestonesDone: z.number().int(),
  milestonesOverdue: z.number().int(),
});
export type NailAiringRow = z.infer<typeof NailAiringRow>;

export const NailAiring = z.object({
  month: z.string(),
  /** Milestones count as overdue on this day: the first day of the next month, or today while the month runs. */
  asOf: IsoCalendarDate,
  active: z.number().int(),
  resolved: z.number().int(),
  noProgress: z.number().int(),
  milestonesDue: z.number().int(),
  milestonesDone: z.number().int(),
  milestonesOverdue: z.number().int(),
  rows: z.array(NailAiringRow),
});
export type NailAiring = z.infer<typeof NailAiring>;
