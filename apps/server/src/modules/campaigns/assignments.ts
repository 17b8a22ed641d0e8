import { and, asc, eq, ilike, inArray, isNull, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { CampaignAssignBody, CampaignSitePage, CampaignSiteQuery } from '@anxun/contracts';
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/client.ts';
import { write } from '../../platform/write.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { escapeLike, pathInScope, scopeFilter } from '../../platform/scope.ts';
import { findArea } from '../areas/queries.ts';
import { areas } from '../areas/schema.ts';
import { sites } from '../sites/schema.ts';
import { campaignSites, campaignUnits } from './schema.ts';
import { campaignScopeWhere, findUnit, type CampaignRow } from './queries.ts';
import { loadCampaign, unprocessable } from './service.ts';
import { siteInCampaignScope } from './rules.ts';

const squads = alias(campaignUnits, 'squads');
const teams = alias(campaignUnits, 'teams');
const CHUNK = 1000;

/** The sites of the campaign in the viewer's scope, with who answers for each. */
export async function listCampaignSites(ctx: RequestContext, campaignId: string, query: z.infer<typeof CampaignSiteQuery>): Promise<z.infer<typeof CampaignSitePage>> {
  const db = ctx.database.db;
  const { campaign } = await loadCampaign(ctx, db, campaignId);
  const inView = and(campaignScopeWhere(campaign), scopeFilter(sites.areaPath, ctx.actor))!;
  const filters: SQL[] = [inView];
  if (query.areaId) {
    const area = await findArea(db, query.areaId);
    if (!area) throw notFound('area');
    filters.push(sql`${sites.areaPath} like ${area.path + '%'}`);
  }
  if (query.squadId) filters.push(eq(campaignSites.squadId, query.squadId));
  if (query.villageTeamId) filters.push(eq(campaignSites.villageTeamId, query.villageTeamId));
  if (query.assigned === 'assigned') filters.push(isNotNull(campaignSites.siteId));
  if (query.assigned === 'unassigned') filters.push(isNull(campaignSites.siteId));
  if (query.q) filters.push(or(ilike(sites.name, `%${escapeLike(query.q)}%`), ilike(sites.address, `%${escapeLike(query.q)}%`))!);
  const joinOn = and(eq(campaignSites.siteId, sites.id), eq(campaignSites.campaignId, campaignId));
  const where = and(...filters);
  const [rows, [total], [open]] = await Promise.all([
    db
      .select({ site: sites, areaName: areas.name, assignment: campaignSites, squadName: squads.name, villageTeamName: teams.name })
      .from(sites)
      .innerJoin(areas, eq(areas.id, sites.areaId))
      .leftJoin(campaignSites, joinOn)
      .leftJoin(squads, eq(squads.id, campaignSites.squadId))
      .leftJoin(teams, eq(teams.id, campaignSites.villageTeamId))
      .where(where)
      .orderBy(asc(sites.areaPath), asc(sites.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(sites).leftJoin(campaignSites, joinOn).where(where),
    db.select({ n: sql<number>`count(*)::int` }).from(sites).leftJoin(campaignSites, joinOn).where(and(inView, isNull(campaignSites.siteId))),
  ]);
  return {
    items: rows.map((r) => ({
      siteId: r.site.id,
      name: r.site.name,
      kind: r.site.kind,
      address: r.site.address,
      areaName: r.areaName,
      colour: r.site.colour,
      squadId: r.assignment?.squadId ?? null,
      squadName: r.squadName,
      villageTeamId: r.assignment?.villageTeamId ?? null,
      villageTeamName: r.villageTeamName,
      assignedAt: r.assignment?.assignedAt.toISOString() ?? null,
    })),
    total: total!.n,
    page: query.page,
    pageSize: query.pageSize,
    unassigned: open!.n,
  };
}

/** A squad, or a village team (whose squad is its parent); 422 for any other unit. */
async function targetOf(tx: Tx, campaign: CampaignRow, unitId: string) {
  const unit = await findUnit(tx, unitId);
  if (!unit || unit.campaignId !== campaign.id) throw unprocessable('unit_not_found', 'body.unitId', '所选小组不属于本专项行动', 'The unit is not part of this campaign');
  if (unit.kind === 'squad') return { squadId: unit.id, villageTeamId: null, villagePath: null as string | null };
  if (unit.kind === 'village_team' && unit.parentId) {
    const village = unit.areaId ? await findArea(tx, unit.areaId) : undefined;
    return { squadId: unit.parentId, villageTeamId: unit.id, villagePath: village?.path ?? null };
  }
  throw unprocessable('not_a_squad', 'body.unitId', '受检单位只能分配给小组或村社队', 'Sites are assigned to a squad or a village team only');
}

type Candidate = { siteId: string; areaPath: string; squadId: string | null; villageTeamId: string | null };

/**
 * Assigns the sites of an area, or the listed sites, to a squad or village team. Listed sites must
 * all qualify (in the campaign's scope and the actor's, inside the village team's village) or
 * nothing is written; an area takes its qualifying sites.
 */
export async function assignSites(ctx: RequestContext, campaignId: string, body: z.output<typeof CampaignAssignBody>, now = new Date()) {
  return write(ctx, async ({ tx, audit }) => {
    const { campaign } = await loadCampaign(ctx, tx, campaignId, 'manage');
    const target = await targetOf(tx, campaign, body.unitId);
    const candidates = body.areaId ? await areaCandidates(ctx, tx, campaign, body.areaId, target.villagePath) : await listedCandidates(ctx, tx, campaign, body.siteIds!, target.villagePath);
    const fresh = candidates.filter((c) => c.squadId === null);
    const moved = body.onlyUnassigned ? [] : candidates.filter((c) => c.squadId !== null && (c.squadId !== target.squadId || c.villageTeamId !== target.villageTeamId));
    for (let i = 0; i < fresh.length; i += CHUNK) {
      await tx.insert(campaignSites).values(fresh.slice(i, i + CHUNK).map((c) => ({ campaignId, siteId: c.siteId, squadId: target.squadId, villageTeamId: target.villageTeamId, assignedAt: now })));
    }
    for (let i = 0; i < moved.length; i += CHUNK) {
      const ids = moved.slice(i, i + CHUNK).map((c) => c.siteId);
      await tx
        .update(campaignSites)
        .set({ squadId: target.squadId, villageTeamId: target.villageTeamId, assignedAt: now })
        .where(and(eq(campaignSites.campaignId, campaignId), inArray(campaignSites.siteId, ids)));
    }
    const result = { assigned: fresh.length, reassigned: moved.length, unchanged: candidates.length - fresh.length - moved.length };
    if (fresh.length + moved.length > 0) {
      audit({
        action: 'campaign.sites_assigned',
        entityType: 'campaign',
        entityId: campaignId,
        before: moved.length ? { sites: moved.map((c) => ({ siteId: c.siteId, squadId: c.squadId, villageTeamId: c.villageTeamId })) } : undefined,
        after: { squadId: target.squadId, villageTeamId: target.villageTeamId, areaId: body.areaId ?? null, siteIds: [...fresh, ...moved].map((c) => c.siteId), ...result },
      });
    }
    return result;
  });
}

async function candidateRows(tx: Tx, campaignId: string, where: SQL): Promise<Candidate[]> {
  return tx
    .select({ siteId: sites.id, areaPath: sites.areaPath, squadId: campaignSites.squadId, villageTeamId: campaignSites.villageTeamId })
    .from(sites)
    .leftJoin(campaignSites, and(eq(campaignSites.siteId, sites.id), eq(campaignSites.campaignId, campaignId)))
    .where(where);
}

async function areaCandidates(ctx: RequestContext, tx: Tx, campaign: CampaignRow, areaId: string, villagePath: string | null) {
  const area = await findArea(tx, areaId);
  if (!area || !pathInScope(ctx.actor, area.path)) throw unprocessable('area_not_found', 'body.areaId', '所选区域不存在或无权查看', 'The area does not exist or is outside your scope');
  if (!area.path.startsWith(campaign.areaPath)) {
    throw unprocessable('area_outside_campaign', 'body.areaId', '所选区域不在专项行动范围内', "The area lies outside the campaign's area");
  }
  if (villagePath && !area.path.startsWith(villagePath)) {
    throw unprocessable('area_outside_village', 'body.areaId', '所选区域不在该村社队负责的村社内', "The area lies outside the village team's village");
  }
  return candidateRows(tx, campaign.id, and(campaignScopeWhere(campaign), sql`${sites.areaPath} like ${area.path + '%'}`)!);
}

async function listedCandidates(ctx: RequestContext, tx: Tx, campaign: CampaignRow, siteIds: string[], villagePath: string | null) {
  const unique = [...new Set(siteIds)];
  const rows: (Candidate & { kind: (typeof sites.$inferSelect)['kind'] })[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    rows.push(
      ...(await tx
        .select({ siteId: sites.id, kind: sites.kind, areaPath: sites.areaPath, squadId: campaignSites.squadId, villageTeamId: campaignSites.villageTeamId })
        .from(sites)
        .leftJoin(campaignSites, and(eq(campaignSites.siteId, sites.id), eq(campaignSites.campaignId, campaign.id)))
        .where(inArray(sites.id, unique.slice(i, i + CHUNK)))),
    );
  }
  const byId = new Map(rows.map((r) => [r.siteId, r]));
  const details = unique.flatMap((id) => {
    const row = byId.get(id);
    const at = `body.siteIds.${siteIds.indexOf(id)}`;
    if (!row || !pathInScope(ctx.actor, row.areaPath)) return [{ path: at, message: `受检单位 ${id} 不存在或无权查看`, messageEn: `Site ${id} not found` }];
    if (!siteInCampaignScope(campaign, row)) return [{ path: at, message: `受检单位 ${id} 不在专项行动范围内`, messageEn: `Site ${id} is outside the campaign's scope` }];
    if (villagePath && !row.areaPath.startsWith(villagePath)) return [{ path: at, message: `受检单位 ${id} 不在该村社队负责的村社内`, messageEn: `Site ${id} lies outside the village team's village` }];
    return [];
  });
  if (details.length > 0) {
    throw new AppError(422, 'sites_not_assignable', `有 ${details.length} 个受检单位不能分配，未做任何改动`, `${details.length} sites cannot be assigned; nothing was changed`, details);
  }
  return rows;
}

/** One site to another squad or village team. */
export async function reassignSite(ctx: RequestContext, campaignId: string, siteId: string, unitId: string, now = new Date()) {
  return assignSites(ctx, campaignId, { unitId, siteIds: [siteId], onlyUnassigned: false }, now);
}

export async function unassignSite(ctx: RequestContext, campaignId: string, siteId: string) {
  return write(ctx, async ({ tx, audit }) => {
    const { campaign } = await loadCampaign(ctx, tx, campaignId, 'manage');
    const [row] = await tx
      .select({ assignment: campaignSites, areaPath: sites.areaPath })
      .from(campaignSites)
      .innerJoin(sites, eq(sites.id, campaignSites.siteId))
      .where(and(eq(campaignSites.campaignId, campaign.id), eq(campaignSites.siteId, siteId)));
    if (!row || !pathInScope(ctx.actor, row.areaPath)) throw conflict('not_assigned', '该受检单位尚未分配', 'The site is not assigned in this campaign');
    await tx.delete(campaignSites).where(and(eq(campaignSites.campaignId, campaignId), eq(campaignSites.siteId, siteId)));
    audit({ action: 'campaign.site_unassigned', entityType: 'campaign', entityId: campaignId, before: { siteId, squadId: row.assignment.squadId, villageTeamId: row.assignment.villageTeamId } });
    return { unassigned: 1 };
  });
}
