import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role, ExtensionDecisionBody, ExtensionRequestBody, HazardActionBody, HazardDetail, HazardStatus } from '@anxun/contracts';
import { SYSTEM_ACTOR, nowOf, type RequestContext } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/client.ts';
import { write } from '../../platform/write.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { enqueueSms } from '../../platform/sms/outbox.ts';
import { checkPhotoKeys, photoRefs } from '../photos/service.ts';
import { refreshSiteColour } from '../colours/service.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { notices } from '../notices/schema.ts';
import { hasRole } from '../../platform/scope.ts';
import { allowedActions, decideExtension, requestExtension, transition, type RuleError } from './state-machine.ts';
import { canReadHazard, hazardActor } from './policy.ts';
import { eventsOf, extensionsOf, findHazard, toHazardSummary, type HazardRow } from './queries.ts';
import { hazardEvents, hazardExtensions, hazards } from './schema.ts';

/** The party asks for more time, or officials who chase the fix ask on its behalf. */
const EXTENSION_REQUESTERS: Role[] = ['inspector', 'squad_leader', 'grid_member', 'department', 'village', 'town', 'command_centre', 'admin'];

const ruleError = (e: RuleError) => new AppError(e.code === 'FORBIDDEN_ROLE' || e.code === 'PARTY_FORBIDDEN' ? 403 : 409, e.code.toLowerCase(), e.zh, e.en);

const scopeOf = (row: HazardRow) => ({ areaPath: row.hazard.areaPath, departmentId: row.hazard.departmentId, sitePhone: row.sitePhone });

async function loadVisible(ctx: RequestContext, db: Executor, id: string): Promise<HazardRow> {
  const row = await findHazard(db, id);
  if (!row || !canReadHazard(ctx.actor, scopeOf(row))) throw notFound('hazard');
  return row;
}

export interface EventInput {
  hazardId: string;
  action: string;
  from: HazardStatus | null;
  to: HazardStatus;
  reason?: string | undefined;
  evidence?: readonly string[] | undefined;
  location?: { lng: number; lat: number } | undefined;
  details?: unknown;
}

/** Every transition leaves an event: who, when, where, why and with what evidence. */
export async function recordHazardEvent(tx: Executor, ctx: RequestContext, e: EventInput): Promise<void> {
  await tx.insert(hazardEvents).values(hazardEventRow(ctx, e));
}

/** The stored event; an inspection stores its findings' events together with the hazards. */
export function hazardEventRow(ctx: RequestContext, e: EventInput): typeof hazardEvents.$inferInsert {
  return {
    id: randomUUID(),
    hazardId: e.hazardId,
    action: e.action,
    fromStatus: e.from,
    toStatus: e.to,
    actorId: ctx.actor.id === SYSTEM_ACTOR.id ? null : ctx.actor.id,
    actorName: ctx.actor.displayName,
    at: nowOf(ctx),
    lng: e.location?.lng ?? null,
    lat: e.location?.lat ?? null,
    reason: e.reason ?? null,
    evidence: [...(e.evidence ?? [])],
    details: e.details ?? null,
  };
}

/** Close-out tells the party their hazard is cleared (销号), once per closing. */
export async function queueCloseOutSms(tx: Executor, row: HazardRow, eventKey: string, now = new Date()): Promise<void> {
  if (!row.sitePhone) return;
  await enqueueSms(tx, {
    phone: row.sitePhone,
    template: 'close_out',
    params: { site: row.siteName, item: row.hazard.description.slice(0, 20) },
    idempotencyKey: `close_out:${row.hazard.id}:${eventKey}`,
  }, now);
}

export async function getHazardDetail(ctx: RequestContext, id: string): Promise<HazardDetail> {
  const db = ctx.database.db;
  const row = await loadVisible(ctx, db, id);
  const today = shanghaiDate();
  const [events, extensions, [notice]] = await Promise.all([
    eventsOf(db, id),
    extensionsOf(db, id),
    row.hazard.inspectionId ? db.select({ id: notices.id, number: notices.number }).from(notices).where(eq(notices.inspectionId, row.hazard.inspectionId)) : Promise.resolve([]),
  ]);
  const refs = await photoRefs(db, [...row.hazard.photosBefore, ...row.hazard.photosAfter, ...events.flatMap((e) => e.evidence)]);
  const actor = hazardActor(ctx.actor, scopeOf(row));
  const state = { ...row.hazard, extensionPending: row.hazard.extensionPending };
  return {
    ...toHazardSummary(row, today),
    inspectionId: row.hazard.inspectionId,
    legalBasis: row.legalBasis,
    suggestedFix: row.suggestedFix,
    treatmentPlan: row.hazard.treatmentPlan,
    photosBefore: row.hazard.photosBefore.map((k) => refs.get(k)!),
    photosAfter: row.hazard.photosAfter.map((k) => refs.get(k)!),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorName,
      at: e.at.toISOString(),
      location: e.lng !== null && e.lat !== null ? { lng: e.lng, lat: e.lat } : null,
      reason: e.reason,
      evidence: e.evidence.map((k) => refs.get(k)!),
    })),
    extensions: extensions.map((x) => ({
      id: x.id,
      status: x.status,
      fromDeadline: x.fromDeadline,
      newDeadline: x.newDeadline,
      reason: x.reason,
      requestedAt: x.requestedAt.toISOString(),
      decidedAt: x.decidedAt?.toISOString() ?? null,
      decisionReason: x.decisionReason,
    })),
    noticeId: notice?.id ?? null,
    noticeNumber: notice?.number ?? null,
    version: row.hazard.version,
    allowedActions: allowedActions(state, actor),
    allowed: {
      requestExtension: requestExtension(state, '9999-12-31', today).ok && (actor.isParty || hasRole(actor, EXTENSION_REQUESTERS)),
      decideExtension: !actor.isParty && hasRole({ roles: actor.roles }, ['department', 'town', 'command_centre', 'admin']) && row.hazard.extensionPending,
    },
  };
}

/** Loads and locks the hazard for a change, refusing a stale version. */
async function lockForChange(ctx: RequestContext, tx: Tx, id: string, version: number | undefined): Promise<HazardRow> {
  await tx.select({ id: hazards.id }).from(hazards).where(eq(hazards.id, id)).for('update');
  const row = await loadVisible(ctx, tx, id);
  if (version !== undefined && version !== row.hazard.version) {
    throw conflict('stale_hazard', '隐患已被他人更新，请刷新后重试', 'The hazard was changed by someone else; reload and try again');
  }
  return row;
}

export async function actOnHazard(ctx: RequestContext, id: string, body: z.infer<typeof HazardActionBody>): Promise<HazardDetail> {
  await write(ctx, async ({ tx, audit }) => {
    const row = await lockForChange(ctx, tx, id, body.version);
    const result = transition(row.hazard, { action: body.action, reason: body.reason, evidence: body.evidence }, hazardActor(ctx.actor, scopeOf(row)));
    if (!result.ok) throw ruleError(result);
    await checkPhotoKeys(tx, row.hazard.siteId, body.evidence ?? [], 'body.evidence');
    const to = result.next.status;
    const closing = to === 'closed';
    const evidence = body.evidence ?? [];
    const [after] = await tx
      .update(hazards)
      .set({
        status: to,
        version: sql`${hazards.version} + 1`,
        ...(closing ? { closedAt: nowOf(ctx), closedBy: ctx.actor.id, photosAfter: [...row.hazard.photosAfter, ...evidence] } : {}),
        ...(to === 'open' && row.hazard.status === 'closed' ? { closedAt: null, closedBy: null } : {}),
        ...(body.action === 'submit_rectification' ? { photosAfter: [...row.hazard.photosAfter, ...evidence] } : {}),
      })
      .where(and(eq(hazards.id, id), eq(hazards.version, row.hazard.version)))
      .returning();
    const eventId = randomUUID();
    await recordHazardEvent(tx, ctx, { hazardId: id, action: body.action, from: row.hazard.status, to, reason: body.reason, evidence, location: body.location, details: { eventId } });
    await refreshSiteColour(tx, row.hazard.siteId, `隐患${body.action}`, nowOf(ctx));
    if (closing) await queueCloseOutSms(tx, row, eventId, nowOf(ctx));
    audit({ action: `hazard.${body.action}`, entityType: 'hazard', entityId: id, before: { status: row.hazard.status }, after: { status: after!.status, reason: body.reason ?? null, evidence } });
  });
  return getHazardDetail(ctx, id);
}

export async function requestHazardExtension(ctx: RequestContext, id: string, body: z.infer<typeof ExtensionRequestBody>): Promise<HazardDetail> {
  await write(ctx, async ({ tx, audit }) => {
    const row = await lockForChange(ctx, tx, id, undefined);
    const actor = hazardActor(ctx.actor, scopeOf(row));
    if (!actor.isParty && !hasRole(actor, EXTENSION_REQUESTERS)) throw new AppError(403, 'forbidden', '没有申请延期的权限', 'You may not request an extension');
    const result = requestExtension(row.hazard, body.newDeadline, shanghaiDate(nowOf(ctx)));
    if (!result.ok) throw ruleError(result);
    await tx.insert(hazardExtensions).values({ id: randomUUID(), hazardId: id, status: 'requested', fromDeadline: result.extension.fromDeadline, newDeadline: result.extension.newDeadline, reason: body.reason, requestedBy: ctx.actor.id, requestedAt: nowOf(ctx) });
    await tx.update(hazards).set({ extensionPending: true, version: sql`${hazards.version} + 1` }).where(eq(hazards.id, id));
    await recordHazardEvent(tx, ctx, { hazardId: id, action: 'extension_requested', from: row.hazard.status, to: row.hazard.status, reason: body.reason, details: { newDeadline: body.newDeadline } });
    audit({ action: 'hazard.extension_requested', entityType: 'hazard', entityId: id, after: { newDeadline: body.newDeadline, reason: body.reason } });
  });
  return getHazardDetail(ctx, id);
}

export async function decideHazardExtension(ctx: RequestContext, id: string, extensionId: string, body: z.infer<typeof ExtensionDecisionBody>): Promise<HazardDetail> {
  await write(ctx, async ({ tx, audit }) => {
    const row = await lockForChange(ctx, tx, id, undefined);
    const [extension] = await tx.select().from(hazardExtensions).where(and(eq(hazardExtensions.id, extensionId), eq(hazardExtensions.hazardId, id)));
    if (!extension) throw notFound('extension');
    const result = decideExtension(row.hazard, extension, body, hazardActor(ctx.actor, scopeOf(row)), shanghaiDate(nowOf(ctx)));
    if (!result.ok) throw ruleError(result);
    await tx
      .update(hazardExtensions)
      .set({ status: result.extension.status, decidedBy: ctx.actor.id, decidedAt: nowOf(ctx), decisionReason: result.extension.reason ?? null })
      .where(eq(hazardExtensions.id, extensionId));
    await tx
      .update(hazards)
      .set({ extensionPending: false, version: sql`${hazards.version} + 1`, ...(result.next.deadline ? { deadline: result.next.deadline, reminderSentFor: null, overdueNoticeSentFor: null } : {}) })
      .where(eq(hazards.id, id));
    await recordHazardEvent(tx, ctx, { hazardId: id, action: `extension_${result.extension.status}`, from: row.hazard.status, to: row.hazard.status, reason: result.extension.reason, details: { newDeadline: extension.newDeadline } });
    await refreshSiteColour(tx, row.hazard.siteId, '延期审批', nowOf(ctx));
    audit({ action: `hazard.extension_${result.extension.status}`, entityType: 'hazard', entityId: id, before: { deadline: row.hazard.deadline }, after: { deadline: result.next.deadline ?? row.hazard.deadline } });
  });
  return getHazardDetail(ctx, id);
}
