import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { averageRank, bottomThree, dayEnd, dayStart, missingSnapshotDays, periodBounds, periodDays, rankChange, rankUnits, weeklyAttainment } from './rules.ts';

const unit = (unitId: string, sitesInspected: number, sitesInScope: number, hazardsClosed = 0, hazardsFound = 0) => ({ unitId, name: unitId, sitesInspected, sitesInScope, hazardsClosed, hazardsFound });

describe('day bounds in Asia/Shanghai', () => {
  it('a day runs from 00:00 to 24:00 +08:00', () => {
    expect(dayStart('2026-05-01').toISOString()).toBe('2026-04-30T16:00:00.000Z');
    expect(dayEnd('2026-05-01').toISOString()).toBe('2026-05-01T16:00:00.000Z');
    expect(dayEnd('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});

describe('rankUnits', () => {
  it('ranks both rates with shared ranks for equal fractions', () => {
    const ranked = rankUnits([unit('a', 1, 3, 0, 0), unit('b', 2, 6, 5, 5), unit('c', 3, 3, 1, 2)]);
    expect(ranked.map((u) => [u.inspectionRank, u.closeOutRank])).toEqual([
      [2, 3],
      [2, 1],
      [1, 2],
    ]);
  });
});

describe('bottomThree', () => {
  const marked = (ranks: number[], denominators = ranks.map(() => 1)) => bottomThree(ranks.map((rank, i) => ({ rank, denominator: denominators[i]! })));

  it('marks the three last ranks', () => {
    expect(marked([1, 2, 3, 4, 5])).toEqual([false, false, true, true, true]);
  });

  it('marks every unit of a tie at the boundary', () => {
    expect(marked([1, 2, 3, 3, 3, 3])).toEqual([false, false, true, true, true, true]);
    expect(marked([1, 2, 3, 4, 4, 6])).toEqual([false, false, false, true, true, true]);
  });

  it('never marks a unit with nothing to divide by, and counts only ranked units below', () => {
    expect(marked([1, 2, 3, 4, 5, 5], [1, 1, 1, 1, 0, 0])).toEqual([false, true, true, true, false, false]);
  });

  it('marks at least three ranked units when there are three, and fewer below only by ties', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 12 }), (values) => {
        const sorted = [...values].sort((a, b) => b - a);
        const ranks = values.map((v) => 1 + sorted.filter((o) => o > v).length);
        const flags = marked(ranks);
        const count = flags.filter(Boolean).length;
        expect(count).toBeGreaterThanOrEqual(Math.min(3, values.length));
        // A marked unit is never better than an unmarked one.
        for (let i = 0; i < values.length; i++) for (let j = 0; j < values.length; j++) if (flags[i] && !flags[j]) expect(ranks[i]!).toBeGreaterThan(ranks[j]!);
      }),
    );
  });

  it('equals the definition: a ranked unit with fewer than three ranked units strictly below it', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ rank: fc.integer({ min: 1, max: 8 }), denominator: fc.integer({ min: 0, max: 2 }) }), { maxLength: 15 }), (units) => {
        const ranked = units.filter((u) => u.denominator > 0);
        expect(bottomThree(units)).toEqual(units.map((u) => u.denominator > 0 && ranked.filter((o) => o.rank > u.rank).length < 3));
      }),
    );
  });
});

describe('rank change and averages', () => {
  it('counts places gained, null without an earlier rank', () => {
    expect(rankChange(5, 2)).toBe(3);
    expect(rankChange(1, 4)).toBe(-3);
    expect(rankChange(undefined, 4)).toBeNull();
  });

  it('averages the daily ranks', () => {
    expect(averageRank([1, 2, 4])).toBeCloseTo(7 / 3);
    expect(averageRank([])).toBeNull();
  });
});

describe('missingSnapshotDays', () => {
  const campaign = { startsOn: '2026-05-01', endsOn: '2026-05-10' };

  it('fills every day from the start to yesterday that is not stored', () => {
    expect(missingSnapshotDays(campaign, '2026-05-04', new Set(['2026-05-02']))).toEqual(['2026-05-01', '2026-05-03']);
  });

  it('stops at the end date, and has nothing before the first day has ended', () => {
    expect(missingSnapshotDays(campaign, '2026-06-01', new Set()).at(-1)).toBe('2026-05-10');
    expect(missingSnapshotDays(campaign, '2026-05-01', new Set())).toEqual([]);
    expect(missingSnapshotDays(campaign, '2026-04-01', new Set())).toEqual([]);
  });
});

describe('periods', () => {
  it('knows month and quarter bounds, leap years included', () => {
    expect(periodBounds({ kind: 'month', month: '2028-02' })).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(periodBounds({ kind: 'quarter', quarter: '2026-Q4' })).toEqual({ first: '2026-10-01', last: '2026-12-31' });
  });

  it('clips a period to the campaign and to completed days', () => {
    const campaign = { startsOn: '2026-05-10', endsOn: '2026-07-20' };
    expect(periodDays({ kind: 'month', month: '2026-05' }, campaign, '2026-06-03')).toEqual({ first: '2026-05-10', last: '2026-05-31' });
    expect(periodDays({ kind: 'quarter', quarter: '2026-Q3' }, campaign, '2026-09-01')).toEqual({ first: '2026-07-01', last: '2026-07-20' });
    expect(periodDays({ kind: 'month', month: '2026-06' }, campaign, '2026-06-01')).toBeNull();
    expect(periodDays({ kind: 'month', month: '2026-04' }, campaign, '2026-06-01')).toBeNull();
  });
});

describe('weeklyAttainment', () => {
  it('is the week’s progress against the target', () => {
    expect(weeklyAttainment({ sitesInspected: 30, hazardsClosed: 12 }, { sitesInspected: 20, hazardsClosed: 10 }, { sitesInspected: 20, hazardsClosed: 4 })).toEqual({
      target: { sitesInspected: 20, hazardsClosed: 4 },
      actual: { sitesInspected: 10, hazardsClosed: 2 },
      attainment: { sitesInspected: 0.5, hazardsClosed: 0.5 },
    });
  });

  it('counts from zero in the campaign’s first week, and has no attainment without a target', () => {
    expect(weeklyAttainment({ sitesInspected: 3, hazardsClosed: 0 }, null, null)).toEqual({
      target: null,
      actual: { sitesInspected: 3, hazardsClosed: 0 },
      attainment: { sitesInspected: null, hazardsClosed: null },
    });
  });
});
