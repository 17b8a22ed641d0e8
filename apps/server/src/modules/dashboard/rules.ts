import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import {
  closeOutRate,
  inspectionRate,
  SITE_COLOURS,
  type BreakdownRow,
  type ChangeKind,
  type DashboardKpis,
  type SiteColour,
  type SitesByColour,
  type TrendDay,
} from '@anxun/contracts';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Days, periods and deadlines are Asia/Shanghai calendar days, as everywhere in the loop. */
export const DAY_ZONE = 'Asia/Shanghai';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(day: string) {
  const parsed = DAY.test(day) ? dayjs.tz(day, DAY_ZONE) : null;
  if (!parsed?.isValid() || parsed.format('YYYY-MM-DD') !== day) throw new RangeError(`not a calendar day: ${day}`);
  return parsed;
}

/** The Asia/Shanghai day an instant falls on. */
export const dayOf = (instant: Date): string => dayjs(instant).tz(DAY_ZONE).format('YYYY-MM-DD');

/** The instant a day starts (00:00 Asia/Shanghai). */
export const dayStart = (day: string): Date => parseDay(day).toDate();

/** The instant after a day's last moment: 00:00 Asia/Shanghai of the next day. */
export const dayEnd = (day: string): Date => parseDay(day).add(1, 'day').toDate();

/** China has kept UTC+8 all year since 1991 (no daylight saving), so a Shanghai day is a fixed UTC window. */
export const SHANGHAI_OFFSET_SECONDS = 8 * 3600;

/** A Shanghai epoch day (whole days since 1970-01-01 in UTC+8), as counted in SQL, → its calendar day. */
export const epochDayToDay = (epochDay: number): string => new Date(epochDay * 86_400_000).toISOString().slice(0, 10);

/** The `days` calendar days ending with `today`, oldest first. */
export function dayWindow(today: string, days: number): string[] {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`);
  const last = parseDay(today);
  return Array.from({ length: days }, (_, i) => last.subtract(days - 1 - i, 'day').format('YYYY-MM-DD'));
}

/**
 * One row per day of the window, counts from per-day rows (days with nothing are 0). A count
 * dated outside the window is a query bug, not something to drop silently.
 */
export function bucketTrend(window: readonly string[], found: readonly { day: string; n: number }[], closed: readonly { day: string; n: number }[]): TrendDay[] {
  const rows = new Map(window.map((day) => [day, { day, found: 0, closed: 0 }]));
  const add = (list: readonly { day: string; n: number }[], field: 'found' | 'closed') => {
    for (const { day, n } of list) {
      const row = rows.get(day);
      if (!row) throw new RangeError(`count for ${day} lies outside the trend window`);
      row[field] += n;
    }
  };
  add(found, 'found');
  add(closed, 'closed');
  return [...rows.values()];
}

/** Whole calendar days from a deadline day to today; the deadline day itself is 0 (on time). */
export function daysOverdue(deadline: string, today: string): number {
  return parseDay(today).diff(parseDay(deadline), 'day');
}

/** A campaign's period as instants: [first day 00:00, the day after the last day 00:00). */
export function periodBounds(period: { from: string | null; to: string | null }): { from: Date | null; to: Date | null } {
  return { from: period.from ? dayStart(period.from) : null, to: period.to ? dayEnd(period.to) : null };
}

export interface SiteCounts {
  sites: number;
  inspected: number;
}

export interface HazardCounts {
  found: number;
  closed: number;
  overdue: number;
  openMajors: number;
}

export const NO_HAZARDS: HazardCounts = { found: 0, closed: 0, overdue: 0, openMajors: 0 };

/** The KPI cards from the raw counts; the rates come from the shared rate rules. */
export function kpisFrom(sites: SiteCounts, hazards: HazardCounts): DashboardKpis {
  return {
    sitesInScope: sites.sites,
    sitesInspected: sites.inspected,
    inspectionRate: inspectionRate(sites.inspected, sites.sites),
    hazardsFound: hazards.found,
    hazardsClosed: hazards.closed,
    closeOutRate: closeOutRate(hazards.closed, hazards.found),
    hazardsOverdue: hazards.overdue,
    openMajorHazards: hazards.openMajors,
  };
}

/** Per-colour rows → every colour present (0 when none), so the chart always has six slices. */
export function coloursFrom(rows: readonly { colour: SiteColour; n: number }[]): SitesByColour {
  const out = Object.fromEntries(SITE_COLOURS.map((c) => [c, 0])) as SitesByColour;
  for (const { colour, n } of rows) out[colour] += n;
  return out;
}

export interface UnitName {
  key: string | null;
  name: string;
  nameEn: string;
}

/**
 * Joins per-unit site and hazard counts into breakdown rows, in the order of `names` (units it
 * does not name come after, the "none" bucket last). `withSites` is false for units that own
 * hazards but not sites (departments, domains): their site figures are null, not 0.
 */
export function mergeBreakdown(
  names: readonly UnitName[],
  siteRows: readonly ({ key: string | null } & SiteCounts)[],
  hazardRows: readonly ({ key: string | null } & HazardCounts)[],
  withSites: boolean,
  fallbackName: (key: string | null) => UnitName,
): BreakdownRow[] {
  const keys = new Set<string | null>([...siteRows.map((r) => r.key), ...hazardRows.map((r) => r.key)]);
  const order = new Map(names.map((n, i) => [n.key, i]));
  const rank = (key: string | null) => (key === null ? Number.MAX_SAFE_INTEGER : (order.get(key) ?? Number.MAX_SAFE_INTEGER - 1));
  const sorted = [...keys].sort((a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b)));
  return sorted.map((key) => {
    const s = siteRows.find((r) => r.key === key) ?? { sites: 0, inspected: 0 };
    const h = hazardRows.find((r) => r.key === key) ?? NO_HAZARDS;
    const unit = names.find((n) => n.key === key) ?? fallbackName(key);
    const k = kpisFrom(s, h);
    return {
      key,
      name: unit.name,
      nameEn: unit.nameEn,
      sites: withSites ? k.sitesInScope : null,
      sitesInspected: withSites ? k.sitesInspected : null,
      inspectionRate: withSites ? k.inspectionRate : null,
      hazardsFound: k.hazardsFound,
      hazardsClosed: k.hazardsClosed,
      closeOutRate: k.closeOutRate,
      hazardsOverdue: k.hazardsOverdue,
      openMajorHazards: k.openMajorHazards,
    };
  });
}

/** What a committed write's audit action tells a live view; null = nothing the dashboard shows. */
export function changeKind(action: string): ChangeKind | null {
  if (action === 'site.inspected' || action === 'site.reinspected' || action.startsWith('inspection.')) return 'inspection';
  if (action.startsWith('hazard.')) return 'hazard';
  if (action === 'site.colour_changed') return 'colour';
  if (action.startsWith('yellow_card.') || action === 'site.suspended' || action === 'site.resumed') return 'order';
  if (action.startsWith('site.')) return 'site';
  return null;
}
