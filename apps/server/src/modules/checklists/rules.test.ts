import { describe, expect, it } from 'vitest';
import { CheckItemFields } from '@anxun/contracts';
import { thresholdFails } from '@anxun/contracts';
import { diffItems, normaliseDraftItems, scoreAnswer } from './rules.ts';

const base = CheckItemFields.parse({
  code: 'T-001', text: '测试项', textEn: 'Test item', domain: 'fire', siteKinds: ['enterprise', 'enterprise'], answerType: 'pass_fail',
  defaultLevel: 'general', legalBasis: '《中华人民共和国消防法》', defaultMode: 'immediate',
});

describe('thresholds and answers', () => {
  it('reads the threshold as the failing side', () => {
    expect(thresholdFails({ op: '<', value: 1.1, unit: 'm' }, 1.0)).toBe(true);
    expect(thresholdFails({ op: '<', value: 1.1, unit: 'm' }, 1.1)).toBe(false);
    expect(thresholdFails({ op: '<=', value: 1.1, unit: 'm' }, 1.1)).toBe(true);
    expect(thresholdFails({ op: '>', value: 9, unit: '人' }, 10)).toBe(true);
    expect(thresholdFails({ op: '>=', value: 9, unit: '人' }, 9)).toBe(true);
  });

  it('scores numbers and choices from the value, and demands photos where required', () => {
    const number = { ...base, answerType: 'number' as const, threshold: { op: '<' as const, value: 4, unit: 'm' } };
    expect(scoreAnswer(number, { value: 3.5, photos: ['p'] })).toEqual({ ok: true, outcome: 'fail' });
    expect(scoreAnswer(number, { value: 4.5, result: 'fail' })).toEqual({ ok: true, outcome: 'pass' });
    expect(scoreAnswer(number, {})).toMatchObject({ ok: false });
    const choice = { ...base, answerType: 'choice' as const, choices: [{ value: 'ok', label: '好', fails: false }, { value: 'bad', label: '坏', fails: true }] };
    expect(scoreAnswer(choice, { choice: 'bad' })).toEqual({ ok: true, outcome: 'fail' });
    expect(scoreAnswer(choice, { choice: 'nope' })).toMatchObject({ ok: false });
    const photo = { ...base, photoRequired: true };
    expect(scoreAnswer(photo, { result: 'pass' })).toEqual({ ok: true, outcome: 'pass' });
    expect(scoreAnswer(photo, { result: 'fail' })).toMatchObject({ ok: false, en: 'T-001 needs a photo' });
    expect(scoreAnswer({ ...base, answerType: 'photo', photoRequired: true }, { result: 'pass' })).toMatchObject({ ok: false });
    expect(scoreAnswer(base, { result: 'na' })).toEqual({ ok: true, outcome: 'na' });
    expect(scoreAnswer(base, {})).toMatchObject({ ok: false });
  });
});

describe('draft items', () => {
  it('normalises settings that do not apply and reports contradictions by field', () => {
    const { items, details } = normaliseDraftItems([
      { ...base, threshold: { op: '<', value: 1, unit: 'm' }, defaultDays: 5 },
      { ...base, code: 'T-001', answerType: 'number' },
      { ...base, code: 'T-003', answerType: 'choice', choices: [{ value: 'a', label: 'A', fails: true }, { value: 'b', label: 'B', fails: true }] },
      { ...base, code: 'T-004', defaultMode: 'deadline', defaultDays: 0 },
      { ...base, code: 'T-005', answerType: 'photo' },
    ]);
    expect(items[0]).toMatchObject({ threshold: null, defaultDays: 0, siteKinds: ['enterprise'] });
    expect(items[4]!.photoRequired).toBe(true);
    expect(details.map((d) => d.path)).toEqual(['body.items.1.code', 'body.items.1.threshold', 'body.items.2.choices', 'body.items.3.defaultDays']);
  });

  it('diffs by code, ignoring key order inside thresholds', () => {
    const a = { ...base, answerType: 'number' as const, threshold: { op: '<' as const, value: 1, unit: 'm' } };
    const reordered = { ...a, threshold: { unit: 'm', value: 1, op: '<' as const } };
    const b = { ...base, code: 'T-002' };
    expect(diffItems([a, b], [b, reordered])).toEqual({ added: [], removed: [], changed: [], reordered: true });
    expect(diffItems([a], [{ ...a, text: '改' }, b])).toEqual({ added: ['T-002'], removed: [], changed: ['T-001'], reordered: false });
  });
});
