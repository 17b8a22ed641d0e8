import { createHash, randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { InspectionResult, InspectionSubmission } from '@anxun/contracts';
import { nowOf, type RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/client.ts';
import { write } from '../../platform/write.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { enqueueSms } from '../../platform/sms/outbox.ts';
import { canonicalJson } from '../audit/chain.ts';
import { findSite } from '../sites/queries.ts';
import { canSite } from '../sites/policy.ts';
import { sites } from '../sites/schema.ts';
import { requireKnownPhotos } from '../photos/service.ts';
import { sitePhotos } from '../photos/schema.ts';
import { refreshSiteColour } from '../colours/service.ts';
import { cachedWorkingCalendar, shanghaiDate } from '../calendar/service.ts';
import { allocateOutside } from '../site-orders/numbers.ts';
import { notices } from '../notices/schema.ts';
import { hazards } from '../hazards/schema.ts';
import { inspections } from './schema.ts';
import { gpsCheck } from './rules.ts';
import { createFindings } from './findings.ts';

type Submission = z.infer<typeof InspectionSubmission>;

/** sha256 of the submission, so a resend is recognised and a different body under the same id is not. */
export const submissionHash = (body: unknown) => createHash('sha256').update(canonicalJson(body)).digest('hex');

/** A resent submission gets the answer the first one got. */
export async function existingResult(ctx: RequestContext, tx: Tx, id: string, hash: string): Promise<InspectionResult | null> {
  const [previous] = await tx.select().from(inspections).where(eq(inspections.id, id));
  if (!previous) return null;
  if (previous.submissionHash !== hash) {
    throw conflict('inspection_id_reused', '该检查编号已提交过不同的内容', 'This inspection id was already submitted with different content');
  }
  return resultOf(tx, previous.id);
}

export async function resultOf(tx: Tx, inspectionId: string): Promise<InspectionResult> {
  const [row] = await tx.select().from(inspections).where(eq(inspections.id, inspectionId));
  const [site] = await tx.select({ colour: sites.colour }).from(sites).where(eq(sites.id, row!.siteId));
  const found = await tx.select().from(hazards).where(eq(hazards.inspectionId, inspectionId));
  const [notice] = await tx.select({ id: notices.id, number: notices.number }).from(notices).where(eq(notices.inspectionId, inspectionId));
  return {
    id: row!.id,
    siteId: row!.siteId,
    colour: site!.colour,
    distanceM: row!.distanceM,
    farFromSite: row!.farFromSite,
    hazards: found.map((h) => ({ id: h.id, checkItemId: h.checkItemId, status: h.status, level: h.level, mode: h.mode, deadline: h.deadline })),
    noticeId: notice?.id ?? null,
    noticeNumber: notice?.number ?? null,
  };
}

/** The site, visible and inspectable by the actor; 404 outside the scope, 403 for a role that may not inspect. */
export async function inspectableSite(ctx: RequestContext, tx: Tx, siteId: string) {
  const found = await findSite(tx, siteId);
  if (!found || !canSite(ctx.actor, 'read', found.site)) throw notFound('site');
  if (!canSite(ctx.actor, 'inspect', found.site)) throw forbidden('您的角色不能提交检查', 'Your role may not submit inspections');
  return found.site;
}

type VisitBody = { id: string; startedAt: string; endedAt: string; gps: { lng: number; lat: number; accuracy?: number | undefined } | null; notes?: string | undefined };

/** The visit row shared by inspections and re-inspections, with its GPS distance from the site. */
export function visitRow(
  ctx: RequestContext,
  site: typeof sites.$inferSelect,
  body: VisitBody,
  kind: 'inspection' | 'reinspection',
  hash: string,
  extra: Partial<Pick<typeof inspections.$inferInsert, 'coInspectorIds' | 'signature' | 'refusal'>> = {},
) {
  const gps = gpsCheck(site.lng !== null && site.lat !== null ? { lng: site.lng, lat: site.lat } : null, body.gps);
  const row: typeof inspections.$inferInsert = {
    id: body.id,
    siteId: site.id,
    areaPath: site.areaPath,
    kind,
    inspectorId: ctx.actor.id,
    startedAt: new Date(body.startedAt),
    endedAt: new Date(body.endedAt),
    gpsLng: body.gps?.lng ?? null,
    gpsLat: body.gps?.lat ?? null,
    gpsAccuracy: body.gps?.accuracy ?? null,
    distanceM: gps.distanceM,
    farFromSite: gps.far,
    notes: body.notes ?? null,
    submissionHash: hash,
    createdAt: nowOf(ctx),
    ...extra,
    coInspectorIds: extra.coInspectorIds ?? [],
  };
  return { row, gps };
}

export async function insertVisit(ctx: RequestContext, tx: Tx, ...rest: Parameters<typeof visitRow> extends [RequestContext, ...infer R] ? R : never) {
  const { row, gps } = visitRow(ctx, ...rest);
  await tx.insert(inspections).values(row);
  return gps;
}

export function checkTimes(startedAt: string, endedAt: string, now = new Date()) {
  if (Date.parse(endedAt) < Date.parse(startedAt)) {
    throw badRequest('invalid_times', '结束时间早于开始时间', 'The inspection ends before it starts', [{ path: 'body.endedAt', message: '结束时间有误', messageEn: 'Invalid end time' }]);
  }
  if (Date.parse(endedAt) > now.getTime() + 10 * 60_000) {
    throw badRequest('future_inspection', '检查时间不能晚于当前时间', 'The inspection cannot end in the future', [{ path: 'body.endedAt', message: '时间有误', messageEn: 'Invalid time' }]);
  }
}

/**
 * 综合查一次: stores the visit, every answer, a hazard per failed item (owned by the item's
 * department), the rectification notice and its SMS, and the site's new colour — all or nothing.
 */
export async function submitInspection(ctx: RequestContext, body: Submission): Promise<{ result: InspectionResult; created: boolean }> {
  const hash = submissionHash(body);
  return onceById(ctx, body.id, hash, () => storeInspection(ctx, body, hash));
}

// The visit and its answers go in one statement, so the loser of a race can hit either key first.
const SAME_ID_STORED = ['inspections_pkey', 'inspection_answers_inspection_id_check_item_id_pk'];

/**
 * Two sends of one submission can race (a phone retrying while the first reply is in flight): the
 * loser's insert hits the primary key, and it answers as a resend instead of failing.
 */
export async function onceById<T extends { result: InspectionResult; created: boolean }>(ctx: RequestContext, id: string, hash: string, store: () => Promise<T>): Promise<T | { result: InspectionResult; created: false }> {
  try {
    return await store();
  } catch (error) {
    if (!SAME_ID_STORED.some((constraint) => isUniqueViolation(error, constraint))) throw error;
    const again = await ctx.database.db.transaction((tx) => existingResult(ctx, tx, id, hash));
    if (!again) throw error;
    return { result: again, created: false };
  }
}

async function storeInspection(ctx: RequestContext, body: Submission, hash: string): Promise<{ result: InspectionResult; created: boolean }> {
  return write(ctx, async ({ tx, audit }) => {
    const photoKeys = body.answers.flatMap((a) => [...a.photos, ...(a.hazard?.fixedOnSpotPhotos ?? [])]);
    if (body.signature) photoKeys.push(body.signature.imageKey);
    // One read for a resend's first answer and for which of the cited photos this site has.
    const first = await tx.execute(sql`
      select (select ${inspections.submissionHash} from ${inspections} where ${inspections.id} = ${body.id}) as previous,
        array(select ${sitePhotos.key} from ${sitePhotos} where ${and(eq(sitePhotos.siteId, body.siteId), inArray(sitePhotos.key, [...new Set(photoKeys)]))}) as known`);
    const { previous, known } = (first as unknown as { rows: { previous: string | null; known: string[] }[] }).rows[0]!;
    if (previous !== null) {
      if (previous !== hash) throw conflict('inspection_id_reused', '该检查编号已提交过不同的内容', 'This inspection id was already submitted with different content');
      return { result: await resultOf(tx, body.id), created: false };
    }
    const site = await inspectableSite(ctx, tx, body.siteId);
    checkTimes(body.startedAt, body.endedAt, nowOf(ctx));
    if (!body.signature && !body.refusal) {
      throw badRequest('signature_required', '须由当事人签字，或记录拒签原因和见证人', 'The party must sign, or the refusal must be recorded with a witness', [
        { path: 'body.signature', message: '缺少签字', messageEn: 'Signature missing' },
      ]);
    }
    requireKnownPhotos(photoKeys, new Set(known), 'body.answers');

    // The visit row is stored with the answers and findings, in one statement.
    const visit = visitRow(ctx, site, body, 'inspection', hash, { coInspectorIds: body.coInspectorIds, signature: body.signature, refusal: body.refusal });
    const gps = visit.gps;
    const calendar = await cachedWorkingCalendar(ctx.database, tx);
    const findings = await createFindings(ctx, tx, { site, visit: visit.row, inspectionId: body.id, answers: body.answers, calendar, today: shanghaiDate(new Date(body.endedAt)), foundAt: new Date(body.endedAt) });
    const { colour } = await refreshSiteColour(tx, site.id, findings.open.length ? '检查发现隐患' : '检查合格', nowOf(ctx), { inspectedAt: new Date(body.endedAt) });
    const result: InspectionResult = {
      id: body.id,
      siteId: site.id,
      colour,
      distanceM: gps.distanceM,
      farFromSite: gps.far,
      hazards: findings.all.map((h) => ({ id: h.id, checkItemId: h.checkItemId, status: h.status, level: h.level, mode: h.mode, deadline: h.deadline })),
      noticeId: null,
      noticeNumber: null,
    };
    audit({
      action: 'inspection.submitted',
      entityType: 'inspection',
      entityId: body.id,
      after: { siteId: site.id, answers: body.answers.length, hazards: findings.all.length, distanceM: gps.distanceM, farFromSite: gps.far, refused: !!body.refusal },
    });
    audit({ action: 'site.inspected', entityType: 'site', entityId: site.id, after: { inspection: body.id, hazards: findings.all.length } });

    if (findings.open.length > 0) {
      // The SMS links to the notice by id, so it is queued before the number is taken: the number is
      // allocated last, so that as little as possible can fail after it and leave it unused.
      const noticeId = randomUUID();
      const phone = site.phone ?? body.signature?.signerPhone;
      if (phone) {
        const deadlines = findings.open.map((h) => h.deadline).filter((d): d is string => !!d).sort();
        await enqueueSms(tx, {
          phone,
          template: 'hazard_notice',
          params: {
            site: site.name.slice(0, 20),
            count: String(findings.open.length),
            items: findings.open.map((h) => h.code).join('、').slice(0, 20),
            deadline: deadlines[0] ?? '即时',
            link: `${ctx.origin ?? ''}/api/notices/${noticeId}/pdf`,
          },
          idempotencyKey: `hazard_notice:${body.id}`,
        }, nowOf(ctx));
      }
      const doc = await allocateOutside(ctx.database, tx, site.areaPath, 'notice', new Date(body.endedAt));
      await tx.insert(notices).values({ id: noticeId, number: doc.number, siteId: site.id, inspectionId: body.id, hazardIds: findings.open.map((h) => h.id), createdAt: nowOf(ctx) });
      result.noticeId = noticeId;
      result.noticeNumber = doc.number;
    }
    return { result, created: true };
  });
}
