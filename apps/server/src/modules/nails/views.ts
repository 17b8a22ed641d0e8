import type { NailAiring, NailDetail, NailListQuery, NailMilestoneView, NailList, NailSummary } from '@anxun/contracts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { findArea } from '../areas/queries.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { canReadCampaign } from '../campaigns/policy.ts';
import { canNail, nailAllowed } from './policy.ts';
import { departmentsOf, findCampaign, findNail, listNails, milestonesOf, nailAreaName, nailFilters, nailHistory, sitesOf, updatesOf, type CampaignRow, type NailRow } from './queries.ts';
import { milestoneOverdue, monthlyAiring, monthStarted, reportStatuses } from './rules.ts';
import type { nailMilestones } from './schema.ts';

export const nailNotFound = () => new AppError(404, 'not_found', '钉不存在或无权查看', 'nail not found');
export const campaignNotFound = () => new AppError(404, 'not_found', '专项行动不存在或无权查看', 'campaign not found');

/**
 * 404 for a campaign the actor has no part in, so its existence does not leak. Its nails are listed
 * to whoever reads the campaign (scope overlapping its area); which nails, `visibleNails` decides.
 */
export async function loadCampaign(ctx: RequestContext, db: Executor, campaignId: string): Promise<CampaignRow> {
  const campaign = await findCampaign(db, campaignId);
  if (!campaign || !canReadCampaign(ctx.actor, campaign)) throw campaignNotFound();
  return campaign;
}

/** The nail with its department links, 404 when the actor may not read it. */
export async function loadNail(ctx: RequestContext, db: Executor, id: string, lock = false) {
  const nail = await findNail(db, id, lock);
  if (!nail) throw nailNotFound();
  const departmentIds = (await departmentsOf(db, [id])).map((d) => d.id);
  const scope = { areaPath: nail.areaPath, departmentIds };
  if (!canNail(ctx.actor, 'read', scope)) throw nailNotFound();
  return { nail, scope };
}

type MilestoneRow = typeof nailMilestones.$inferSelect;

const milestoneView = (m: MilestoneRow, today: string): NailMilestoneView => ({ id: m.id, title: m.title, dueOn: m.dueOn, doneOn: m.doneOn, overdue: milestoneOverdue(m, today) });

function summaryOf(
  nail: NailRow,
  areaName: string,
  departments: { id: string; name: string }[],
  milestones: MilestoneRow[],
  lastReportedAt: Date | null,
  today: string,
): NailSummary {
  const views = milestones.map((m) => milestoneView(m, today));
  return {
    id: nail.id,
    campaignId: nail.campaignId,
    kind: nail.kind,
    title: nail.title,
    areaId: nail.areaId,
    areaName,
    status: nail.status,
    progress: nail.progress,
    departments,
    milestonesTotal: views.length,
    milestonesDone: views.filter((m) => m.doneOn !== null).length,
    milestonesOverdue: views.filter((m) => m.overdue).length,
    nextMilestone: views.find((m) => m.doneOn === null) ?? null,
    lastReportedAt: lastReportedAt?.toISOString() ?? null,
    createdAt: nail.createdAt.toISOString(),
    resolvedAt: nail.resolvedAt?.toISOString() ?? null,
  };
}

const groupBy = <T extends { nailId: string }>(rows: T[]) => {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.nailId, [...(map.get(row.nailId) ?? []), row]);
  return map;
};

async function areaFilterPath(ctx: RequestContext, db: Executor, areaId: string | undefined) {
  if (!areaId) return undefined;
  const area = await findArea(db, areaId);
  // An area outside the scope filters nothing in; answering 404 keeps it from being probed.
  if (!area || !ctx.actor.scopePaths.some((p) => area.path.startsWith(p) || p.startsWith(area.path))) throw new AppError(404, 'not_found', '区域不存在或无权查看', 'area not found');
  return area.path;
}

/** GET /api/campaigns/:campaignId/nails */
export async function listCampaignNails(ctx: RequestContext, campaignId: string, query: NailListQuery = {}, now = new Date()): Promise<NailList> {
  const db = ctx.database.db;
  await loadCampaign(ctx, db, campaignId);
  const { areaId, ...filters } = query;
  const rows = await listNails(db, nailFilters(ctx.actor, campaignId, filters, await areaFilterPath(ctx, db, areaId)));
  const ids = rows.map((r) => r.nail.id);
  const [departments, milestones, updates] = await Promise.all([departmentsOf(db, ids), milestonesOf(db, ids), updatesOf(db, ids)]);
  const byNail = { departments: groupBy(departments), milestones: groupBy(milestones) };
  const lastReport = new Map(updates.map((u) => [u.update.nailId, u.update.reportedAt]));
  const today = shanghaiDate(now);
  const items = rows.map((r) =>
    summaryOf(r.nail, r.areaName, (byNail.departments.get(r.nail.id) ?? []).map(({ id, name }) => ({ id, name })), byNail.milestones.get(r.nail.id) ?? [], lastReport.get(r.nail.id) ?? null, today),
  );
  return { items, total: items.length };
}

/** GET /api/nails/:id: the case with its plan, links, milestones, reports and history. */
export async function getNail(ctx: RequestContext, id: string, now = new Date()): Promise<NailDetail> {
  const db = ctx.database.db;
  const { nail, scope } = await loadNail(ctx, db, id);
  return nailDetail(db, ctx.actor, nail, scope, now);
}

export async function nailDetail(db: Executor, actor: Actor, nail: NailRow, scope: { areaPath: string; departmentIds: readonly string[] }, now: Date): Promise<NailDetail> {
  const today = shanghaiDate(now);
  const [campaign, areaName, departments, milestones, updates, linkedSites, history] = await Promise.all([
    findCampaign(db, nail.campaignId),
    nailAreaName(db, nail.areaId),
    departmentsOf(db, [nail.id]),
    milestonesOf(db, [nail.id]),
    updatesOf(db, [nail.id]),
    sitesOf(db, nail.id),
    nailHistory(db, nail.id),
  ]);
  const allowed = nailAllowed(actor, { ...scope, status: nail.status });
  return {
    ...summaryOf(nail, areaName, departments.map(({ id, name }) => ({ id, name })), milestones, updates.at(-1)?.update.reportedAt ?? null, today),
    campaignName: campaign?.name ?? '',
    description: nail.description,
    plan: nail.plan,
    sites: linkedSites,
    milestones: milestones.map((m) => milestoneView(m, today)),
    updates: updates
      .map((u) => ({ id: u.update.id, progress: u.update.progress, status: u.update.status, note: u.update.note, reporterName: u.reporterName, reportedAt: u.update.reportedAt.toISOString() }))
      .reverse(),
    timeline: history.map((e) => ({ action: e.action, actorName: e.actorName ?? '', at: e.at.toISOString(), after: e.after })),
    reportStatuses: allowed.report ? reportStatuses(nail.status, canNail(actor, 'reopen', scope)) : [],
    allowed,
  };
}

/** GET /api/campaigns/:campaignId/nails/airing?month=YYYY-MM (月晾晒) over the nails the actor sees. */
export async function nailAiring(ctx: RequestContext, campaignId: string, month: string, now = new Date()): Promise<NailAiring> {
  const db = ctx.database.db;
  await loadCampaign(ctx, db, campaignId);
  const today = shanghaiDate(now);
  if (!monthStarted(month, today)) {
    throw badRequest('month_not_started', `${month} 尚未开始，无法晾晒`, `${month} has not begun yet`, [
      { path: 'querystring.month', message: '月份不能晚于本月', messageEn: 'The month cannot be later than this one' },
    ]);
  }
  const rows = await listNails(db, nailFilters(ctx.actor, campaignId, {}));
  const ids = rows.map((r) => r.nail.id);
  const [milestones, updates] = await Promise.all([milestonesOf(db, ids), updatesOf(db, ids)]);
  const byNail = { milestones: groupBy(milestones), updates: groupBy(updates.map((u) => u.update)) };
  return monthlyAiring(
    month,
    today,
    rows.map((r) => ({
      id: r.nail.id,
      kind: r.nail.kind,
      title: r.nail.title,
      areaName: r.areaName,
      createdAt: r.nail.createdAt,
      updates: byNail.updates.get(r.nail.id) ?? [],
      milestones: byNail.milestones.get(r.nail.id) ?? [],
    })),
  );
}
