import type {
  CheckItem,
  CombinedForm,
  HazardLevel,
  InspectionAnswer,
  InspectionResult,
  InspectionSubmission,
  RectificationMode,
  TreatmentPlan,
} from '@anxun/contracts';
import { MOBILE_PATTERN, thresholdFails } from '@anxun/contracts';
import { newId } from './storage.ts';

/**
 * The in-progress inspection as one serialisable object. Everything the screen shows comes from
 * here, so it survives reloads (sessionStorage) and can later be queued by an offline outbox:
 * `submission` is the frozen payload of the first submit attempt, which an outbox would send.
 */

export type AnswerResult = 'pass' | 'fail' | 'na';

/** A photo already uploaded to POST /api/sites/:id/photos. */
export interface DraftPhoto {
  key: string;
  url: string;
  thumbnailUrl: string | null;
}

export interface GpsFix {
  lng: number;
  lat: number;
  accuracy?: number;
  at?: string;
}

export const PLAN_FIELDS = ['targetAndTasks', 'methodsAndMeasures', 'fundsAndMaterials', 'responsible', 'deadline', 'safetyAndEmergency'] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

export interface HazardDraft {
  level: HazardLevel;
  mode: RectificationMode;
  /** YYYY-MM-DD or '' (the server then counts the item's default working days). */
  deadline: string;
  description: string;
  plan: Record<PlanField, string>;
  fixedOnSpotPhotos: DraftPhoto[];
}

export interface AnswerDraft {
  /** The verdict of pass_fail and photo items; 'na' for any item. Number and choice items derive theirs. */
  mark?: AnswerResult;
  /** What was typed for a number item, kept as text so "1." survives while typing. */
  value: string;
  choice?: string;
  note: string;
  photos: DraftPhoto[];
  /** Absent until the inspector changes a default. */
  hazard?: HazardDraft;
}

/** A signature as strokes of flat [x0, y0, x1, y1, …] in 0–1 of the pad, so it redraws at any size. */
export type Stroke = number[];

export interface SignDraft {
  mode: 'sign' | 'refuse';
  strokes: Stroke[];
  signedAt: string | null;
  /** Set once the PNG of exactly these strokes is uploaded; cleared when they change. */
  imageKey: string | null;
  signerName: string;
  signerPhone: string;
  reason: string;
  witness: string;
}

export interface InspectionDraft {
  v: 1;
  kind: 'inspection';
  id: string;
  siteId: string;
  startedAt: string;
  gps: GpsFix | null;
  answers: Record<string, AnswerDraft>;
  notes: string;
  sign: SignDraft;
  /** Frozen at the first submit attempt and re-sent as is, so the server's idempotency on id holds. */
  submission: InspectionSubmission | null;
  /**
   * The last body whose fate is unknown (no answer, or a 5xx). If the inspector edits and the
   * server then says this id was stored with other content, this is what it stored.
   */
  unconfirmed: InspectionSubmission | null;
  result: InspectionResult | null;
  /** The result is of `unconfirmed`: edits made after the lost answer were not recorded. */
  recovered?: boolean;
}

export const draftKey = (siteId: string) => `anxun.m.inspection.${siteId}`;

export function newDraft(siteId: string, now = new Date()): InspectionDraft {
  return {
    v: 1,
    kind: 'inspection',
    id: newId(),
    siteId,
    startedAt: now.toISOString(),
    gps: null,
    answers: {},
    notes: '',
    sign: { mode: 'sign', strokes: [], signedAt: null, imageKey: null, signerName: '', signerPhone: '', reason: '', witness: '' },
    submission: null,
    unconfirmed: null,
    result: null,
  };
}

export const emptyAnswer = (): AnswerDraft => ({ value: '', note: '', photos: [] });

export function defaultHazard(item: CheckItem): HazardDraft {
  return {
    level: item.defaultLevel,
    mode: item.defaultMode,
    deadline: '',
    description: '',
    plan: { targetAndTasks: '', methodsAndMeasures: '', fundsAndMaterials: '', responsible: '', deadline: '', safetyAndEmergency: '' },
    fixedOnSpotPhotos: [],
  };
}

export const hazardOf = (item: CheckItem, answer: AnswerDraft | undefined): HazardDraft => answer?.hazard ?? defaultHazard(item);

/** Accepts "1,5" from keyboards that type a decimal comma. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** The verdict of one item, or undefined while it is unanswered. */
export function resultOf(item: CheckItem, answer: AnswerDraft | undefined): AnswerResult | undefined {
  if (!answer) return undefined;
  if (answer.mark === 'na') return 'na';
  switch (item.answerType) {
    case 'pass_fail':
    case 'photo':
      return answer.mark;
    case 'number': {
      const value = parseNumber(answer.value);
      if (value === undefined) return undefined;
      return item.threshold && thresholdFails(item.threshold, value) ? 'fail' : 'pass';
    }
    case 'choice': {
      const option = item.choices?.find((choice) => choice.value === answer.choice);
      if (!option) return undefined;
      return option.fails ? 'fail' : 'pass';
    }
  }
}

export const needsPhoto = (item: CheckItem) => item.photoRequired || item.answerType === 'photo';

/** One problem that blocks submitting, as an i18n key under `mobile.issue` plus its values. */
export interface Issue {
  key: string;
  field?: PlanField;
}

export function itemIssues(item: CheckItem, answer: AnswerDraft | undefined, today: string): Issue[] {
  const result = resultOf(item, answer);
  if (result === 'na') return [];
  const issues: Issue[] = [];
  if (result === undefined) {
    issues.push({ key: item.answerType === 'number' && answer?.value.trim() ? 'value' : item.answerType === 'choice' ? 'choice' : 'unanswered' });
  }
  if (needsPhoto(item) && (answer?.photos.length ?? 0) === 0) issues.push({ key: 'photo' });
  if (result === 'fail') {
    const hazard = hazardOf(item, answer);
    if (hazard.mode === 'deadline' && hazard.deadline && hazard.deadline < today) issues.push({ key: 'deadlinePast' });
    if (hazard.level === 'major') {
      for (const field of PLAN_FIELDS) {
        if (!hazard.plan[field].trim()) issues.push({ key: 'planField', field });
      }
      if (hazard.plan.deadline && hazard.plan.deadline < today) issues.push({ key: 'planDeadlinePast' });
    }
  }
  return issues;
}

export interface Progress {
  total: number;
  answered: number;
  hazards: number;
  major: number;
  /** Items with anything blocking the submit, in form order. */
  invalid: string[];
}

export function allItems(form: CombinedForm): CheckItem[] {
  return form.groups.flatMap((group) => group.items);
}

export function progressOf(form: CombinedForm, draft: InspectionDraft, today: string): Progress {
  const progress: Progress = { total: 0, answered: 0, hazards: 0, major: 0, invalid: [] };
  for (const item of allItems(form)) {
    const answer = draft.answers[item.id];
    const result = resultOf(item, answer);
    progress.total += 1;
    if (result) progress.answered += 1;
    if (result === 'fail') {
      progress.hazards += 1;
      if (hazardOf(item, answer).level === 'major') progress.major += 1;
    }
    if (itemIssues(item, answer, today).length) progress.invalid.push(item.id);
  }
  return progress;
}

/**
 * 全部合格 for one group: unanswered items become passes where a pass needs no measurement.
 * Number items need a measured value and choice items with several passing options need a pick,
 * so those stay open; the count of skipped items is returned for the toast.
 */
export function markGroupPassed(items: CheckItem[], answers: Record<string, AnswerDraft>): { answers: Record<string, AnswerDraft>; changed: number; skipped: number } {
  const next = { ...answers };
  let changed = 0;
  let skipped = 0;
  for (const item of items) {
    const answer = answers[item.id];
    if (resultOf(item, answer) !== undefined) continue;
    const base = answer ?? emptyAnswer();
    if (item.answerType === 'pass_fail' || item.answerType === 'photo') {
      next[item.id] = { ...base, mark: 'pass' };
      changed += 1;
    } else if (item.answerType === 'choice') {
      const passing = (item.choices ?? []).filter((choice) => !choice.fails);
      if (passing.length === 1) {
        next[item.id] = { ...base, mark: undefined, choice: passing[0]!.value };
        changed += 1;
      } else skipped += 1;
    } else skipped += 1;
  }
  return { answers: next, changed, skipped };
}

export function signIssues(sign: SignDraft): string[] {
  const issues: string[] = [];
  if (sign.mode === 'sign') {
    if (!hasInk(sign.strokes)) issues.push('signature');
    if (!sign.signerName.trim()) issues.push('signerName');
    if (!MOBILE_PATTERN.test(sign.signerPhone.trim())) issues.push('signerPhone');
  } else {
    if (sign.reason.trim().length < 2) issues.push('reason');
    if (!sign.witness.trim()) issues.push('witness');
  }
  return issues;
}

/** A tap or a stray dot is not a signature: ask for some length of line. */
export function hasInk(strokes: Stroke[]): boolean {
  let length = 0;
  for (const stroke of strokes) {
    for (let i = 2; i + 1 < stroke.length; i += 2) length += Math.hypot(stroke[i]! - stroke[i - 2]!, stroke[i + 1]! - stroke[i - 1]!);
  }
  return length > 0.15;
}

const trimmedOrUndefined = (text: string) => text.trim() || undefined;

function answerOf(item: CheckItem, answer: AnswerDraft | undefined, result: AnswerResult): InspectionAnswer {
  const out: InspectionAnswer = { checkItemId: item.id, result, photos: (answer?.photos ?? []).map((photo) => photo.key) };
  if (result !== 'na' && item.answerType === 'number') out.value = parseNumber(answer?.value ?? '');
  if (result !== 'na' && item.answerType === 'choice') out.choice = answer?.choice;
  const note = trimmedOrUndefined(answer?.note ?? '');
  if (note) out.note = note;
  if (result === 'fail') {
    const hazard = hazardOf(item, answer);
    const plan: TreatmentPlan | undefined =
      hazard.level === 'major'
        ? {
            targetAndTasks: hazard.plan.targetAndTasks.trim(),
            methodsAndMeasures: hazard.plan.methodsAndMeasures.trim(),
            fundsAndMaterials: hazard.plan.fundsAndMaterials.trim(),
            responsible: hazard.plan.responsible.trim(),
            deadline: hazard.plan.deadline,
            safetyAndEmergency: hazard.plan.safetyAndEmergency.trim(),
          }
        : undefined;
    out.hazard = {
      level: hazard.level,
      mode: hazard.mode,
      deadline: hazard.mode === 'deadline' && hazard.deadline ? hazard.deadline : undefined,
      description: trimmedOrUndefined(hazard.description),
      treatmentPlan: plan,
      fixedOnSpotPhotos: hazard.mode === 'immediate' && hazard.fixedOnSpotPhotos.length ? hazard.fixedOnSpotPhotos.map((photo) => photo.key) : undefined,
    };
  }
  return out;
}

/** The POST /api/inspections body; every item must be answered (see progressOf). */
export function buildSubmission(form: CombinedForm, draft: InspectionDraft, endedAt: string): InspectionSubmission {
  const answers = allItems(form).map((item) => {
    const answer = draft.answers[item.id];
    const result = resultOf(item, answer);
    if (!result) throw new Error(`unanswered item ${item.code}`);
    return answerOf(item, answer, result);
  });
  const { sign } = draft;
  return {
    id: draft.id,
    siteId: draft.siteId,
    startedAt: draft.startedAt,
    endedAt,
    coInspectorIds: [],
    gps: draft.gps,
    answers,
    notes: trimmedOrUndefined(draft.notes),
    signature:
      sign.mode === 'sign' && sign.imageKey
        ? { imageKey: sign.imageKey, signerName: sign.signerName.trim(), signerPhone: sign.signerPhone.trim(), signedAt: sign.signedAt ?? endedAt }
        : null,
    refusal: sign.mode === 'refuse' ? { reason: sign.reason.trim(), witness: sign.witness.trim() } : null,
  };
}

/**
 * Where a server validation path points: `body.answers.3.…` names the fourth submitted answer,
 * which is the fourth item of the form (answers are sent in form order).
 */
export function itemIdOfPath(path: string, submission: InspectionSubmission | null): string | undefined {
  const match = /^(?:body\.)?answers\.(\d+)/.exec(path);
  if (!match || !submission) return undefined;
  return submission.answers[Number(match[1])]?.checkItemId;
}
