import { z } from 'zod';
import { Id, IsoDateTime } from './common.ts';
import { IsoCalendarDate } from './hazards.ts';
import { RankingRow } from './rankings.ts';
import { DashboardOverdue } from './dashboard.ts';
import { NailAiringRow } from './nails.ts';

/** 每日通报: one campaign, one Asia/Shanghai day. */
export const BriefingParams = z.object({ id: Id, day: IsoCalendarDate });

const Share = z.number().min(0).max(1).nullable();

/** The campaign's totals as of the day's cut-off: the sums of the village ranking's rows. */
export const BriefingTotals = z.object({
  sitesInScope: z.number().int(),
  sitesInspected: z.number().int(),
  inspectionRate: Share,
  hazardsFound: z.number().int(),
  hazardsClosed: z.number().int(),
  closeOutRate: Share,
});
export type BriefingTotals = z.infer<typeof BriefingTotals>;

export const BriefingHeadline = BriefingTotals.extend({
  /** The day's own movement: totals now minus totals at the end of the day before (null on the first day). */
  change: z
    .object({
      sitesInScope: z.number().int(),
      sitesInspected: z.number().int(),
      /** Percentage points (rate × 100 difference); null when either rate is "—". */
      inspectionRatePoints: z.number().nullable(),
      hazardsFound: z.number().int(),
      hazardsClosed: z.number().int(),
      closeOutRatePoints: z.number().nullable(),
    })
    .nullable(),
  /** The dashboard's figures for the campaign, as they stand when the briefing is made. */
  hazardsOverdue: z.number().int(),
  openMajorHazards: z.number().int(),
});
export type BriefingHeadline = z.infer<typeof BriefingHeadline>;

/** One day of the trend: the totals at its cut-off and its movement against the day before. */
export const BriefingTrendDay = BriefingTotals.extend({
  day: IsoCalendarDate,
  foundThatDay: z.number().int(),
  closedThatDay: z.number().int(),
});
export type BriefingTrendDay = z.infer<typeof BriefingTrendDay>;

export const BriefingBottom = z.object({ inspection: z.array(z.string()), closeOut: z.array(z.string()) });
export type BriefingBottom = z.infer<typeof BriefingBottom>;

export const Briefing = z.object({
  campaign: z.object({ id: Id, name: z.string(), startsOn: IsoCalendarDate, endsOn: IsoCalendarDate }),
  day: IsoCalendarDate,
  /** 第N期: the campaign day's number, the start day being 1. */
  issueNo: z.number().int().min(1),
  /** Today so far, counted now, rather than a completed day. */
  live: z.boolean(),
  comparedWith: IsoCalendarDate.nullable(),
  computedAt: IsoDateTime,
  headline: BriefingHeadline,
  trend: z.array(BriefingTrendDay),
  villages: z.array(RankingRow),
  squads: z.array(RankingRow),
  /** 末三位 by name (ties at the boundary included), in rank order. */
  bottom: z.object({ villages: BriefingBottom, squads: BriefingBottom }),
  overdue: DashboardOverdue,
  /** Key nails (重点钉) in the day's month: the monthly airing's rows. */
  nails: z.object({ month: z.string(), rows: z.array(NailAiringRow) }),
  /** The generated paragraph in official style, built from the figures above only. */
  summary: z.string(),
});
export type Briefing = z.infer<typeof Briefing>;
