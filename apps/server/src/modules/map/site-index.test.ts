import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SITE_COLOURS, type SiteColour } from '@anxun/contracts';
import { SiteIndex, type IndexedSite } from './site-index.ts';

const PATHS = ['/D/T1/', '/D/T1/V1/', '/D/T1/V1/G1/', '/D/T1/V2/', '/D/T2/', '/D/T2/V3/', '/D/T20/'];
const WORLD = [-180, -85, 180, 85] as const;

const site = fc.record({
  path: fc.constantFrom(...PATHS),
  colour: fc.constantFrom(...SITE_COLOURS),
  lng: fc.double({ min: 120.3, max: 120.6, noNaN: true }),
  lat: fc.double({ min: 30, max: 30.3, noNaN: true }),
});

function drawnTotal(index: SiteIndex, prefixes: string[], zoom: number): number {
  const answer = index.query({ prefixes, bbox: WORLD, zoom });
  return answer.clusters.reduce((a, c) => a + c.count, 0) + answer.pins.length;
}

describe('SiteIndex', () => {
  it('counts exactly the sites under the prefixes, after loading in path order, additions and moves', () => {
    fc.assert(
      fc.property(
        fc.array(site, { minLength: 1, maxLength: 60 }),
        fc.array(fc.record({ at: fc.nat(), to: fc.constantFrom(...PATHS), colour: fc.constantFrom(...SITE_COLOURS) }), { maxLength: 20 }),
        fc.array(site, { maxLength: 10 }),
        fc.subarray(PATHS, { minLength: 1 }),
        fc.integer({ min: 0, max: 5 }),
        (loaded, moves, added, prefixes, zoom) => {
          const index = new SiteIndex();
          const truth = new Map<string, { path: string; colour: SiteColour }>();
          const put = (s: IndexedSite) => {
            index.put(s);
            truth.set(s.id, { path: s.areaPath, colour: s.colour });
          };
          const make = (s: (typeof loaded)[number], i: number, tag: string): IndexedSite => ({ id: `${tag}${i}`, lng: s.lng, lat: s.lat, colour: s.colour, kind: 'enterprise', riskLevel: null, areaPath: s.path });
          [...loaded].map((s, i) => make(s, i, 'l')).sort((a, b) => (a.areaPath < b.areaPath ? -1 : a.areaPath > b.areaPath ? 1 : 0)).forEach(put);
          index.markSorted();
          added.forEach((s, i) => put(make(s, i, 'a')));
          for (const m of moves) {
            const id = `l${m.at % loaded.length}`;
            const s = loaded[m.at % loaded.length]!;
            put({ id, lng: s.lng, lat: s.lat, colour: m.colour, kind: 'enterprise', riskLevel: null, areaPath: m.to });
          }
          const expected = [...truth.values()].filter((t) => prefixes.some((p) => t.path.startsWith(p))).length;
          expect(drawnTotal(index, prefixes, zoom)).toBe(expected);
        },
      ),
    );
  });

  it('reads a scope as its own range: /D/T2/ is not /D/T20/', () => {
    const index = new SiteIndex();
    ['/D/T2/', '/D/T2/V3/', '/D/T20/'].forEach((areaPath, i) => index.put({ id: String(i), lng: 120.5, lat: 30.2, colour: 'green', kind: 'enterprise', riskLevel: null, areaPath }));
    index.markSorted();
    expect(drawnTotal(index, ['/D/T2/'], 3)).toBe(2);
    expect(drawnTotal(index, ['/D/T20/'], 3)).toBe(1);
    expect(drawnTotal(index, [], 3)).toBe(0);
  });
});
