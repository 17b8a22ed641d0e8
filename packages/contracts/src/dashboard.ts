import { z } from 'zod';
import { Id, IsoDateTime } from './common.ts';
import { SiteColour } from './enums.ts';
import { HazardLevel, IsoCalendarDate } from './hazards.ts';
import { RATE_DEFINITIONS, type FigureKey } from './rates.ts';

/** 驾驶舱: every figure over the viewer's scope, optionally narrowed to a campaign and an area. */
export const DashboardQuery = z.object({
  campaignId: Id.optional(),
  areaId: Id.optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const Share = z.number().min(0).max(1).nullable();

export const DashboardKpis = z.object({
  sitesInScope: z.number().int(),
  sitesInspected: z.number().int(),
  inspectionRate: Share,
  hazardsFound: z.number().int(),
  hazardsClosed: z.number().int(),
  closeOutRate: Share,
  hazardsOverdue: z.number().int(),
  openMajorHazards: z.number().int(),
});
export type DashboardKpis = z.infer<typeof DashboardKpis>;

const Count = z.number().int();
export const SitesByColour = z.object({ grey: Count, green: Count, yellow: Count, orange: Count, red: Count, black: Count });
export type SitesByColour = z.infer<typeof SitesByColour>;

export const FigureDefinition = z.object({ zh: z.string(), en: z.string() });
export type FigureDefinitions = Record<FigureKey, { zh: string; en: string }>;

export const Dashboard = z.object({
  asOf: IsoDateTime,
  /** Asia/Shanghai. */
  today: IsoCalendarDate,
  /** Both inclusive; null = unbounded (no campaign). */
  period: z.object({ from: IsoCalendarDate.nullable(), to: IsoCalendarDate.nullable() }),
  campaign: z.object({ id: Id, name: z.string() }).nullable(),
  area: z.object({ id: Id, name: z.string() }).nullable(),
  kpis: DashboardKpis,
  sitesByColour: SitesByColour,
  /** The tooltips: the same text as docs/dashboard.md. */
  definitions: z.record(z.string(), FigureDefinition),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const DASHBOARD_DEFINITIONS: FigureDefinitions = RATE_DEFINITIONS;

export const TrendQuery = DashboardQuery.extend({
  days: z.coerce.number().int().min(1, { message: '天数至少为1 | days must be at least 1' }).max(366, { message: '天数最多为366 | days must be at most 366' }).default(30),
});
export const TrendDay = z.object({ day: IsoCalendarDate, found: z.number().int(), closed: z.number().int() });
export type TrendDay = z.infer<typeof TrendDay>;
export const DashboardTrend = z.object({ days: z.array(TrendDay) });
export type DashboardTrend = z.infer<typeof DashboardTrend>;

export const BREAKDOWN_KINDS = ['village', 'squad', 'department', 'domain', 'kind'] as const;
export const BreakdownKind = z.enum(BREAKDOWN_KINDS);
export type BreakdownKind = z.infer<typeof BreakdownKind>;

export const BreakdownQuery = DashboardQuery.extend({ by: BreakdownKind });

/**
 * One bar group. `key` null is the bucket of what has no such unit (a site directly under a town,
 * a site no squad answers for, a hazard with no check item). Site figures are null where the unit
 * owns hazards, not sites (department, domain).
 */
export const BreakdownRow = z.object({
  key: z.string().nullable(),
  name: z.string(),
  nameEn: z.string(),
  sites: z.number().int().nullable(),
  sitesInspected: z.number().int().nullable(),
  inspectionRate: Share,
  hazardsFound: z.number().int(),
  hazardsClosed: z.number().int(),
  closeOutRate: Share,
  hazardsOverdue: z.number().int(),
  openMajorHazards: z.number().int(),
});
export type BreakdownRow = z.infer<typeof BreakdownRow>;
export const DashboardBreakdown = z.object({ by: BreakdownKind, rows: z.array(BreakdownRow) });
export type DashboardBreakdown = z.infer<typeof DashboardBreakdown>;

export const OverdueQuery = DashboardQuery.extend({
  limit: z.coerce.number().int().min(1, { message: '条数至少为1 | limit must be at least 1' }).max(100, { message: '条数最多为100 | limit must be at most 100' }).default(10),
});
export const OverdueHazard = z.object({
  hazardId: Id,
  description: z.string(),
  level: HazardLevel,
  siteId: Id,
  siteName: z.string(),
  areaName: z.string(),
  departmentName: z.string(),
  deadline: IsoCalendarDate,
  daysOverdue: z.number().int(),
});
export type OverdueHazard = z.infer<typeof OverdueHazard>;
export const DashboardOverdue = z.object({ total: z.number().int(), items: z.array(OverdueHazard) });
export type DashboardOverdue = z.infer<typeof DashboardOverdue>;

export const ACTIVITY_KINDS = [
  'inspection',
  'reinspection',
  'hazard_found',
  'hazard_closed',
  'colour_changed',
  'yellow_card_issued',
  'yellow_card_resolved',
  'suspended',
  'suspension_lifted',
] as const;
export const ActivityKind = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof ActivityKind>;

export const ActivityItem = z.object({
  kind: ActivityKind,
  at: IsoDateTime,
  siteId: Id,
  siteName: z.string(),
  /** The hazard, inspection, yellow card or suspension the item is about. */
  refId: z.string(),
  /** Hazard description, yellow-card number or order reason; null for inspections and colours. */
  text: z.string().nullable(),
  level: HazardLevel.nullable(),
  colour: SiteColour.nullable(),
  previousColour: SiteColour.nullable(),
});
export type ActivityItem = z.infer<typeof ActivityItem>;
export const ActivityQuery = DashboardQuery.extend({
  limit: z.coerce.number().int().min(1, { message: '条数至少为1 | limit must be at least 1' }).max(200, { message: '条数最多为200 | limit must be at most 200' }).default(50),
});
export const DashboardActivity = z.object({ day: IsoCalendarDate, items: z.array(ActivityItem) });
export type DashboardActivity = z.infer<typeof DashboardActivity>;

/** What the live stream says: something of these kinds changed in your scope; refetch. */
export const CHANGE_KINDS = ['inspection', 'hazard', 'colour', 'order', 'site'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export interface DashboardChangedEvent {
  kinds: ChangeKind[];
}
