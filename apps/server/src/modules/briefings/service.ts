import type { Briefing, BriefingTotals, BriefingTrendDay, RankingUnitKind, RankingView } from '@anxun/contracts';
import { nowOf, type RequestContext } from '../../platform/context.ts';
import { getRanking, getRankingHistory } from '../rankings/service.ts';
import { addDays } from '../rankings/rules.ts';
import { getDashboard, getOverdue } from '../dashboard/service.ts';
import { nailAiring } from '../nails/views.ts';
import { bottomNames, dayChange, issueNumber, summaryText, totalsOf } from './rules.ts';

/** How many of the longest-overdue hazards the briefing lists. */
const OVERDUE_LISTED = 10;

const rankingOf = (ctx: RequestContext, campaignId: string, unit: RankingUnitKind, day: string, now: Date) => getRanking(ctx, campaignId, { unit, day, period: 'day' }, now);

/**
 * The trend from the start to `day`: each day's village totals, from the ranking history (the nightly
 * snapshots); a day the job has not stored yet, and today so far, from the ranking of that day.
 */
async function trendTo(ctx: RequestContext, view: RankingView, now: Date): Promise<BriefingTrendDay[]> {
  const { campaign, day } = view;
  const history = await getRankingHistory(ctx, campaign.id, { unit: 'village', from: campaign.startsOn, to: day }, now);
  const byDay = new Map<string, BriefingTotals>();
  for (const d of history.days) byDay.set(d, totalsOf(history.units.flatMap((u) => u.points.filter((p) => p.day === d))));
  byDay.set(day, totalsOf(view.rows));
  const days: BriefingTrendDay[] = [];
  let before: BriefingTotals | null = null;
  for (let d = campaign.startsOn; d <= day; d = addDays(d, 1)) {
    const totals = byDay.get(d) ?? totalsOf((await rankingOf(ctx, campaign.id, 'village', d, now)).rows);
    days.push({ day: d, ...totals, foundThatDay: totals.hazardsFound - (before?.hazardsFound ?? 0), closedThatDay: totals.hazardsClosed - (before?.hazardsClosed ?? 0) });
    before = totals;
  }
  return days;
}

/**
 * GET /campaigns/:id/briefings/:day — 每日通报, assembled from the rankings (figures as of the day's
 * cut-off, ranks, 末三位, weekly attainment), the dashboard (overdue and open majors as they stand,
 * the longest-overdue hazards) and the nails' monthly airing (key nails). The rankings' checks come
 * first: 403 for parties, 404 outside the viewer's areas, 400 for a day outside the campaign.
 */
export async function getBriefing(ctx: RequestContext, campaignId: string, day: string, now = nowOf(ctx)): Promise<Briefing> {
  const villages = await rankingOf(ctx, campaignId, 'village', day, now);
  const squads = await rankingOf(ctx, campaignId, 'squad', day, now);
  const { campaign } = villages;
  const trend = await trendTo(ctx, villages, now);
  const [dashboard, overdue, airing] = await Promise.all([
    getDashboard(ctx, { campaignId }, now),
    getOverdue(ctx, { campaignId, limit: OVERDUE_LISTED }, now),
    nailAiring(ctx, campaignId, day.slice(0, 7), now),
  ]);
  const totals = trend[trend.length - 1]!;
  const previous = trend.length > 1 ? trend[trend.length - 2]! : null;
  const headline = {
    sitesInScope: totals.sitesInScope,
    sitesInspected: totals.sitesInspected,
    inspectionRate: totals.inspectionRate,
    hazardsFound: totals.hazardsFound,
    hazardsClosed: totals.hazardsClosed,
    closeOutRate: totals.closeOutRate,
    change: dayChange(totals, previous),
    hazardsOverdue: dashboard.kpis.hazardsOverdue,
    openMajorHazards: dashboard.kpis.openMajorHazards,
  };
  const bottom = { villages: bottomNames(villages.rows), squads: bottomNames(squads.rows) };
  const keyNails = airing.rows.filter((r) => r.kind === 'key');
  return {
    campaign,
    day,
    issueNo: issueNumber(campaign.startsOn, day),
    live: villages.live,
    comparedWith: villages.comparedWith,
    computedAt: now.toISOString(),
    headline,
    trend,
    villages: villages.rows,
    squads: squads.rows,
    bottom,
    overdue,
    nails: { month: airing.month, rows: keyNails },
    summary: summaryText({
      campaignName: campaign.name,
      day,
      live: villages.live,
      computedAt: now,
      headline,
      bottom,
      keyNails: { total: keyNails.length, noProgress: keyNails.filter((n) => n.noProgress).map((n) => n.title) },
    }),
  };
}

/** A filename-safe name: 每日通报-<campaign>-<day>. */
export const briefingFileName = (b: Pick<Briefing, 'campaign' | 'day'>) => `每日通报-${b.campaign.name.replace(/[\\/:*?"<>|\s]+/g, '_')}-${b.day}`;
