import {
  CHECK_DOMAIN_LABELS_ZH,
  CHECK_DOMAINS,
  DASHBOARD_DEFINITIONS,
  LABELS_ZH,
  SITE_KINDS,
  type BreakdownKind,
  type Dashboard,
  type DashboardActivity,
  type DashboardBreakdown,
  type DashboardOverdue,
  type DashboardQuery,
  type DashboardTrend,
} from '@anxun/contracts';
import type { RequestContext } from '../../platform/context.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { findArea } from '../areas/queries.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { todaysActivity } from './activity.ts';
import { canReadCampaign } from '../campaigns/policy.ts';
import { canNarrowTo, canReadDashboard, hazardDepartment } from './policy.ts';
import {
  countsByDay,
  departmentNames,
  findCampaign,
  hazardCountsBy,
  hazardTotals,
  overdueHazards,
  siteCountsBy,
  sitesByColour,
  squadsOf,
  villagesByPath,
  type Lens,
} from './queries.ts';
import { bucketTrend, coloursFrom, dayEnd, dayStart, dayWindow, daysOverdue, epochDayToDay, kpisFrom, mergeBreakdown, periodBounds, type UnitName } from './rules.ts';

interface Resolved {
  lens: Lens;
  period: { from: string | null; to: string | null };
  campaign: { id: string; name: string } | null;
  area: { id: string; name: string } | null;
}

/** Who may look, and at what: 403 for a party, 404 for an area or campaign outside the scope. */
async function resolveLens(ctx: RequestContext, query: DashboardQuery, now: Date): Promise<Resolved> {
  const { actor } = ctx;
  if (!canReadDashboard(actor)) throw forbidden();
  const db = ctx.database.db;
  const area = query.areaId ? await findArea(db, query.areaId) : undefined;
  if (query.areaId && (!area || !canNarrowTo(actor, area.path))) throw notFound('area');
  const campaign = query.campaignId ? await findCampaign(db, query.campaignId) : undefined;
  if (query.campaignId && (!campaign || !canReadCampaign(actor, campaign))) throw notFound('campaign');
  const period = campaign ? { from: campaign.startsOn, to: campaign.endsOn } : { from: null, to: null };
  const bounds = periodBounds(period);
  return {
    lens: {
      actor,
      areaPath: area?.path ?? null,
      campaign: campaign ? { id: campaign.id, areaPath: campaign.areaPath, siteKinds: campaign.siteKinds } : null,
      from: bounds.from,
      to: bounds.to,
      departmentId: hazardDepartment(actor),
      today: shanghaiDate(now),
    },
    period,
    campaign: campaign ? { id: campaign.id, name: campaign.name } : null,
    area: area ? { id: area.id, name: area.name } : null,
  };
}

export async function getDashboard(ctx: RequestContext, query: DashboardQuery, now = new Date()): Promise<Dashboard> {
  const { lens, period, campaign, area } = await resolveLens(ctx, query, now);
  const db = ctx.database.db;
  const colours = await sitesByColour(db, lens);
  const hazards = await hazardTotals(db, lens);
  const sites = colours.reduce((sum, r) => ({ sites: sum.sites + r.sites, inspected: sum.inspected + r.inspected }), { sites: 0, inspected: 0 });
  return {
    asOf: now.toISOString(),
    today: lens.today,
    period,
    campaign,
    area,
    kpis: kpisFrom(sites, hazards),
    sitesByColour: coloursFrom(colours.map((r) => ({ colour: r.colour, n: r.sites }))),
    definitions: DASHBOARD_DEFINITIONS,
  };
}

export async function getTrend(ctx: RequestContext, query: DashboardQuery & { days: number }, now = new Date()): Promise<DashboardTrend> {
  const { lens } = await resolveLens(ctx, query, now);
  const window = dayWindow(lens.today, query.days);
  const since = dayStart(window[0]!);
  const db = ctx.database.db;
  const found = await countsByDay(db, lens, 'found', since);
  const closed = await countsByDay(db, lens, 'closed', since);
  // A timestamp later than today (a clock ahead on some phone) has no bar to go in.
  const inWindow = (rows: { day: number; n: number }[]) => rows.map((r) => ({ day: epochDayToDay(r.day), n: r.n })).filter((r) => r.day <= lens.today);
  return { days: bucketTrend(window, inWindow(found), inWindow(closed)) };
}

const KIND_NAMES: UnitName[] = SITE_KINDS.map((k) => ({ key: k, name: LABELS_ZH.siteKind[k], nameEn: k.replace(/_/g, ' ') }));
const DOMAIN_NAMES: UnitName[] = CHECK_DOMAINS.map((d) => ({ key: d, name: CHECK_DOMAIN_LABELS_ZH[d], nameEn: d.replace(/_/g, ' ') }));
const NONE: Record<BreakdownKind, [string, string]> = {
  village: ['镇街直属', 'Directly under the town'],
  squad: ['未分配小组', 'No squad'],
  department: ['未知部门', 'Unknown department'],
  domain: ['未关联检查项', 'No check item'],
  kind: ['其他', 'Other'],
};

export async function getBreakdown(ctx: RequestContext, query: DashboardQuery & { by: BreakdownKind }, now = new Date()): Promise<DashboardBreakdown> {
  const { lens } = await resolveLens(ctx, query, now);
  const { by } = query;
  if (by === 'squad' && !lens.campaign) throw badRequest('campaign_required', '按小组统计需先选择专项行动', 'Choose a campaign to break down by squad');
  const db = ctx.database.db;
  const withSites = by === 'village' || by === 'kind' || by === 'squad';
  const siteRows = withSites ? await siteCountsBy(db, lens, by) : [];
  const hazardRows = await hazardCountsBy(db, lens, by);
  let names: UnitName[];
  if (by === 'village') {
    const paths = [...new Set([...siteRows, ...hazardRows].map((r) => r.key).filter((k): k is string => k !== null))];
    names = (await villagesByPath(db, paths)).map((v) => ({ ...v, nameEn: v.name }));
  } else if (by === 'squad') names = (await squadsOf(db, lens.campaign!.id)).map((s) => ({ ...s, nameEn: s.name }));
  else if (by === 'department') names = await departmentNames(db);
  else names = by === 'kind' ? KIND_NAMES : DOMAIN_NAMES;
  const fallback = (key: string | null): UnitName => (key === null ? { key, name: NONE[by][0], nameEn: NONE[by][1] } : { key, name: key, nameEn: key });
  return { by, rows: mergeBreakdown(names, siteRows, hazardRows, withSites, fallback) };
}

export async function getOverdue(ctx: RequestContext, query: DashboardQuery & { limit: number }, now = new Date()): Promise<DashboardOverdue> {
  const { lens } = await resolveLens(ctx, query, now);
  const db = ctx.database.db;
  const rows = await overdueHazards(db, lens, query.limit);
  const { overdue } = await hazardTotals(db, lens);
  return { total: overdue, items: rows.map((r) => ({ ...r, daysOverdue: daysOverdue(r.deadline, lens.today) })) };
}

export async function getActivity(ctx: RequestContext, query: DashboardQuery & { limit: number }, now = new Date()): Promise<DashboardActivity> {
  const { lens } = await resolveLens(ctx, query, now);
  const items = await todaysActivity(ctx.database.db, lens, dayStart(lens.today), dayEnd(lens.today), query.limit);
  return { day: lens.today, items };
}

/** For the live stream: the same checks as the reads, answered before the stream opens. */
export async function liveLens(ctx: RequestContext, query: DashboardQuery): Promise<Lens> {
  return (await resolveLens(ctx, query, new Date())).lens;
}
