import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closeOutRate, compareShares, competitionRanks, inspectionRate, rate } from './rates.ts';

describe('rates', () => {
  it('divides counts and answers null without a denominator', () => {
    expect(inspectionRate(3, 4)).toBe(0.75);
    expect(closeOutRate(0, 5)).toBe(0);
    expect(rate(0, 0)).toBeNull();
  });

  it('refuses impossible counts instead of showing a wrong figure', () => {
    expect(() => rate(5, 4)).toThrow(RangeError);
    expect(() => rate(-1, 4)).toThrow(RangeError);
    expect(() => rate(1.5, 4)).toThrow(RangeError);
  });
});

describe('competitionRanks', () => {
  const s = (numerator: number, denominator: number) => ({ numerator, denominator });

  it('ranks highest first, ties share a rank and the next rank skips (1224)', () => {
    expect(competitionRanks([s(1, 2), s(3, 4), s(2, 4), s(0, 9)])).toEqual([2, 1, 2, 4]);
  });

  it('compares exact fractions: 1/3 ties 2/6 although the floats differ in the last bit', () => {
    expect(competitionRanks([s(1, 3), s(2, 6)])).toEqual([1, 1]);
  });

  it('puts units with nothing to count last, tied together', () => {
    expect(competitionRanks([s(0, 0), s(0, 5), s(0, 0)])).toEqual([2, 1, 2]);
  });

  it('agrees with sorting for any input: rank = 1 + number of strictly better units', () => {
    const share = fc.integer({ min: 0, max: 50 }).chain((d) => fc.integer({ min: 0, max: d }).map((n) => s(n, d)));
    fc.assert(
      fc.property(fc.array(share, { maxLength: 30 }), (shares) => {
        const ranks = competitionRanks(shares);
        shares.forEach((mine, i) => {
          expect(ranks[i]).toBe(1 + shares.filter((other) => compareShares(other, mine) > 0).length);
        });
      }),
    );
  });
});
