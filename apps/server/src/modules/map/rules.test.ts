import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { advanceFeed, areaLevelForZoom, cellIndex, cellWindow, gridCoord, latOfMercatorY, mercatorX, mercatorY, newFeed, scopePrefixes } from './rules.ts';

describe('advanceFeed (bigserial ids that commit out of order)', () => {
  it('delivers a late commit below the highest id seen, once', () => {
    const feed = newFeed(10);
    expect(advanceFeed(feed, [11, 13], 0, 60_000)).toEqual([11, 13]);
    expect(feed.lowWater).toBe(11); // 12 may still commit
    expect(advanceFeed(feed, [12, 13], 1000, 60_000)).toEqual([12]);
    expect(feed.lowWater).toBe(13);
    expect(advanceFeed(feed, [], 2000, 60_000)).toEqual([]);
  });

  it('passes over a hole that stays empty for the grace period (a rollback)', () => {
    const feed = newFeed(0);
    advanceFeed(feed, [1, 3], 0, 60_000);
    expect(feed.lowWater).toBe(1);
    advanceFeed(feed, [3], 59_999, 60_000);
    expect(feed.lowWater).toBe(1);
    advanceFeed(feed, [3], 60_000, 60_000);
    expect(feed.lowWater).toBe(3);
    expect(feed.seen.size).toBe(0);
  });

  it('never delivers an id twice and never loses one, whatever order the commits arrive in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 60 }), (commitOrder) => {
        const feed = newFeed(0);
        const committed = new Set<number>();
        const delivered: number[] = [];
        let now = 0;
        for (const id of commitOrder) {
          committed.add(id);
          now += 100;
          // A read returns every committed id above the low-water mark, as the SQL does.
          delivered.push(...advanceFeed(feed, [...committed].filter((c) => c > feed.lowWater).sort((a, b) => a - b), now, 60_000));
        }
        expect(new Set(delivered).size).toBe(delivered.length);
        expect(new Set(delivered)).toEqual(committed);
      }),
    );
  });
});

describe('grid cells', () => {
  it('round-trips latitude through Web Mercator', () => {
    for (const lat of [-60, 0, 29.9, 30.2, 60]) expect(latOfMercatorY(mercatorY(lat))).toBeCloseTo(lat, 9);
  });

  it('keeps every point of the bbox inside the window', () => {
    fc.assert(
      fc.property(fc.double({ min: 120, max: 120.5, noNaN: true }), fc.double({ min: 30, max: 30.3, noNaN: true }), fc.integer({ min: 0, max: 20 }), (lng, lat, zoom) => {
        const win = cellWindow([120, 30, 120.5, 30.3], zoom);
        expect(cellIndex(win, gridCoord(mercatorX(lng)), gridCoord(mercatorY(lat)))).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('a shifted grid coordinate is the cell of the point at that zoom (cells nest)', () => {
    fc.assert(
      fc.property(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -85, max: 85, noNaN: true }), fc.integer({ min: 0, max: 22 }), (lng, lat, zoom) => {
        const perAxis = 2 ** zoom * 4;
        const win = cellWindow([-180, -85.05112878, 180, 85.05112878], zoom);
        const expected = (m: number) => Math.min(perAxis - 1, Math.floor(m * perAxis));
        expect(cellIndex(win, gridCoord(mercatorX(lng)), gridCoord(mercatorY(lat)))).toBe((expected(mercatorY(lat)) - win.y0) * win.cols + expected(mercatorX(lng)) - win.x0);
      }),
    );
  });

  it('cells stay 64 pixels wide: four per 256-pixel tile', () => {
    expect(cellWindow([-180, -85, 180, 85], 0)).toMatchObject({ cols: 4, rows: 4 });
    expect(cellWindow([-180, -85, 180, 85], 2)).toMatchObject({ cols: 16, rows: 16 });
  });

  it('draws coarser areas when zoomed out', () => {
    expect([8, 10, 12, 14, 16].map(areaLevelForZoom)).toEqual(['district', 'town', 'village', 'grid', 'micro_grid']);
  });
});

describe('scopePrefixes', () => {
  const town = '/D/T/';
  it('narrows the scopes by the area filter, never widens them', () => {
    expect(scopePrefixes([town])).toEqual([town]);
    expect(scopePrefixes([town], '/D/T/V1/')).toEqual(['/D/T/V1/']);
    expect(scopePrefixes(['/D/T/V1/', '/D/T/V2/'], town)).toEqual(['/D/T/V1/', '/D/T/V2/']);
    expect(scopePrefixes(['/D/T/V1/'], '/D/T/V2/')).toEqual([]);
  });
});
