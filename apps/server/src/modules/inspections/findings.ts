import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { HazardLevel, HazardStatus, InspectionAnswer as AnswerSchema, RectificationMode } from '@anxun/contracts';
import type { InspectionSubmission } from '@anxun/contracts';
import { nowOf, type RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/errors.ts';
import { batch, bulkInsertAll } from '../../platform/db/bulk.ts';
import type { WorkingCalendar } from '../calendar/calendar.ts';
import { shanghaiDate } from '../calendar/service.ts';
import type { sites } from '../sites/schema.ts';
import { hazardEvents, hazards } from '../hazards/schema.ts';
import { hazardEventRow, type EventInput } from '../hazards/service.ts';
import { transition } from '../hazards/state-machine.ts';
import { hazardActor } from '../hazards/policy.ts';
import { inspectionAnswers, inspections } from './schema.ts';
import { scoreAnswer } from '../checklists/rules.ts';
import { findSubmissionItems } from '../checklists/queries.ts';

type Answer = z.infer<typeof InspectionSubmission>['answers'][number];
type Detail = { path: string; message: string; messageEn: string };
export type Finding = { id: string; checkItemId: string; code: string; status: HazardStatus; level: HazardLevel; mode: RectificationMode; deadline: string | null };

/**
 * Checks every answer against its item, stores the visit with its answers and turns each failed
 * item into a hazard. All problems are reported together, so the inspector fixes the form in one go.
 */
export async function createFindings(
  ctx: RequestContext,
  tx: Tx,
  input: { site: typeof sites.$inferSelect; visit: typeof inspections.$inferInsert; inspectionId: string; answers: Answer[]; calendar: WorkingCalendar; today: string; foundAt: Date },
): Promise<{ all: Finding[]; open: Finding[] }> {
  const { site, answers, calendar, today } = input;
  const resolved = await findSubmissionItems(tx, answers.map((a) => a.checkItemId), site.kind);
  const items = new Map(resolved.answered.filter((i) => i.versionStatus !== 'draft').map((i) => [i.id, i]));
  const problems: Detail[] = [];
  const seen = new Set<string>();
  const evaluated: { answer: Answer; item: NonNullable<ReturnType<typeof items.get>>; result: 'pass' | 'fail' | 'na' }[] = [];
  answers.forEach((answer, i) => {
    const path = `body.answers.${i}`;
    const item = items.get(answer.checkItemId);
    if (!item) return problems.push({ path: `${path}.checkItemId`, message: '未知的检查项', messageEn: 'Unknown check item' });
    if (!item.siteKinds.includes(site.kind)) return problems.push({ path: `${path}.checkItemId`, message: `检查项 ${item.code} 不适用于此类单位`, messageEn: `${item.code} does not apply to this kind of site` });
    const key = `${item.checklistId}:${item.code}`;
    if (seen.has(key)) return problems.push({ path, message: `检查项 ${item.code} 重复作答`, messageEn: `${item.code} is answered twice` });
    seen.add(key);
    const verdict = scoreAnswer(item, answer);
    if (!verdict.ok) return problems.push({ path, message: verdict.zh, messageEn: verdict.en });
    // An explicit deadline is checked against the real date: a late-synced visit may not set one already past.
    if (verdict.outcome === 'fail') problems.push(...hazardProblems(answer, item, path, shanghaiDate(nowOf(ctx))));
    evaluated.push({ answer, item, result: verdict.outcome });
  });
  for (const required of resolved.required) {
    if (!seen.has(`${required.checklistId}:${required.code}`)) {
      problems.push({ path: 'body.answers', message: `检查项 ${required.code} 未作答`, messageEn: `Check item ${required.code} is not answered` });
    }
  }
  if (problems.length) throw badRequest('invalid_answers', '检查表填写不完整或有误', 'The checklist answers are incomplete or invalid', problems);

  // Each hazard is stored as it ends up (closed when fixed on the spot), with every event that got it
  // there; the visit, its answers, the hazards and their events go in one statement.
  const all: Finding[] = [];
  const rows: (typeof hazards.$inferInsert)[] = [];
  const events: EventInput[] = [];
  for (const { answer, item } of evaluated.filter((e) => e.result === 'fail')) {
    const level = answer.hazard?.level ?? item.defaultLevel;
    const mode = answer.hazard?.mode ?? item.defaultMode;
    const deadline = mode === 'deadline' ? (answer.hazard?.deadline ?? calendar.addWorkingDays(today, Math.max(1, item.defaultDays))) : null;
    const id = randomUUID();
    events.push({ hazardId: id, action: 'found', from: null, to: 'open', evidence: answer.photos });
    let status: HazardStatus = 'open';
    const fixedPhotos = answer.hazard?.fixedOnSpotPhotos ?? [];
    if (mode === 'immediate' && fixedPhotos.length > 0) {
      const closed = transition({ status, level, mode, deadline }, { action: 'close_on_spot', evidence: fixedPhotos }, hazardActor(ctx.actor, { areaPath: site.areaPath, departmentId: item.departmentId, sitePhone: site.phone }));
      if (closed.ok) {
        status = closed.next.status;
        events.push({ hazardId: id, action: 'close_on_spot', from: 'open', to: status, evidence: fixedPhotos });
      }
    }
    const closedNow = status !== 'open';
    rows.push({
      id,
      siteId: site.id,
      areaPath: site.areaPath,
      departmentId: item.departmentId,
      inspectionId: input.inspectionId,
      checkItemId: item.id,
      level,
      mode,
      status,
      description: answer.hazard?.description || answer.note || item.text,
      deadline,
      treatmentPlan: answer.hazard?.treatmentPlan ?? null,
      photosBefore: answer.photos,
      photosAfter: closedNow ? fixedPhotos : [],
      foundBy: ctx.actor.id,
      foundAt: input.foundAt,
      closedAt: closedNow ? input.foundAt : null,
      closedBy: closedNow ? ctx.actor.id : null,
      // A hazard closed on the spot has moved once since it was found.
      version: closedNow ? 2 : 1,
    });
    all.push({ id, checkItemId: item.id, code: item.code, status, level, mode, deadline });
  }
  const answerRows = evaluated.map(({ answer, result }) => ({
    inspectionId: input.inspectionId,
    checkItemId: answer.checkItemId,
    result,
    value: answer.value ?? null,
    choice: answer.choice ?? null,
    note: answer.note ?? null,
    photos: answer.photos,
  }));
  await bulkInsertAll(tx, [
    batch(inspections, [input.visit]),
    batch(inspectionAnswers, answerRows),
    batch(hazards, rows),
    batch(
      hazardEvents,
      events.map((e) => hazardEventRow(ctx, e)),
    ),
  ]);
  return { all, open: all.filter((f) => f.status === 'open') };
}

/** A failed item's hazard: a deadline not in the past, and the six-element plan for a major one. */
function hazardProblems(answer: z.infer<typeof AnswerSchema>, item: { code: string; defaultLevel: string; defaultMode: string }, path: string, today: string): Detail[] {
  const out: Detail[] = [];
  const level = answer.hazard?.level ?? item.defaultLevel;
  const mode = answer.hazard?.mode ?? item.defaultMode;
  if (answer.hazard?.deadline && answer.hazard.deadline < today) {
    out.push({ path: `${path}.hazard.deadline`, message: '整改期限不能早于今天', messageEn: 'The deadline cannot be in the past' });
  }
  if (answer.hazard?.deadline && mode !== 'deadline') {
    out.push({ path: `${path}.hazard.deadline`, message: '只有限期整改的隐患有整改期限', messageEn: 'Only deadline-mode hazards have a deadline' });
  }
  if (level === 'major' && !answer.hazard?.treatmentPlan) {
    out.push({ path: `${path}.hazard.treatmentPlan`, message: `${item.code} 为重大隐患，须填写治理方案（六落实）`, messageEn: `${item.code} is a major hazard and needs the six-element treatment plan` });
  }
  return out;
}
