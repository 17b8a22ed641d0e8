import { describe, expect, it } from 'vitest';
import { deliverableAt, isQuietHour } from './quiet-hours.ts';

const cst = (local: string) => new Date(`${local}+08:00`);

describe('deliverableAt', () => {
  it('sends at once just before 22:00', () => {
    const now = cst('2026-11-22T21:59:59');
    expect(deliverableAt(now, false)).toEqual(now);
  });

  it('holds from 22:00 until 08:00 the next day', () => {
    expect(deliverableAt(cst('2026-11-22T22:00:00'), false)).toEqual(cst('2026-11-23T08:00:00'));
    expect(deliverableAt(cst('2026-11-22T23:59:59'), false)).toEqual(cst('2026-11-23T08:00:00'));
  });

  it('holds after midnight until 08:00 the same day', () => {
    expect(deliverableAt(cst('2026-11-23T00:00:00'), false)).toEqual(cst('2026-11-23T08:00:00'));
    expect(deliverableAt(cst('2026-11-23T07:59:59'), false)).toEqual(cst('2026-11-23T08:00:00'));
  });

  it('sends at once from 08:00', () => {
    const now = cst('2026-11-23T08:00:00');
    expect(deliverableAt(now, false)).toEqual(now);
  });

  it('crosses month and year ends', () => {
    expect(deliverableAt(cst('2026-12-31T23:30:00'), false)).toEqual(cst('2027-01-01T08:00:00'));
  });

  it('never holds urgent messages', () => {
    const now = cst('2026-11-22T23:00:00');
    expect(deliverableAt(now, true)).toEqual(now);
  });

  it('uses Shanghai time whatever the UTC date', () => {
    // 14:00 UTC is 22:00 in Shanghai.
    expect(isQuietHour(new Date('2026-11-22T14:00:00Z'))).toBe(true);
    expect(isQuietHour(new Date('2026-11-22T13:59:59Z'))).toBe(false);
    expect(isQuietHour(new Date('2026-11-23T00:00:00Z'))).toBe(false);
  });
});
