import { randomUUID } from 'node:crypto';
import { and, eq, inArray, max } from 'drizzle-orm';
import type { z } from 'zod';
import {
  NailCreateBody,
  NailDepartmentsBody,
  NailMilestoneBody,
  NailMilestoneCompleteBody,
  NailReportBody,
  NailSitesBody,
  NailUpdateBody,
  type NailDetail,
} from '@anxun/contracts';
import type { RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { write } from '../../platform/write.ts';
import { AppError, badRequest, forbidden } from '../../platform/errors.ts';
import { pathInScope } from '../../platform/scope.ts';
import { findArea } from '../areas/queries.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { sites } from '../sites/schema.ts';
import { departments } from '../users/schema.ts';
import { canNail, type NailAction } from './policy.ts';
import { milestonesOf } from './queries.ts';
import { checkMilestoneDone, checkNailOpenForWork, checkNewNail, checkReport, type NailRuleError } from './rules.ts';
import { nailDepartments, nailMilestones, nailSites, nailUpdates, nails } from './schema.ts';
import { loadCampaign, loadNail, nailDetail } from './views.ts';

const SYSTEM_ID = '00000000-0000-0000-0000-000000000000';
/** CLI and demo writes run as the system actor, who has no user row. */
const actorRef = (ctx: RequestContext) => (ctx.actor.id === SYSTEM_ID ? null : ctx.actor.id);

const ruleError = (e: NailRuleError) => new AppError(e.status, e.code, e.zh, e.en);

const refused = (action: NailAction) =>
  action === 'report'
    ? forbidden('只有指挥部、镇街、责任村社或责任部门可以报告进展', 'Only the command centre, the town, or the responsible village or department may report progress')
    : forbidden('只有指挥部、镇街或管理员可以新增和编辑钉', 'Only the command centre, the town or an admin may add and edit nails');

/**
 * Service functions are also called without a route (demo data, CLI), so each validates its input
 * with the same schema the route uses; a failure is the route's 400 with one detail per field.
 */
function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => {
    const [zh, en] = issue.message.split(' | ');
    return { path: ['body', ...issue.path.map(String)].join('.'), message: zh!, messageEn: en ?? zh! };
  });
  throw badRequest('validation_failed', '输入有误，请检查后重试', 'The input is invalid', details);
}

/** Loads the nail for a write (locked), 404 when hidden, 403 when the actor may read but not do this. */
async function nailFor(ctx: RequestContext, db: Executor, id: string, action: NailAction) {
  const loaded = await loadNail(ctx, db, id, true);
  if (!canNail(ctx.actor, action, loaded.scope)) throw refused(action);
  return loaded;
}

async function detailAfter(ctx: RequestContext, id: string, now: Date): Promise<NailDetail> {
  const db = ctx.database.db;
  const { nail, scope } = await loadNail(ctx, db, id);
  return nailDetail(db, ctx.actor, nail, scope, now);
}

/** POST /api/campaigns/:campaignId/nails */
export async function createNail(ctx: RequestContext, campaignId: string, input: z.input<typeof NailCreateBody>, now = new Date()): Promise<NailDetail> {
  const body = parse(NailCreateBody, input);
  const id = await write(ctx, async ({ tx, audit }) => {
    const campaign = await loadCampaign(ctx, tx, campaignId);
    const area = await findArea(tx, body.areaId);
    if (!area || !pathInScope(ctx.actor, area.path)) {
      throw badRequest('invalid_area', '所选区域不存在或不在您的管辖范围内', 'The chosen area does not exist or is outside your scope', [
        { path: 'body.areaId', message: '区域无效', messageEn: 'Invalid area' },
      ]);
    }
    if (!canNail(ctx.actor, 'create', { areaPath: area.path, departmentIds: [] })) throw refused('create');
    if (!area.path.startsWith(campaign.areaPath)) {
      throw new AppError(422, 'area_outside_campaign', `${area.name}不在专项行动「${campaign.name}」的范围内`, `${area.name} is outside the campaign's area`, [
        { path: 'body.areaId', message: '区域须在专项行动范围内', messageEn: "The area must lie inside the campaign's area" },
      ]);
    }
    const kindError = checkNewNail(body.kind, shanghaiDate(now), campaign);
    if (kindError) throw ruleError(kindError);
    const row = { id: randomUUID(), campaignId, kind: body.kind, title: body.title, description: body.description, areaId: area.id, areaPath: area.path, plan: body.plan, createdBy: actorRef(ctx), createdAt: now };
    await tx.insert(nails).values(row);
    audit({ action: 'nail.created', entityType: 'nail', entityId: row.id, after: { kind: row.kind, title: row.title, description: row.description, areaId: row.areaId, plan: row.plan } });
    return row.id;
  });
  return detailAfter(ctx, id, now);
}

/** PATCH /api/nails/:id: title, description and the plan (一案一策). */
export async function updateNail(ctx: RequestContext, id: string, input: z.input<typeof NailUpdateBody>, now = new Date()): Promise<NailDetail> {
  const body = parse(NailUpdateBody, input);
  await write(ctx, async ({ tx, audit }) => {
    const { nail } = await nailFor(ctx, tx, id, 'edit');
    const before = { title: nail.title, description: nail.description, plan: nail.plan };
    const after = { ...before, ...body };
    await tx.update(nails).set(after).where(eq(nails.id, id));
    audit({ action: 'nail.updated', entityType: 'nail', entityId: id, before, after });
  });
  return detailAfter(ctx, id, now);
}

/** PUT /api/nails/:id/sites: the sites the nail concerns, each readable by the actor and inside the campaign. */
export async function setNailSites(ctx: RequestContext, id: string, input: z.input<typeof NailSitesBody>, now = new Date()): Promise<NailDetail> {
  const { siteIds } = parse(NailSitesBody, input);
  const wanted = [...new Set(siteIds)];
  await write(ctx, async ({ tx, audit }) => {
    const { nail } = await nailFor(ctx, tx, id, 'edit');
    const campaign = await loadCampaign(ctx, tx, nail.campaignId);
    const found = wanted.length ? await tx.select({ id: sites.id, areaPath: sites.areaPath }).from(sites).where(inArray(sites.id, wanted)) : [];
    const fits = new Set(found.filter((s) => pathInScope(ctx.actor, s.areaPath) && s.areaPath.startsWith(campaign.areaPath)).map((s) => s.id));
    const bad = wanted.filter((s) => !fits.has(s));
    if (bad.length) {
      throw badRequest(
        'invalid_sites',
        `${bad.length} 个受检单位不存在、不在您的管辖范围或不在专项行动范围内`,
        `${bad.length} site(s) do not exist, are outside your scope or outside the campaign`,
        bad.map((s) => ({ path: `body.siteIds.${siteIds.indexOf(s)}`, message: '受检单位无效', messageEn: 'Invalid site' })),
      );
    }
    const before = (await tx.select({ siteId: nailSites.siteId }).from(nailSites).where(eq(nailSites.nailId, id))).map((r) => r.siteId).sort();
    await tx.delete(nailSites).where(eq(nailSites.nailId, id));
    if (wanted.length) await tx.insert(nailSites).values(wanted.map((siteId) => ({ nailId: id, siteId })));
    audit({ action: 'nail.sites_linked', entityType: 'nail', entityId: id, before: { siteIds: before }, after: { siteIds: [...wanted].sort() } });
  });
  return detailAfter(ctx, id, now);
}

/** PUT /api/nails/:id/departments: the responsible departments, whose users then see the nail. */
export async function setNailDepartments(ctx: RequestContext, id: string, input: z.input<typeof NailDepartmentsBody>, now = new Date()): Promise<NailDetail> {
  const { departmentIds } = parse(NailDepartmentsBody, input);
  const wanted = [...new Set(departmentIds)];
  await write(ctx, async ({ tx, audit }) => {
    const { scope } = await nailFor(ctx, tx, id, 'edit');
    const found = new Set(wanted.length ? (await tx.select({ id: departments.id }).from(departments).where(inArray(departments.id, wanted))).map((d) => d.id) : []);
    const bad = wanted.filter((d) => !found.has(d));
    if (bad.length) {
      throw badRequest(
        'invalid_departments',
        `${bad.length} 个部门不存在`,
        `${bad.length} department(s) do not exist`,
        bad.map((d) => ({ path: `body.departmentIds.${departmentIds.indexOf(d)}`, message: '部门不存在', messageEn: 'No such department' })),
      );
    }
    await tx.delete(nailDepartments).where(eq(nailDepartments.nailId, id));
    if (wanted.length) await tx.insert(nailDepartments).values(wanted.map((departmentId) => ({ nailId: id, departmentId })));
    audit({ action: 'nail.departments_linked', entityType: 'nail', entityId: id, before: { departmentIds: [...scope.departmentIds].sort() }, after: { departmentIds: [...wanted].sort() } });
  });
  return detailAfter(ctx, id, now);
}

/** POST /api/nails/:id/milestones */
export async function addNailMilestone(ctx: RequestContext, id: string, input: z.input<typeof NailMilestoneBody>, now = new Date()): Promise<NailDetail> {
  const body = parse(NailMilestoneBody, input);
  await write(ctx, async ({ tx, audit }) => {
    const { nail } = await nailFor(ctx, tx, id, 'edit');
    const closed = checkNailOpenForWork(nail.status);
    if (closed) throw ruleError(closed);
    const [last] = await tx.select({ n: max(nailMilestones.sortOrder) }).from(nailMilestones).where(eq(nailMilestones.nailId, id));
    const milestone = { id: randomUUID(), nailId: id, title: body.title, dueOn: body.dueOn, sortOrder: (last?.n ?? -1) + 1 };
    await tx.insert(nailMilestones).values(milestone);
    audit({ action: 'nail.milestone_added', entityType: 'nail', entityId: id, after: { milestone: { id: milestone.id, title: milestone.title, dueOn: milestone.dueOn } } });
  });
  return detailAfter(ctx, id, now);
}

/** POST /api/nails/:id/milestones/:milestoneId/complete: done today unless an earlier day is given. */
export async function completeNailMilestone(ctx: RequestContext, id: string, milestoneId: string, input: z.input<typeof NailMilestoneCompleteBody> = {}, now = new Date()): Promise<NailDetail> {
  const body = parse(NailMilestoneCompleteBody, input);
  const today = shanghaiDate(now);
  const doneOn = body.doneOn ?? today;
  await write(ctx, async ({ tx, audit }) => {
    const { nail } = await nailFor(ctx, tx, id, 'report');
    const [milestone] = await tx.select().from(nailMilestones).where(and(eq(nailMilestones.id, milestoneId), eq(nailMilestones.nailId, id)));
    if (!milestone) throw new AppError(404, 'not_found', '节点不存在', 'milestone not found');
    const refusal = checkNailOpenForWork(nail.status) ?? checkMilestoneDone(milestone, doneOn, today);
    if (refusal) throw ruleError(refusal);
    await tx.update(nailMilestones).set({ doneOn }).where(eq(nailMilestones.id, milestoneId));
    audit({ action: 'nail.milestone_done', entityType: 'nail', entityId: id, before: { milestone: { id: milestoneId, title: milestone.title, doneOn: null } }, after: { milestone: { id: milestoneId, title: milestone.title, doneOn } } });
  });
  return detailAfter(ctx, id, now);
}

/**
 * POST /api/nails/:id/updates: a progress report moves the nail's progress and status and is kept
 * as a nail_updates row, which the monthly airing recounts from.
 */
export async function reportNailProgress(ctx: RequestContext, id: string, input: z.input<typeof NailReportBody>, now = new Date()): Promise<NailDetail> {
  const body = parse(NailReportBody, input);
  await write(ctx, async ({ tx, audit }) => {
    const { nail, scope } = await nailFor(ctx, tx, id, 'report');
    const milestones = await milestonesOf(tx, [id]);
    const refusal = checkReport(nail.status, body, milestones, canNail(ctx.actor, 'reopen', scope));
    if (refusal) throw ruleError(refusal);
    const resolvedAt = body.status === 'resolved' ? now : null;
    await tx.update(nails).set({ progress: body.progress, status: body.status, resolvedAt }).where(eq(nails.id, id));
    const update = { id: randomUUID(), nailId: id, progress: body.progress, status: body.status, note: body.note, reportedBy: actorRef(ctx), reportedAt: now };
    await tx.insert(nailUpdates).values(update);
    const action = nail.status === 'resolved' ? 'nail.reopened' : body.status === 'resolved' ? 'nail.resolved' : 'nail.progress_reported';
    audit({ action, entityType: 'nail', entityId: id, before: { progress: nail.progress, status: nail.status }, after: { progress: body.progress, status: body.status, note: body.note, updateId: update.id } });
  });
  return detailAfter(ctx, id, now);
}
