import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { BatchDecision, BatchListQuery, BatchPage, BatchProposeBody, BatchSignBody, BatchSignoffRole } from '@anxun/contracts';
import { BATCH_SIGNOFF_ROLES, CAMPAIGN_LABELS_ZH } from '@anxun/contracts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { write } from '../../platform/write.ts';
import { AppError, conflict, forbidden } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { pathInScope, scopeFilter } from '../../platform/scope.ts';
import { areas } from '../areas/schema.ts';
import { sites } from '../sites/schema.ts';
import { users } from '../users/schema.ts';
import { batchDecisions, batchSignoffs, campaignMembers, campaignSites } from './schema.ts';
import type { CampaignRow } from './queries.ts';
import { campaignAllowed, canProposeBatch, canSignAs } from './policy.ts';
import { isDecided, pendingRoles, signRefusal, siteInCampaignScope } from './rules.ts';
import { loadCampaign, unprocessable } from './service.ts';

const decisionNotFound = () => new AppError(404, 'not_found', '三个一批决定不存在或无权查看', 'batch decision not found');

/** Leaders of the site's squad who have accounts: when there are any, only they sign as squad leader. */
async function squadLeaderUserIds(db: Executor, campaignId: string, siteId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: campaignMembers.userId })
    .from(campaignSites)
    .innerJoin(campaignMembers, eq(campaignMembers.unitId, campaignSites.squadId))
    .where(and(eq(campaignSites.campaignId, campaignId), eq(campaignSites.siteId, siteId), eq(campaignMembers.isLeader, true), isNotNull(campaignMembers.userId)));
  return rows.map((r) => r.userId!);
}

type DecisionRow = typeof batchDecisions.$inferSelect;

async function toDecisions(db: Executor, actor: Actor, campaignId: string, rows: { decision: DecisionRow; siteName: string; areaPath: string; areaName: string; proposedByName: string | null }[]): Promise<BatchDecision[]> {
  const ids = rows.map((r) => r.decision.id);
  const signoffs = ids.length ? await db.select().from(batchSignoffs).where(inArray(batchSignoffs.decisionId, ids)) : [];
  const leaders = new Map<string, string[]>();
  for (const r of rows) if (!leaders.has(r.decision.siteId)) leaders.set(r.decision.siteId, await squadLeaderUserIds(db, campaignId, r.decision.siteId));
  return rows.map(({ decision, siteName, areaPath, areaName, proposedByName }) => {
    const own = signoffs.filter((s) => s.decisionId === decision.id).sort((a, b) => BATCH_SIGNOFF_ROLES.indexOf(a.role) - BATCH_SIGNOFF_ROLES.indexOf(b.role));
    const signed = own.map((s) => s.role);
    const state = { signed, superseded: decision.supersededAt !== null };
    return {
      id: decision.id,
      campaignId: decision.campaignId,
      siteId: decision.siteId,
      siteName,
      areaName,
      batch: decision.batch,
      reason: decision.reason,
      proposedByName,
      proposedAt: decision.proposedAt.toISOString(),
      decidedAt: decision.decidedAt?.toISOString() ?? null,
      supersededAt: decision.supersededAt?.toISOString() ?? null,
      signoffs: own.map((s) => ({ role: s.role, signerId: s.signerId, signerName: s.signerName, comment: s.comment, signedAt: s.signedAt.toISOString() })),
      pending: pendingRoles(signed),
      canSign: BATCH_SIGNOFF_ROLES.filter((role) => signRefusal(state, role) === null && canSignAs(actor, role, { areaPath }, leaders.get(decision.siteId) ?? [])),
    };
  });
}

function decisionQuery(db: Executor) {
  return db
    .select({ decision: batchDecisions, siteName: sites.name, areaPath: sites.areaPath, areaName: areas.name, proposedByName: users.displayName })
    .from(batchDecisions)
    .innerJoin(sites, eq(sites.id, batchDecisions.siteId))
    .innerJoin(areas, eq(areas.id, sites.areaId))
    .leftJoin(users, eq(users.id, batchDecisions.proposedBy));
}

export async function listBatches(ctx: RequestContext, campaignId: string, query: z.infer<typeof BatchListQuery>): Promise<z.infer<typeof BatchPage>> {
  const db = ctx.database.db;
  const { campaign } = await loadCampaign(ctx, db, campaignId);
  const inView = and(eq(batchDecisions.campaignId, campaignId), scopeFilter(sites.areaPath, ctx.actor))!;
  const filters: SQL[] = [inView];
  if (!query.history) filters.push(isNull(batchDecisions.supersededAt));
  if (query.batch) filters.push(eq(batchDecisions.batch, query.batch));
  if (query.state === 'decided') filters.push(isNotNull(batchDecisions.decidedAt));
  if (query.state === 'pending') filters.push(isNull(batchDecisions.decidedAt));
  if (query.siteId) filters.push(eq(batchDecisions.siteId, query.siteId));
  const where = and(...filters);
  const [rows, [total], decidedRows] = await Promise.all([
    decisionQuery(db).where(where).orderBy(desc(batchDecisions.proposedAt), desc(batchDecisions.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(batchDecisions).innerJoin(sites, eq(sites.id, batchDecisions.siteId)).where(where),
    db
      .select({ batch: batchDecisions.batch, n: sql<number>`count(*)::int` })
      .from(batchDecisions)
      .innerJoin(sites, eq(sites.id, batchDecisions.siteId))
      .where(and(inView, isNull(batchDecisions.supersededAt), isNotNull(batchDecisions.decidedAt)))
      .groupBy(batchDecisions.batch),
  ]);
  const decided = { model: 0, upgrade: 0, shutdown: 0 };
  for (const r of decidedRows) decided[r.batch] = r.n;
  return { items: await toDecisions(db, ctx.actor, campaignId, rows), total: total!.n, page: query.page, pageSize: query.pageSize, decided, allowed: campaignAllowed(ctx.actor, campaign) };
}

async function getDecision(ctx: RequestContext, id: string): Promise<BatchDecision> {
  const db = ctx.database.db;
  const rows = await decisionQuery(db).where(eq(batchDecisions.id, id));
  return (await toDecisions(db, ctx.actor, rows[0]!.decision.campaignId, rows))[0]!;
}

/** A new proposal for a site supersedes its current one, decided or not; the old stays as history. */
export async function proposeBatch(ctx: RequestContext, campaignId: string, body: z.infer<typeof BatchProposeBody>, now = new Date()): Promise<BatchDecision> {
  const id = await write(ctx, async ({ tx, audit }) => {
    const { campaign } = await loadCampaign(ctx, tx, campaignId);
    const [site] = await tx.select().from(sites).where(eq(sites.id, body.siteId));
    if (!site || !pathInScope(ctx.actor, site.areaPath)) throw unprocessable('site_not_found', 'body.siteId', '受检单位不存在或无权查看', 'The site does not exist or is outside your scope');
    if (!canProposeBatch(ctx.actor, campaign, site)) throw forbidden('只有村社、组长和专班指挥部可以提出三个一批', 'Only villages, squad leaders and the command centre may propose a batch');
    checkEnterprise(campaign, site);
    const [current] = await tx.select().from(batchDecisions).where(and(eq(batchDecisions.campaignId, campaignId), eq(batchDecisions.siteId, site.id), isNull(batchDecisions.supersededAt)));
    if (current) await tx.update(batchDecisions).set({ supersededAt: now }).where(eq(batchDecisions.id, current.id));
    const decisionId = randomUUID();
    try {
      await tx.insert(batchDecisions).values({ id: decisionId, campaignId, siteId: site.id, batch: body.batch, reason: body.reason, proposedBy: ctx.actor.id, proposedAt: now });
    } catch (error) {
      if (isUniqueViolation(error, 'batch_decisions_current_uq')) throw conflict('concurrent_proposal', '该单位刚有另一份提议，请刷新后重试', 'Another proposal for this site just arrived; reload and retry');
      throw error;
    }
    audit({
      action: 'campaign.batch_proposed',
      entityType: 'site',
      entityId: site.id,
      before: current ? { decisionId: current.id, batch: current.batch, decided: current.decidedAt !== null } : undefined,
      after: { campaignId, decisionId, batch: body.batch, batchName: CAMPAIGN_LABELS_ZH.batch[body.batch], reason: body.reason },
    });
    return decisionId;
  });
  return getDecision(ctx, id);
}

function checkEnterprise(campaign: CampaignRow, site: typeof sites.$inferSelect) {
  if (site.kind !== 'enterprise') throw unprocessable('not_an_enterprise', 'body.siteId', '三个一批只适用于企业', 'Three batches apply to enterprises only');
  if (!siteInCampaignScope(campaign, site)) throw unprocessable('site_outside_campaign', 'body.siteId', '该企业不在专项行动范围内', "The enterprise is outside the campaign's scope");
}

/** Records one of the three sign-offs; the third one decides. */
export async function signBatch(ctx: RequestContext, decisionId: string, body: z.infer<typeof BatchSignBody>, now = new Date()): Promise<BatchDecision> {
  await write(ctx, async ({ tx, audit }) => {
    const [row] = await tx
      .select({ campaignId: batchDecisions.campaignId, areaPath: sites.areaPath })
      .from(batchDecisions)
      .innerJoin(sites, eq(sites.id, batchDecisions.siteId))
      .where(eq(batchDecisions.id, decisionId));
    if (!row || !pathInScope(ctx.actor, row.areaPath)) throw decisionNotFound();
    try {
      await loadCampaign(ctx, tx, row.campaignId);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw decisionNotFound();
      throw error;
    }
    // Lock the decision so two sign-offs landing together both see each other (the last one decides).
    const decision = (await tx.select().from(batchDecisions).where(eq(batchDecisions.id, decisionId)).for('update'))[0]!;
    const role: BatchSignoffRole = body.role;
    if (!canSignAs(ctx.actor, role, { areaPath: row.areaPath }, await squadLeaderUserIds(tx, decision.campaignId, decision.siteId))) {
      throw forbidden(`您不能以${CAMPAIGN_LABELS_ZH.signoffRole[role]}身份签字`, `You may not sign as ${role.replace('_', ' ')}`);
    }
    const signed = (await tx.select({ role: batchSignoffs.role }).from(batchSignoffs).where(eq(batchSignoffs.decisionId, decisionId))).map((s) => s.role);
    const refusal = signRefusal({ signed, superseded: decision.supersededAt !== null }, role);
    if (refusal === 'superseded') throw conflict('superseded', '该提议已被新的提议取代，不能再签字', 'A newer proposal replaced this one; it takes no more sign-offs');
    if (refusal === 'already_signed') throw conflict('already_signed', `${CAMPAIGN_LABELS_ZH.signoffRole[role]}已签字`, `The ${role.replace('_', ' ')} has already signed`);
    try {
      await tx.insert(batchSignoffs).values({ decisionId, role, signerId: ctx.actor.id, signerName: ctx.actor.displayName, comment: body.comment ?? null, signedAt: now });
    } catch (error) {
      if (isUniqueViolation(error, 'batch_signoffs_decision_id_role_pk')) throw conflict('already_signed', `${CAMPAIGN_LABELS_ZH.signoffRole[role]}已签字`, `The ${role.replace('_', ' ')} has already signed`);
      throw error;
    }
    const decided = isDecided({ signed: [...signed, role], superseded: false });
    if (decided) await tx.update(batchDecisions).set({ decidedAt: now }).where(eq(batchDecisions.id, decisionId));
    audit({
      action: decided ? 'campaign.batch_decided' : 'campaign.batch_signed',
      entityType: 'site',
      entityId: decision.siteId,
      after: { campaignId: decision.campaignId, decisionId, batch: decision.batch, role, signerName: ctx.actor.displayName, comment: body.comment ?? null, decided },
    });
  });
  return getDecision(ctx, decisionId);
}
