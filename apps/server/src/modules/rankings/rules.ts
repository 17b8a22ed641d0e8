import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { closeOutRate, competitionRanks, inspectionRate, type RankingCounts } from '@anxun/contracts';
import { addDays, attainment, mondayOf } from '../campaigns/rules.ts';

export { addDays, mondayOf };

dayjs.extend(utc);

/*
 * Pure ranking rules: days are Asia/Shanghai 'YYYY-MM-DD' strings (they compare as strings), and
 * China keeps UTC+8 all year, so a day's bounds are fixed offsets.
 */

/** The instant a Shanghai calendar day starts (00:00 +08:00). */
export const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** 24:00 of a Shanghai calendar day: the instant its snapshot is "as of". */
export const dayEnd = (day: string) => dayStart(addDays(day, 1));

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

export interface UnitCounts extends RankingCounts {
  unitId: string;
  name: string;
}

export interface RankedUnit extends UnitCounts {
  inspectionRank: number;
  closeOutRank: number;
}

/** Ranks every unit on both rates at once (competition ranking, exact-fraction ties). */
export function rankUnits<T extends UnitCounts>(units: readonly T[]): (T & { inspectionRank: number; closeOutRank: number })[] {
  const inspection = competitionRanks(units.map((u) => ({ numerator: u.sitesInspected, denominator: u.sitesInScope })));
  const closeOut = competitionRanks(units.map((u) => ({ numerator: u.hazardsClosed, denominator: u.hazardsFound })));
  return units.map((u, i) => ({ ...u, inspectionRank: inspection[i]!, closeOutRank: closeOut[i]! }));
}

/**
 * 末三位: a unit is in the bottom three when fewer than three ranked units sit strictly below it, so
 * a tie at the boundary marks every unit of the tie. Units with nothing to divide by ("—") are never
 * marked: an empty village is not a laggard.
 */
export function bottomThree(units: readonly { rank: number; denominator: number }[]): boolean[] {
  // Fewer than three ranks strictly above u.rank ⇔ the third-highest rank is not above it; one sort
  // instead of comparing every pair (2,000 villages: 4M comparisons, ≈70 ms per request).
  const third = units
    .filter((u) => u.denominator > 0)
    .map((u) => u.rank)
    .sort((a, b) => b - a)[2];
  return units.map((u) => u.denominator > 0 && (third === undefined || third <= u.rank));
}

/** Places gained since the comparison day: 5th → 2nd is +3 (▲3); null without an earlier rank. */
export const rankChange = (previous: number | undefined, current: number) => (previous === undefined ? null : previous - current);

export function rates(c: RankingCounts) {
  return { inspectionRate: inspectionRate(c.sitesInspected, c.sitesInScope), closeOutRate: closeOutRate(c.hazardsClosed, c.hazardsFound) };
}

/** The last day that has ended (and so can have a snapshot), given today's date. */
export const lastCompleteDay = (today: string) => addDays(today, -1);

/**
 * Days of a campaign that should have a snapshot by `today` and do not: every day from the start to
 * the end date or yesterday, whichever is earlier. A missed night is filled in by the next run.
 */
export function missingSnapshotDays(campaign: { startsOn: string; endsOn: string }, today: string, stored: ReadonlySet<string>): string[] {
  const last = minDay(campaign.endsOn, lastCompleteDay(today));
  if (last < campaign.startsOn) return [];
  return daysBetween(campaign.startsOn, last).filter((d) => !stored.has(d));
}

export const minDay = (a: string, b: string) => (a < b ? a : b);
export const maxDay = (a: string, b: string) => (a > b ? a : b);

export type Period = { kind: 'month'; month: string } | { kind: 'quarter'; quarter: string };

/** Calendar bounds of a month ('2026-05') or a quarter ('2026-Q2'). */
export function periodBounds(period: Period): { first: string; last: string } {
  const [year, rest] = period.kind === 'month' ? period.month.split('-') : period.quarter.split('-Q');
  const firstMonth = period.kind === 'month' ? Number(rest) : (Number(rest) - 1) * 3 + 1;
  const months = period.kind === 'month' ? 1 : 3;
  const first = dayjs.utc(`${year}-${String(firstMonth).padStart(2, '0')}-01`);
  return { first: first.format('YYYY-MM-DD'), last: first.add(months, 'month').subtract(1, 'day').format('YYYY-MM-DD') };
}

/**
 * The stretch of a month or quarter a period view covers: inside the campaign and only days that
 * have ended (月晾晒、季比拼 air completed days). Null when no such day exists yet.
 */
export function periodDays(period: Period, campaign: { startsOn: string; endsOn: string }, today: string): { first: string; last: string } | null {
  const bounds = periodBounds(period);
  const first = maxDay(bounds.first, campaign.startsOn);
  const last = minDay(minDay(bounds.last, campaign.endsOn), lastCompleteDay(today));
  return first <= last ? { first, last } : null;
}

/** Mean of the ranks a unit held over the days it was ranked; null when it was never ranked. */
export function averageRank(ranks: readonly number[]): number | null {
  if (ranks.length === 0) return null;
  return ranks.reduce((a, b) => a + b, 0) / ranks.length;
}

/**
 * Weekly target attainment of a squad: the week's progress (figures at the day's end minus those at
 * the end of the day before the week, or zero before the campaign started) against the week's target,
 * with the campaigns module's attainment rule (actual ÷ target).
 */
export function weeklyAttainment(
  now: Pick<RankingCounts, 'sitesInspected' | 'hazardsClosed'>,
  weekBefore: Pick<RankingCounts, 'sitesInspected' | 'hazardsClosed'> | null,
  target: { sitesInspected: number; hazardsClosed: number } | null,
) {
  const actual = {
    sitesInspected: now.sitesInspected - (weekBefore?.sitesInspected ?? 0),
    hazardsClosed: now.hazardsClosed - (weekBefore?.hazardsClosed ?? 0),
  };
  return {
    target,
    actual,
    attainment: { sitesInspected: attainment(actual.sitesInspected, target?.sitesInspected), hazardsClosed: attainment(actual.hazardsClosed, target?.hazardsClosed) },
  };
}
