import { describe, expect, it } from 'vitest';
import { evaluateAnswer, gpsCheck, type ItemRule } from './rules.ts';

const item = (over: Partial<ItemRule>): ItemRule => ({ id: 'i', code: 'FIRE-001', answerType: 'pass_fail', threshold: null, choices: null, photoRequired: false, ...over });

describe('evaluateAnswer', () => {
  it('takes pass/fail/na as given for pass_fail items, and requires one', () => {
    expect(evaluateAnswer(item({}), { result: 'fail' })).toEqual({ ok: true, result: 'fail' });
    expect(evaluateAnswer(item({}), { result: 'na' })).toEqual({ ok: true, result: 'na' });
    expect(evaluateAnswer(item({}), {}).ok).toBe(false);
  });
  it('derives the verdict of a number from the threshold, whatever the client says', () => {
    const width = item({ answerType: 'number', threshold: { op: '>=', value: 1.1, unit: 'm' } });
    expect(evaluateAnswer(width, { value: 0.8, result: 'pass' })).toEqual({ ok: true, result: 'fail' });
    expect(evaluateAnswer(width, { value: 1.1 })).toEqual({ ok: true, result: 'pass' });
    expect(evaluateAnswer(width, {}).ok).toBe(false);
    const below = item({ answerType: 'number', threshold: { op: '<', value: 30, unit: '%' } });
    expect(evaluateAnswer(below, { value: 30 })).toEqual({ ok: true, result: 'fail' });
    expect(evaluateAnswer(item({ answerType: 'number', threshold: { op: '>', value: 0, unit: '个' } }), { value: 0 })).toEqual({ ok: true, result: 'fail' });
    expect(evaluateAnswer(item({ answerType: 'number', threshold: { op: '<=', value: 5, unit: '个' } }), { value: 5 })).toEqual({ ok: true, result: 'pass' });
  });
  it('fails a choice marked as failing, and refuses an unknown choice', () => {
    const gauge = item({ answerType: 'choice', choices: [{ value: 'green', fails: false }, { value: 'red', fails: true }] });
    expect(evaluateAnswer(gauge, { choice: 'red' })).toEqual({ ok: true, result: 'fail' });
    expect(evaluateAnswer(gauge, { choice: 'green' })).toEqual({ ok: true, result: 'pass' });
    expect(evaluateAnswer(gauge, { choice: 'blue' }).ok).toBe(false);
  });
  it('requires photos where the item says so', () => {
    expect(evaluateAnswer(item({ photoRequired: true }), { result: 'pass' }).ok).toBe(false);
    expect(evaluateAnswer(item({ photoRequired: true }), { result: 'pass', photos: ['k'] })).toEqual({ ok: true, result: 'pass' });
    expect(evaluateAnswer(item({ answerType: 'photo' }), {}).ok).toBe(false);
    expect(evaluateAnswer(item({ answerType: 'photo' }), { photos: ['k'], result: 'fail' })).toEqual({ ok: true, result: 'fail' });
  });
});

describe('gpsCheck', () => {
  it('flags a fix more than 200 m from the site', () => {
    expect(gpsCheck({ lng: 120.5, lat: 30.2 }, { lng: 120.5, lat: 30.2015 })).toEqual({ distanceM: 167, far: false });
    expect(gpsCheck({ lng: 120.5, lat: 30.2 }, { lng: 120.5, lat: 30.2025 })).toEqual({ distanceM: 278, far: true });
  });
  it('cannot judge without both points', () => {
    expect(gpsCheck(null, { lng: 1, lat: 1 })).toEqual({ distanceM: null, far: false });
    expect(gpsCheck({ lng: 1, lat: 1 }, null)).toEqual({ distanceM: null, far: false });
  });
});
