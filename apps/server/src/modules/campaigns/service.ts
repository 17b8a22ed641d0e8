import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Campaign, CampaignDetail, CampaignListQuery, CampaignUpdateBody, CampaignWriteBody } from '@anxun/contracts';
import type { RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { write } from '../../platform/write.ts';
import { AppError, conflict, forbidden } from '../../platform/errors.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { findArea } from '../areas/queries.ts';
import { sites } from '../sites/schema.ts';
import { campaigns, campaignSites } from './schema.ts';
import { campaignAllowed, canCreateCampaign, canManageCampaign, canReadCampaign } from './policy.ts';
import { campaignCounts, findCampaign, listCampaignRows, listUnits, toCampaign, visibleCampaigns, type CampaignRow } from './queries.ts';

export const campaignNotFound = () => new AppError(404, 'not_found', '专项行动不存在或无权查看', 'campaign not found');

const notManager = () => forbidden('只有系统管理员和专班指挥部可以设置专项行动', 'Only admins and the command centre may set up a campaign');

/** 422 with one detail, the shape every campaign rule refusal takes. */
export const unprocessable = (code: string, path: string, zh: string, en: string) => new AppError(422, code, zh, en, [{ path, message: zh, messageEn: en }]);

/**
 * The campaign if the actor may read it (404 otherwise, hidden looks like absent); with `manage`,
 * 403 when they may read it but not set it up.
 */
export async function loadCampaign(ctx: RequestContext, db: Executor, id: string, need: 'read' | 'manage' = 'read'): Promise<{ campaign: CampaignRow; areaName: string }> {
  const found = await findCampaign(db, id);
  if (!found || !canReadCampaign(ctx.actor, found.campaign)) throw campaignNotFound();
  if (need === 'manage' && !canManageCampaign(ctx.actor, found.campaign)) throw notManager();
  return found;
}

export async function listCampaigns(ctx: RequestContext, query: z.infer<typeof CampaignListQuery>, now = new Date()) {
  if (!ctx.actor.roles.some((r) => r !== 'party')) throw forbidden('当事人无权查看专项行动', 'Inspected parties do not see campaigns');
  const today = shanghaiDate(now);
  const all = (await listCampaignRows(ctx.database.db, visibleCampaigns(ctx.actor))).map((r) => toCampaign(r.campaign, r.areaName, today));
  // A town runs a handful of campaigns a year, so status is filtered after computing it.
  const matching = query.status ? all.filter((c) => c.status === query.status) : all;
  const start = (query.page - 1) * query.pageSize;
  return { items: matching.slice(start, start + query.pageSize), total: matching.length, page: query.page, pageSize: query.pageSize };
}

export async function getCampaign(ctx: RequestContext, id: string, now = new Date()): Promise<CampaignDetail> {
  const db = ctx.database.db;
  const { campaign, areaName } = await loadCampaign(ctx, db, id);
  const [units, counts] = await Promise.all([listUnits(db, id), campaignCounts(db, campaign, ctx.actor)]);
  const countKind = (kind: string) => units.filter((u) => u.kind === kind).length;
  return {
    ...toCampaign(campaign, areaName, shanghaiDate(now)),
    units,
    counts: {
      sitesInScope: counts.inScope,
      sitesAssigned: counts.assigned,
      sitesUnassigned: counts.inScope - counts.assigned,
      sitesInspected: counts.inspected,
      zones: countKind('zone'),
      squads: countKind('squad'),
      villageTeams: countKind('village_team'),
      members: units.reduce((n, u) => n + u.members.length, 0),
    },
    allowed: campaignAllowed(ctx.actor, campaign),
  };
}

const auditView = (c: CampaignRow) => ({ name: c.name, areaId: c.areaId, startsOn: c.startsOn, endsOn: c.endsOn, siteKinds: c.siteKinds });

export async function createCampaign(ctx: RequestContext, body: CampaignWriteBody, now = new Date()): Promise<Campaign> {
  const id = await write(ctx, async ({ tx, audit }) => {
    if (!canCreateCampaign(ctx.actor)) throw notManager();
    const area = await findArea(tx, body.areaId);
    if (!area || !canReadCampaign(ctx.actor, { areaPath: area.path })) {
      throw unprocessable('area_not_found', 'body.areaId', '所选区域不存在或无权查看', 'The area does not exist or is outside your scope');
    }
    if (!canManageCampaign(ctx.actor, { areaPath: area.path })) {
      throw unprocessable('area_outside_scope', 'body.areaId', '专项行动的范围必须在您的管辖区域之内', 'The campaign area must lie inside your own scope');
    }
    const row = { id: randomUUID(), name: body.name, areaId: area.id, areaPath: area.path, startsOn: body.startsOn, endsOn: body.endsOn, siteKinds: body.siteKinds, createdBy: ctx.actor.id, createdAt: now };
    await tx.insert(campaigns).values(row);
    audit({ action: 'campaign.created', entityType: 'campaign', entityId: row.id, after: auditView(row) });
    return row.id;
  });
  const { campaign, areaName } = (await findCampaign(ctx.database.db, id))!;
  return toCampaign(campaign, areaName, shanghaiDate(now));
}

export async function updateCampaign(ctx: RequestContext, id: string, body: CampaignUpdateBody, now = new Date()): Promise<CampaignDetail> {
  await write(ctx, async ({ tx, audit }) => {
    const { campaign } = await loadCampaign(ctx, tx, id, 'manage');
    const next = { ...campaign, ...definedOnly(body) };
    if (next.startsOn > next.endsOn) {
      throw unprocessable('period_reversed', 'body.endsOn', '结束日期不能早于开始日期', 'The end date must not be before the start date');
    }
    const dropped = campaign.siteKinds.filter((k) => !next.siteKinds.includes(k));
    if (dropped.length > 0) {
      const [assigned] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(campaignSites)
        .innerJoin(sites, eq(sites.id, campaignSites.siteId))
        .where(and(eq(campaignSites.campaignId, id), inArray(sites.kind, dropped)));
      if (assigned!.n > 0) {
        throw conflict(
          'kind_has_assignments',
          `还有 ${assigned!.n} 个该类受检单位已分配到小组，请先取消分配再移除该类别`,
          `${assigned!.n} assigned sites are of a kind being removed; unassign them first`,
        );
      }
    }
    await tx.update(campaigns).set({ name: next.name, startsOn: next.startsOn, endsOn: next.endsOn, siteKinds: next.siteKinds }).where(eq(campaigns.id, id));
    audit({ action: 'campaign.updated', entityType: 'campaign', entityId: id, before: auditView(campaign), after: auditView(next) });
  });
  return getCampaign(ctx, id, now);
}

/** PATCH semantics: absent keys keep their value. */
function definedOnly<T extends object>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<T>;
}
