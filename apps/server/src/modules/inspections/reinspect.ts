import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { InspectionResult, ReinspectionSubmission } from '@anxun/contracts';
import { nowOf, type RequestContext } from '../../platform/context.ts';
import { write } from '../../platform/write.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { sites } from '../sites/schema.ts';
import { checkPhotoKeys } from '../photos/service.ts';
import { refreshSiteColour } from '../colours/service.ts';
import { hazards } from '../hazards/schema.ts';
import { findHazard } from '../hazards/queries.ts';
import { hazardActor } from '../hazards/policy.ts';
import { transition } from '../hazards/state-machine.ts';
import { queueCloseOutSms, recordHazardEvent } from '../hazards/service.ts';
import { checkTimes, existingResult, insertVisit, inspectableSite, onceById, resultOf, submissionHash } from './service.ts';

type Submission = z.infer<typeof ReinspectionSubmission>;

/** 复查: each open hazard of the site is found fixed (销号, with after-photos) or not (with a note). */
export async function submitReinspection(ctx: RequestContext, body: Submission): Promise<{ result: InspectionResult; created: boolean }> {
  const hash = submissionHash(body);
  return onceById(ctx, body.id, hash, () => storeReinspection(ctx, body, hash));
}

async function storeReinspection(ctx: RequestContext, body: Submission, hash: string): Promise<{ result: InspectionResult; created: boolean }> {
  return write(ctx, async ({ tx, audit }) => {
    const again = await existingResult(ctx, tx, body.id, hash);
    if (again) return { result: again, created: false };
    const site = await inspectableSite(ctx, tx, body.siteId);
    checkTimes(body.startedAt, body.endedAt, nowOf(ctx));
    const ids = body.results.map((r) => r.hazardId);
    const owned = await tx.select({ id: hazards.id }).from(hazards).where(and(inArray(hazards.id, ids), eq(hazards.siteId, site.id))).for('update');
    if (owned.length !== new Set(ids).size) {
      throw badRequest('unknown_hazard', '复查的隐患不属于该单位或重复', 'A re-inspected hazard does not belong to this site, or is listed twice', [{ path: 'body.results', message: '隐患无效', messageEn: 'Invalid hazard' }]);
    }
    await checkPhotoKeys(tx, site.id, body.results.flatMap((r) => r.photos), 'body.results');
    await insertVisit(ctx, tx, site, body, 'reinspection', hash);
    let closed = 0;
    for (const [i, r] of body.results.entries()) {
      const row = (await findHazard(tx, r.hazardId))!;
      const action = r.fixed ? 'reinspect_fixed' : 'reinspect_not_fixed';
      const step = transition(row.hazard, { action, evidence: r.photos, reason: r.note }, hazardActor(ctx.actor, { areaPath: row.hazard.areaPath, departmentId: row.hazard.departmentId, sitePhone: row.sitePhone }));
      if (!step.ok) {
        throw new AppError(step.code === 'FORBIDDEN_ROLE' ? 403 : 400, step.code.toLowerCase(), `第 ${i + 1} 项：${step.zh}`, `Result ${i + 1}: ${step.en}`, [{ path: `body.results.${i}`, message: step.zh, messageEn: step.en }]);
      }
      const to = step.next.status;
      await tx
        .update(hazards)
        .set({ status: to, version: sql`${hazards.version} + 1`, ...(to === 'closed' ? { closedAt: new Date(body.endedAt), closedBy: ctx.actor.id, photosAfter: [...row.hazard.photosAfter, ...r.photos] } : {}) })
        .where(eq(hazards.id, r.hazardId));
      await recordHazardEvent(tx, ctx, { hazardId: r.hazardId, action, from: row.hazard.status, to, reason: r.note, evidence: r.photos, location: body.gps ?? undefined, details: { reinspection: body.id } });
      if (to === 'closed') {
        closed++;
        await queueCloseOutSms(tx, row, body.id, nowOf(ctx));
      }
    }
    await tx.update(sites).set({ inspectedAt: new Date(body.endedAt) }).where(eq(sites.id, site.id));
    await refreshSiteColour(tx, site.id, closed ? '复查销号' : '复查未整改', nowOf(ctx));
    audit({ action: 'inspection.reinspected', entityType: 'inspection', entityId: body.id, after: { siteId: site.id, results: body.results.length, closed } });
    audit({ action: 'site.reinspected', entityType: 'site', entityId: site.id, after: { reinspection: body.id, closed } });
    return { result: await resultOf(tx, body.id), created: true };
  });
}
