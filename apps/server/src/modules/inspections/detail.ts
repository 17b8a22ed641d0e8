import { eq, inArray } from 'drizzle-orm';
import type { InspectionDetail } from '@anxun/contracts';
import type { RequestContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { canSite } from '../sites/policy.ts';
import { findSite } from '../sites/queries.ts';
import { users } from '../users/schema.ts';
import { departments } from '../users/schema.ts';
import { checkItems, checklists, checklistVersions } from '../checklists/schema.ts';
import { notices } from '../notices/schema.ts';
import { photoRefs } from '../photos/service.ts';
import { findHazardsOfInspection, toHazardSummary } from '../hazards/queries.ts';
import { inspectionAnswers, inspections } from './schema.ts';

/** One visit as recorded: answers by department, photos, signature, GPS and the hazards it found. */
export async function getInspectionDetail(ctx: RequestContext, id: string): Promise<InspectionDetail> {
  const db = ctx.database.db;
  const [row] = await db.select().from(inspections).where(eq(inspections.id, id));
  const site = row ? await findSite(db, row.siteId) : undefined;
  if (!row || !site || !canSite(ctx.actor, 'read', site.site)) throw notFound('inspection');
  const [answers, people, found, [notice]] = await Promise.all([
    db
      .select({ answer: inspectionAnswers, code: checkItems.code, text: checkItems.text, departmentName: departments.name, sort: checkItems.sort })
      .from(inspectionAnswers)
      .innerJoin(checkItems, eq(checkItems.id, inspectionAnswers.checkItemId))
      .innerJoin(checklistVersions, eq(checklistVersions.id, checkItems.versionId))
      .innerJoin(checklists, eq(checklists.id, checklistVersions.checklistId))
      .innerJoin(departments, eq(departments.id, checklists.departmentId))
      .where(eq(inspectionAnswers.inspectionId, id))
      .orderBy(departments.code, checkItems.sort),
    db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [row.inspectorId, ...row.coInspectorIds])),
    findHazardsOfInspection(db, id),
    db.select({ id: notices.id, number: notices.number }).from(notices).where(eq(notices.inspectionId, id)),
  ]);
  const refs = await photoRefs(db, [...answers.flatMap((a) => a.answer.photos), ...(row.signature ? [row.signature.imageKey] : [])]);
  const nameOf = (uid: string) => people.find((p) => p.id === uid)?.name ?? '';
  const today = shanghaiDate();
  return {
    id: row.id,
    kind: row.kind,
    siteId: row.siteId,
    siteName: site.site.name,
    siteLocation: site.site.lng !== null && site.site.lat !== null ? { lng: site.site.lng, lat: site.site.lat } : null,
    inspectorName: nameOf(row.inspectorId),
    coInspectorNames: row.coInspectorIds.map(nameOf),
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt.toISOString(),
    gps: row.gpsLng !== null && row.gpsLat !== null ? { lng: row.gpsLng, lat: row.gpsLat, accuracy: row.gpsAccuracy } : null,
    distanceM: row.distanceM,
    farFromSite: row.farFromSite,
    notes: row.notes,
    signature: row.signature ? { image: refs.get(row.signature.imageKey)!, signerName: row.signature.signerName, signerPhone: row.signature.signerPhone, signedAt: row.signature.signedAt } : null,
    refusal: row.refusal,
    answers: answers.map((a) => ({
      checkItemId: a.answer.checkItemId,
      code: a.code,
      text: a.text,
      departmentName: a.departmentName,
      result: a.answer.result,
      value: a.answer.value,
      choice: a.answer.choice,
      note: a.answer.note,
      photos: a.answer.photos.map((k) => refs.get(k)!),
    })),
    hazards: found.map((h) => toHazardSummary(h, today)),
    noticeId: notice?.id ?? null,
    noticeNumber: notice?.number ?? null,
  };
}
