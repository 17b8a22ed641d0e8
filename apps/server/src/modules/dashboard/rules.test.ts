import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RATE_DEFINITIONS } from '@anxun/contracts';
import fc from 'fast-check';
import { bucketTrend, changeKind, coloursFrom, dayEnd, dayOf, dayStart, dayWindow, daysOverdue, epochDayToDay, kpisFrom, mergeBreakdown, periodBounds, SHANGHAI_OFFSET_SECONDS } from './rules.ts';

const someDay = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('Asia/Shanghai days', () => {
  it('puts an instant on its Shanghai day (UTC+8, no DST)', () => {
    expect(dayOf(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(dayOf(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
    expect(dayStart('2026-03-02').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(dayEnd('2026-03-02').toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });

  it('every instant of a day lies in [dayStart, dayEnd)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }), (instant) => {
        const day = dayOf(instant);
        expect(dayStart(day).getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(dayEnd(day).getTime()).toBeGreaterThan(instant.getTime());
      }),
    );
  });

  it('names the same day from a Shanghai epoch day as from the time zone', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (instant) => {
        const epochDay = Math.floor((Math.floor(instant.getTime() / 1000) + SHANGHAI_OFFSET_SECONDS) / 86_400);
        expect(epochDayToDay(epochDay)).toBe(dayOf(instant));
      }),
    );
  });

  it('refuses what is not a calendar day', () => {
    expect(() => dayStart('2025-02-29')).toThrow(RangeError);
    expect(() => dayStart('2025-2-1')).toThrow(RangeError);
  });

  it('a campaign period covers its first and last day whole', () => {
    expect(periodBounds({ from: '2026-05-01', to: '2026-05-31' })).toEqual({ from: new Date('2026-04-30T16:00:00Z'), to: new Date('2026-05-31T16:00:00Z') });
    expect(periodBounds({ from: null, to: null })).toEqual({ from: null, to: null });
  });
});

describe('trend bucketing', () => {
  it('lists the days ending today, oldest first, across month and year ends', () => {
    expect(dayWindow('2026-01-02', 4)).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
    expect(dayWindow('2024-03-01', 2)).toEqual(['2024-02-29', '2024-03-01']);
    expect(() => dayWindow('2026-01-02', 0)).toThrow(RangeError);
  });

  it('has one consecutive day per bucket', () => {
    fc.assert(
      fc.property(someDay, fc.integer({ min: 1, max: 120 }), (today, days) => {
        const window = dayWindow(today, days);
        expect(window).toHaveLength(days);
        expect(window.at(-1)).toBe(today);
        window.slice(1).forEach((day, i) => expect(dayStart(day).getTime() - dayStart(window[i]!).getTime()).toBe(86_400_000));
      }),
    );
  });

  it('fills missing days with zero and keeps every count', () => {
    const window = dayWindow('2026-06-03', 3);
    expect(bucketTrend(window, [{ day: '2026-06-01', n: 2 }], [{ day: '2026-06-03', n: 1 }])).toEqual([
      { day: '2026-06-01', found: 2, closed: 0 },
      { day: '2026-06-02', found: 0, closed: 0 },
      { day: '2026-06-03', found: 0, closed: 1 },
    ]);
    fc.assert(
      fc.property(fc.array(fc.record({ day: fc.constantFrom(...window), n: fc.nat(50) })), fc.array(fc.record({ day: fc.constantFrom(...window), n: fc.nat(50) })), (found, closed) => {
        const rows = bucketTrend(window, found, closed);
        const sum = (list: { n: number }[]) => list.reduce((a, r) => a + r.n, 0);
        expect(rows.reduce((a, r) => a + r.found, 0)).toBe(sum(found));
        expect(rows.reduce((a, r) => a + r.closed, 0)).toBe(sum(closed));
      }),
    );
  });

  it('refuses a count outside the window rather than dropping it', () => {
    expect(() => bucketTrend(['2026-06-03'], [{ day: '2026-06-04', n: 1 }], [])).toThrow(RangeError);
  });
});

describe('days overdue', () => {
  it('is 0 on the deadline day and counts calendar days after it', () => {
    expect(daysOverdue('2026-06-03', '2026-06-03')).toBe(0);
    expect(daysOverdue('2026-06-03', '2026-06-04')).toBe(1);
    expect(daysOverdue('2025-12-31', '2026-03-01')).toBe(60);
  });
});

describe('KPIs', () => {
  it('derives the rates from the counts with the shared rate rules', () => {
    expect(kpisFrom({ sites: 4, inspected: 1 }, { found: 3, closed: 2, overdue: 1, openMajors: 0 })).toEqual({
      sitesInScope: 4,
      sitesInspected: 1,
      inspectionRate: 0.25,
      hazardsFound: 3,
      hazardsClosed: 2,
      closeOutRate: 2 / 3,
      hazardsOverdue: 1,
      openMajorHazards: 0,
    });
    const empty = kpisFrom({ sites: 0, inspected: 0 }, { found: 0, closed: 0, overdue: 0, openMajors: 0 });
    expect([empty.inspectionRate, empty.closeOutRate]).toEqual([null, null]);
  });

  it('refuses impossible counts instead of showing a rate over 100%', () => {
    expect(() => kpisFrom({ sites: 1, inspected: 2 }, { found: 0, closed: 0, overdue: 0, openMajors: 0 })).toThrow(RangeError);
  });

  it('always has six colours', () => {
    expect(coloursFrom([{ colour: 'red', n: 2 }])).toEqual({ grey: 0, green: 0, yellow: 0, orange: 0, red: 2, black: 0 });
  });
});

describe('breakdown rows', () => {
  const fallback = (key: string | null) => ({ key, name: key ?? '无', nameEn: key ?? 'none' });

  it('follows the unit order, then unnamed units, then the none bucket', () => {
    const rows = mergeBreakdown(
      [{ key: 'b', name: '乙', nameEn: 'B' }, { key: 'a', name: '甲', nameEn: 'A' }],
      [{ key: null, sites: 1, inspected: 0 }, { key: 'a', sites: 2, inspected: 1 }, { key: 'z', sites: 1, inspected: 1 }],
      [{ key: 'b', found: 1, closed: 1, overdue: 0, openMajors: 0 }],
      true,
      fallback,
    );
    expect(rows.map((r) => [r.key, r.name, r.sites, r.hazardsFound])).toEqual([
      ['b', '乙', 0, 1],
      ['a', '甲', 2, 0],
      ['z', 'z', 1, 0],
      [null, '无', 1, 0],
    ]);
  });

  it('keeps every count: the rows sum to the totals', () => {
    const key = fc.constantFrom('a', 'b', 'c', null);
    const sites = fc.uniqueArray(fc.record({ key, sites: fc.integer({ min: 0, max: 40 }) }).chain((r) => fc.record({ key: fc.constant(r.key), sites: fc.constant(r.sites), inspected: fc.integer({ min: 0, max: r.sites }) })), { selector: (r) => r.key });
    const hazards = fc.uniqueArray(
      fc.record({ key, found: fc.integer({ min: 0, max: 40 }) }).chain((r) =>
        fc.record({ key: fc.constant(r.key), found: fc.constant(r.found), closed: fc.integer({ min: 0, max: r.found }), overdue: fc.nat(r.found), openMajors: fc.nat(r.found) }),
      ),
      { selector: (r) => r.key },
    );
    fc.assert(
      fc.property(sites, hazards, fc.boolean(), (s, h, withSites) => {
        const rows = mergeBreakdown([{ key: 'a', name: 'A', nameEn: 'A' }], s, h, withSites, fallback);
        const sum = (f: (r: (typeof rows)[number]) => number | null) => rows.reduce((a, r) => a + (f(r) ?? 0), 0);
        expect(sum((r) => r.hazardsFound)).toBe(h.reduce((a, r) => a + r.found, 0));
        expect(sum((r) => r.hazardsClosed)).toBe(h.reduce((a, r) => a + r.closed, 0));
        expect(sum((r) => r.sites)).toBe(withSites ? s.reduce((a, r) => a + r.sites, 0) : 0);
        if (!withSites) expect(rows.every((r) => r.sites === null && r.inspectionRate === null)).toBe(true);
      }),
    );
  });
});

describe('change kinds', () => {
  it.each([
    ['site.inspected', 'inspection'],
    ['inspection.reinspected', 'inspection'],
    ['site.reinspected', 'inspection'],
    ['hazard.approve', 'hazard'],
    ['hazard.extension_requested', 'hazard'],
    ['site.colour_changed', 'colour'],
    ['yellow_card.issued', 'order'],
    ['yellow_card.resolved', 'order'],
    ['site.suspended', 'order'],
    ['site.resumed', 'order'],
    ['site.updated', 'site'],
    ['site.imported', 'site'],
    ['user.created', null],
    ['checklist.published', null],
  ])('%s → %s', (action, kind) => expect(changeKind(action)).toBe(kind));
});

describe('definitions', () => {
  it('docs/dashboard.md quotes every tooltip word for word, in both languages', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../docs/dashboard.md'), 'utf8');
    for (const [key, { zh, en }] of Object.entries(RATE_DEFINITIONS)) {
      expect(doc, key).toContain(zh);
      expect(doc, key).toContain(en);
    }
  });
});
