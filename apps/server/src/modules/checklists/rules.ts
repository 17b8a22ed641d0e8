import type { z } from 'zod';
import { thresholdFails, type ApiError, type CheckItemFields } from '@anxun/contracts';

type Detail = NonNullable<ApiError['details']>[number];
export type CheckItemData = z.infer<typeof CheckItemFields>;

export interface AnswerLike {
  result?: 'pass' | 'fail' | 'na' | undefined;
  value?: number | undefined;
  choice?: string | undefined;
  photos?: readonly string[] | undefined;
}

export type AnswerOutcome = { ok: true; outcome: 'pass' | 'fail' | 'na' } | { ok: false; zh: string; en: string };

/**
 * How one answer scores against its item, for the inspections module: pass_fail and photo items
 * carry an explicit result; number and choice items are scored from the value, so the inspector
 * cannot mark a measured failure as passed. A photo-required item needs a photo when it fails
 * (photo items always).
 */
export function scoreAnswer(item: Pick<CheckItemData, 'code' | 'answerType' | 'threshold' | 'choices' | 'photoRequired'>, answer: AnswerLike): AnswerOutcome {
  if (answer.result === 'na') return { ok: true, outcome: 'na' };
  let outcome: 'pass' | 'fail';
  if (item.answerType === 'number') {
    if (answer.value === undefined || !item.threshold) return bad(`${item.code} 须填写测量值`, `${item.code} needs a measured value`);
    outcome = thresholdFails(item.threshold, answer.value) ? 'fail' : 'pass';
  } else if (item.answerType === 'choice') {
    const option = item.choices?.find((c) => c.value === answer.choice);
    if (!option) return bad(`${item.code} 须选择一个选项`, `${item.code} needs one of its options`);
    outcome = option.fails ? 'fail' : 'pass';
  } else {
    if (answer.result !== 'pass' && answer.result !== 'fail') return bad(`${item.code} 须判定合格或不合格`, `${item.code} needs pass or fail`);
    outcome = answer.result;
  }
  const photos = answer.photos?.length ?? 0;
  if (photos === 0 && (item.answerType === 'photo' || (item.photoRequired && outcome === 'fail'))) {
    return bad(`${item.code} 须上传照片`, `${item.code} needs a photo`);
  }
  return { ok: true, outcome };
}

const bad = (zh: string, en: string): AnswerOutcome => ({ ok: false, zh, en });

/**
 * Cross-field checks Zod's per-field schema cannot express, plus normalisation: settings that do not
 * apply to the answer type are dropped (the editor may leave a stale threshold behind when the type
 * changes), so a stored item never carries contradictory configuration.
 */
export function normaliseDraftItems(items: readonly CheckItemData[]): { items: CheckItemData[]; details: Detail[] } {
  const details: Detail[] = [];
  const at = (i: number, field: string, zh: string, en: string) => details.push({ path: `body.items.${i}.${field}`, message: zh, messageEn: en });
  const seen = new Map<string, number>();
  const out = items.map((raw, i) => {
    const item: CheckItemData = { ...raw, siteKinds: [...new Set(raw.siteKinds)] };
    const first = seen.get(item.code);
    if (first !== undefined) at(i, 'code', `代码与第${first + 1}项重复`, `Code duplicates item ${first + 1}`);
    else seen.set(item.code, i);

    if (item.answerType === 'number') {
      if (!item.threshold) at(i, 'threshold', '数值型检查项须设置阈值', 'A number item needs a threshold');
    } else item.threshold = null;

    if (item.answerType === 'choice') {
      const choices = item.choices ?? [];
      if (choices.length < 2) at(i, 'choices', '选择型检查项至少需要两个选项', 'A choice item needs at least two options');
      else if (new Set(choices.map((c) => c.value)).size !== choices.length) at(i, 'choices', '选项值不能重复', 'Option values must be unique');
      else if (!choices.some((c) => c.fails)) at(i, 'choices', '至少一个选项应判为不合格', 'At least one option must fail');
      else if (choices.every((c) => c.fails)) at(i, 'choices', '至少一个选项应判为合格', 'At least one option must pass');
    } else item.choices = null;

    if (item.answerType === 'photo') item.photoRequired = true;
    if (item.defaultMode === 'deadline') {
      if (item.defaultDays < 1) at(i, 'defaultDays', '限期整改须设置整改天数', 'Deadline rectification needs a number of working days');
    } else item.defaultDays = 0;
    return item;
  });
  return { items: out, details };
}

const FIELDS = ['code', 'text', 'textEn', 'domain', 'siteKinds', 'answerType', 'threshold', 'choices', 'photoRequired', 'defaultLevel', 'legalBasis', 'suggestedFix', 'defaultMode', 'defaultDays'] as const;

/** Keys sorted at every depth: jsonb hands back thresholds and choices with its own key order. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, stable(v)]));
  }
  return value ?? null;
}

/** Field order fixed, so rows from the database and bodies from the client compare equal. */
const canonical = (item: CheckItemData) => JSON.stringify(FIELDS.map((f) => stable(item[f])));

/** What changed between two item lists, by code: the audit records this rather than both lists. */
export function diffItems(before: readonly CheckItemData[], after: readonly CheckItemData[]) {
  const old = new Map(before.map((item) => [item.code, canonical(item)]));
  const now = new Map(after.map((item) => [item.code, canonical(item)]));
  const common = (list: readonly CheckItemData[], other: Map<string, string>) => list.map((i) => i.code).filter((c) => other.has(c)).join();
  return {
    added: [...now.keys()].filter((code) => !old.has(code)),
    removed: [...old.keys()].filter((code) => !now.has(code)),
    changed: [...now.keys()].filter((code) => old.has(code) && old.get(code) !== now.get(code)),
    reordered: common(before, now) !== common(after, old),
  };
}
