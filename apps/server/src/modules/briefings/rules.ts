import { closeOutRate, inspectionRate, type BriefingBottom, type BriefingHeadline, type BriefingTotals, type RankingCounts } from '@anxun/contracts';
import { daysBetween } from '../rankings/rules.ts';

/*
 * Pure rules of the daily briefing (每日通报): it adds nothing of its own to the figures — totals are
 * sums of ranking rows, rates come from the shared rate rules — and turns them into the paragraph.
 */

/** The campaign's totals: the sum of the units' four counts, with the shared rates. */
export function totalsOf(units: readonly RankingCounts[]): BriefingTotals {
  const sum = (key: keyof RankingCounts) => units.reduce((n, u) => n + u[key], 0);
  const sitesInScope = sum('sitesInScope');
  const sitesInspected = sum('sitesInspected');
  const hazardsFound = sum('hazardsFound');
  const hazardsClosed = sum('hazardsClosed');
  return {
    sitesInScope,
    sitesInspected,
    inspectionRate: inspectionRate(sitesInspected, sitesInScope),
    hazardsFound,
    hazardsClosed,
    closeOutRate: closeOutRate(hazardsClosed, hazardsFound),
  };
}

/**
 * Percentage points between two rates as printed (each to 0.1 %), so the text adds up for a reader:
 * 45.7 % after 40.1 % is +5.6; null when either is "—".
 */
export function ratePoints(now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  return (Math.round(now * 1000) - Math.round(before * 1000)) / 10;
}

/** The day's movement: totals at its cut-off minus those at the end of the day before. */
export function dayChange(now: BriefingTotals, before: BriefingTotals | null): BriefingHeadline['change'] {
  if (!before) return null;
  return {
    sitesInScope: now.sitesInScope - before.sitesInScope,
    sitesInspected: now.sitesInspected - before.sitesInspected,
    inspectionRatePoints: ratePoints(now.inspectionRate, before.inspectionRate),
    hazardsFound: now.hazardsFound - before.hazardsFound,
    hazardsClosed: now.hazardsClosed - before.hazardsClosed,
    closeOutRatePoints: ratePoints(now.closeOutRate, before.closeOutRate),
  };
}

/** 末三位 by name, in rank order (the ranking's own bottom-three marks, ties included). */
export function bottomNames(rows: readonly { name: string; inspectionRank: number; closeOutRank: number; inspectionBottom: boolean; closeOutBottom: boolean }[]): BriefingBottom {
  const pick = (marked: (r: (typeof rows)[number]) => boolean, rank: (r: (typeof rows)[number]) => number) =>
    rows
      .filter(marked)
      .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh'))
      .map((r) => r.name);
  return { inspection: pick((r) => r.inspectionBottom, (r) => r.inspectionRank), closeOut: pick((r) => r.closeOutBottom, (r) => r.closeOutRank) };
}

/** 第N期: the campaign's start day is issue 1. */
export const issueNumber = (startsOn: string, day: string) => daysBetween(startsOn, day).length;

/** 45.67% for 0.45671; "—" when there is nothing to divide by. */
export const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/** "11月22日" */
export const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** "11月22日24时" for a completed day, "11月23日15时30分" for today so far (Asia/Shanghai). */
export function cutOffText(day: string, live: boolean, computedAt: Date): string {
  if (!live) return `${monthDay(day)}24时`;
  const shanghai = new Date(computedAt.getTime() + 8 * 3_600_000);
  return `${monthDay(day)}${shanghai.getUTCHours()}时${String(shanghai.getUTCMinutes()).padStart(2, '0')}分`;
}

function movement(points: number | null): string {
  if (points === null) return '';
  if (points === 0) return '，与前一日持平';
  return `，较前一日${points > 0 ? '提高' : '下降'}${Math.abs(points).toFixed(1)}个百分点`;
}

const names = (list: readonly string[]) => (list.length ? list.join('、') : '无');

export interface SummaryInput {
  campaignName: string;
  day: string;
  live: boolean;
  computedAt: Date;
  headline: BriefingHeadline;
  bottom: { villages: BriefingBottom; squads: BriefingBottom };
  keyNails: { total: number; noProgress: readonly string[] };
}

/** The briefing's paragraph in official style, built from the figures alone. */
export function summaryText(input: SummaryInput): string {
  const h = input.headline;
  const c = h.change;
  const parts = [
    `截至${cutOffText(input.day, input.live, input.computedAt)}，${input.campaignName}应排查${h.sitesInScope}家，累计排查${h.sitesInspected}家，排查率${percent(h.inspectionRate)}${movement(c?.inspectionRatePoints ?? null)}`,
    `累计发现隐患${h.hazardsFound}处，已销号${h.hazardsClosed}处，销号率${percent(h.closeOutRate)}${movement(c?.closeOutRatePoints ?? null)}`,
  ];
  if (c) parts.push(`${input.live ? '今日' : '当日'}新排查${c.sitesInspected}家，新发现隐患${c.hazardsFound}处，销号${c.hazardsClosed}处`);
  parts.push(`目前逾期未整改隐患${h.hazardsOverdue}处，重大隐患未销号${h.openMajorHazards}处。`);
  const text = [parts.join('；')];
  text.push(`排查率排名后三位的村社为：${names(input.bottom.villages.inspection)}；销号率排名后三位的村社为：${names(input.bottom.villages.closeOut)}。`);
  if (input.bottom.squads.inspection.length || input.bottom.squads.closeOut.length) {
    text.push(`排查率排名后三位的小组为：${names(input.bottom.squads.inspection)}；销号率排名后三位的小组为：${names(input.bottom.squads.closeOut)}。`);
  }
  if (input.keyNails.total > 0) {
    text.push(
      input.keyNails.noProgress.length
        ? `重点钉${input.keyNails.total}个，本月无进展${input.keyNails.noProgress.length}个：${names(input.keyNails.noProgress)}。`
        : `重点钉${input.keyNails.total}个，本月均有进展。`,
    );
  }
  text.push('请排名靠后的村社、小组查找原因，加快排查整治进度。');
  return text.join('');
}
