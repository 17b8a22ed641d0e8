import turfDistance from '@turf/distance';
import type { AnswerType, InspectionAnswer, LngLat, NumberThreshold } from '@anxun/contracts';
import { GPS_FLAG_DISTANCE_M } from '@anxun/contracts';

export interface ItemRule {
  id: string;
  code: string;
  answerType: AnswerType;
  threshold: NumberThreshold | null;
  choices: { value: string; fails: boolean }[] | null;
  photoRequired: boolean;
}

type Answer = Pick<InspectionAnswer, 'result' | 'value' | 'choice' | 'photos'>;
export type Evaluated = { ok: true; result: 'pass' | 'fail' | 'na' } | { ok: false; zh: string; en: string };

/** A number fails when it is on the wrong side of the threshold (op says what passes). */
function numberPasses(value: number, t: NumberThreshold): boolean {
  switch (t.op) {
    case '<':
      return value < t.value;
    case '<=':
      return value <= t.value;
    case '>':
      return value > t.value;
    case '>=':
      return value >= t.value;
  }
}

/**
 * Pure: the outcome of one answer by the item's answer type. A client may send its own verdict,
 * but for measured and chosen answers the server derives it, so a wrong client cannot hide a hazard.
 */
export function evaluateAnswer(item: ItemRule, answer: Answer): Evaluated {
  const photos = answer.photos ?? [];
  if (answer.result === 'na') return { ok: true, result: 'na' };
  if (item.photoRequired && photos.length === 0) return { ok: false, zh: `${item.code} 须拍照`, en: `${item.code} needs a photo` };
  switch (item.answerType) {
    case 'pass_fail':
      if (!answer.result) return { ok: false, zh: `${item.code} 未作答`, en: `${item.code} is not answered` };
      return { ok: true, result: answer.result };
    case 'number':
      if (answer.value === undefined || !Number.isFinite(answer.value)) return { ok: false, zh: `${item.code} 须填写测量值`, en: `${item.code} needs a measured value` };
      return { ok: true, result: item.threshold && !numberPasses(answer.value, item.threshold) ? 'fail' : 'pass' };
    case 'choice': {
      const option = item.choices?.find((c) => c.value === answer.choice);
      if (!option) return { ok: false, zh: `${item.code} 须选择一个选项`, en: `${item.code} needs one of its choices` };
      return { ok: true, result: option.fails ? 'fail' : 'pass' };
    }
    case 'photo':
      if (photos.length === 0) return { ok: false, zh: `${item.code} 须拍照`, en: `${item.code} needs a photo` };
      return { ok: true, result: answer.result === 'fail' ? 'fail' : 'pass' };
  }
}

/** Pure: metres between the GPS fix and the site, and whether that is too far to have been there. */
export function gpsCheck(site: LngLat | null, gps: LngLat | null): { distanceM: number | null; far: boolean } {
  if (!site || !gps) return { distanceM: null, far: false };
  const distanceM = Math.round(turfDistance([site.lng, site.lat], [gps.lng, gps.lat], { units: 'meters' }));
  return { distanceM, far: distanceM > GPS_FLAG_DISTANCE_M };
}
