import { z } from 'zod';
import { Id, IsoDateTime } from './common.ts';
import { IsoCalendarDate } from './hazards.ts';

/** 村社 (the village-level area a site lies under) or 小组 (the squad a site is assigned to). */
export const RANKING_UNIT_KINDS = ['village', 'squad'] as const;
export const RankingUnitKind = z.enum(RANKING_UNIT_KINDS);
export type RankingUnitKind = z.infer<typeof RankingUnitKind>;

const Count = z.number().int().min(0);
const Share = z.number().min(0).max(1).nullable();
const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM | Months must be YYYY-MM');
const YearQuarter = z.string().regex(/^\d{4}-Q[1-4]$/, '季度格式应为 YYYY-Qn | Quarters must be YYYY-Qn');

/** The four counts every figure is derived from (stored per snapshot, recountable from raw rows). */
export const RankingCounts = z.object({
  sitesInScope: Count,
  sitesInspected: Count,
  hazardsFound: Count,
  hazardsClosed: Count,
});
export type RankingCounts = z.infer<typeof RankingCounts>;

export const RankingQuery = z.object({
  unit: RankingUnitKind.default('village'),
  /** Asia/Shanghai date; absent = today, counted live. */
  day: IsoCalendarDate.optional(),
  period: z.enum(['day', 'month', 'quarter']).default('day'),
  month: YearMonth.optional(),
  quarter: YearQuarter.optional(),
});

export const WeeklyAttainment = z.object({
  weekStart: IsoCalendarDate,
  target: z.object({ sitesInspected: Count, hazardsClosed: Count }).nullable(),
  /** Progress since the end of the day before weekStart (or since the campaign start). */
  actual: z.object({ sitesInspected: z.number().int(), hazardsClosed: z.number().int() }),
  /** actual ÷ target; null without a target (or a target of 0). May exceed 1. */
  attainment: z.object({ sitesInspected: z.number().nullable(), hazardsClosed: z.number().nullable() }),
});
export type WeeklyAttainment = z.infer<typeof WeeklyAttainment>;

export const RankingRow = RankingCounts.extend({
  unitId: Id,
  name: z.string(),
  inspectionRate: Share,
  closeOutRate: Share,
  inspectionRank: z.number().int().min(1),
  closeOutRank: z.number().int().min(1),
  /** Places gained since the comparison day (positive = moved up ▲); null when there is nothing to compare with. */
  inspectionRankChange: z.number().int().nullable(),
  closeOutRankChange: z.number().int().nullable(),
  /** 末三位: fewer than three ranked units are below it (units without a denominator are never marked). */
  inspectionBottom: z.boolean(),
  closeOutBottom: z.boolean(),
  /** Month / quarter views: the mean daily rank over the period's snapshot days. */
  averageInspectionRank: z.number().nullable(),
  averageCloseOutRank: z.number().nullable(),
  /** Squads only, daily view: the week holding the day. */
  weekly: WeeklyAttainment.nullable(),
});
export type RankingRow = z.infer<typeof RankingRow>;

export const RankingView = z.object({
  campaign: z.object({ id: Id, name: z.string(), startsOn: IsoCalendarDate, endsOn: IsoCalendarDate }),
  unit: RankingUnitKind,
  period: z.enum(['day', 'month', 'quarter']),
  /** The day the figures are as of (its 24:00, or now when live). */
  day: IsoCalendarDate,
  /** Counted now from raw records ("today so far") rather than read from the night's snapshot. */
  live: z.boolean(),
  /** The day ranks are compared with: the day before, or the day before the period. */
  comparedWith: IsoCalendarDate.nullable(),
  /** Month / quarter: the first day of the period inside the campaign. */
  periodStart: IsoCalendarDate.nullable(),
  computedAt: IsoDateTime,
  rows: z.array(RankingRow),
});
export type RankingView = z.infer<typeof RankingView>;

export const RankingHistoryQuery = z.object({
  unit: RankingUnitKind.default('village'),
  from: IsoCalendarDate.optional(),
  to: IsoCalendarDate.optional(),
  /** Only these units (comma-separated ids); all units when absent. */
  unitIds: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').filter(Boolean) : undefined))
    .pipe(z.array(Id).max(200).optional()),
});

export const RankingHistoryPoint = RankingCounts.extend({
  day: IsoCalendarDate,
  inspectionRate: Share,
  closeOutRate: Share,
  inspectionRank: z.number().int(),
  closeOutRank: z.number().int(),
});

export const RankingHistory = z.object({
  unit: RankingUnitKind,
  days: z.array(IsoCalendarDate),
  units: z.array(z.object({ unitId: Id, name: z.string(), points: z.array(RankingHistoryPoint) })),
  /** Completed days in the range without a snapshot yet (a campaign created with a past start); their back-fill has been queued. */
  missingDays: z.number().int(),
});
export type RankingHistory = z.infer<typeof RankingHistory>;
