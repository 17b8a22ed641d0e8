import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { RISK_LEVELS, SITE_COLOURS, SITE_KINDS } from '@anxun/contracts';
import { cellWindow, latOfMercatorY, MAX_CELLS, MAX_PINS, mercatorX, mercatorY, PIN_ZOOM } from './rules.ts';
import { SiteBlocks } from './site-blocks.ts';
import { SiteIndex, type IndexAnswer, type IndexedSite, type IndexQuery } from './site-index.ts';

// Areas with centres a few kilometres apart, like villages and grids; sites sit within ~200 m.
const AREAS = [
  { path: '/D/T1/V1/G1/', lng: 120.40, lat: 30.10 },
  { path: '/D/T1/V1/G2/', lng: 120.41, lat: 30.11 },
  { path: '/D/T1/V2/G1/', lng: 120.45, lat: 30.12 },
  { path: '/D/T1/V2/G2/', lng: 120.46, lat: 30.12 },
  { path: '/D/T2/V1/G1/', lng: 120.20, lat: 30.00 },
  { path: '/D/T2/V1/G2/', lng: 120.21, lat: 30.01 },
  { path: '/D/T2/V3/G1/', lng: 120.25, lat: 30.05 },
  { path: '/D/T20/V1/G1/', lng: 120.60, lat: 30.30 },
];
const PREFIXES = ['/D/', '/D/T1/', '/D/T1/V1/', '/D/T1/V2/G2/', '/D/T2/', '/D/T2/V3/', '/D/T20/'];
const WORLD = [-180, -85, 180, 85] as const;

const arbSite = fc.record({
  area: fc.nat({ max: AREAS.length - 1 }),
  dx: fc.double({ min: -0.002, max: 0.002, noNaN: true }),
  dy: fc.double({ min: -0.002, max: 0.002, noNaN: true }),
  located: fc.nat({ max: 19 }).map((n) => n > 0),
  colour: fc.constantFrom(...SITE_COLOURS),
  kind: fc.constantFrom(...SITE_KINDS),
  risk: fc.constantFrom(null, ...RISK_LEVELS),
});
type Drawn = typeof arbSite extends fc.Arbitrary<infer T> ? T : never;

const toSite = (id: string, s: Drawn): IndexedSite => {
  const area = AREAS[s.area]!;
  return { id, areaPath: area.path, lng: s.located ? area.lng + s.dx : null, lat: s.located ? area.lat + s.dy : null, colour: s.colour, kind: s.kind, riskLevel: s.risk };
};

const arbQuery = fc.record({
  prefixes: fc.subarray(PREFIXES, { minLength: 1 }),
  // Filters are off half the time: block summaries serve queries without a risk or member filter.
  kind: fc.option(fc.constantFrom(...SITE_KINDS), { nil: undefined, freq: 2 }),
  riskLevel: fc.option(fc.constantFrom(...RISK_LEVELS), { nil: undefined, freq: 2 }),
  colours: fc.option(fc.subarray([...SITE_COLOURS], { minLength: 1 }), { nil: undefined, freq: 2 }),
  memberEvery: fc.option(fc.integer({ min: 2, max: 5 }), { nil: undefined, freq: 2 }),
  // A viewport around one area, or (half the time) the whole world, where blocks fit in cells.
  around: fc.option(fc.record({ area: fc.nat({ max: AREAS.length - 1 }), half: fc.constantFrom(0.001, 0.003, 0.02, 0.3, 1) }), { nil: undefined, freq: 2 }),
  zoom: fc.integer({ min: 0, max: 20 }),
});

/** The map's rules read plainly, one site at a time: what the index must answer. */
function reference(sites: Iterable<IndexedSite>, q: IndexQuery) {
  const { prefixes, bbox, zoom } = q;
  const matching = [...sites].filter(
    (s) => prefixes.some((p) => s.areaPath.startsWith(p)) && (!q.kind || s.kind === q.kind) && (!q.riskLevel || s.riskLevel === q.riskLevel) && (!q.members || q.members.has(s.id)),
  );
  const legend = Object.fromEntries(SITE_COLOURS.map((c) => [c, matching.filter((s) => s.colour === c).length]));
  const drawn = matching.filter((s) => !q.colours || q.colours.includes(s.colour));
  const located = drawn.filter((s) => s.lng !== null);
  const bounds = located.length
    ? [Math.min(...located.map((s) => s.lng!)), Math.min(...located.map((s) => s.lat!)), Math.max(...located.map((s) => s.lng!)), Math.max(...located.map((s) => s.lat!))]
    : null;
  const [w, so, e, n] = bbox;
  const inView = located.filter((s) => s.lng! >= w && s.lng! <= e && s.lat! >= so && s.lat! <= n);
  const pins = new Set<string>();
  const clusters = new Map<string, { count: number; counts: Record<string, number>; lng: number; lat: number }>();
  if (Math.floor(zoom) >= PIN_ZOOM && inView.length <= MAX_PINS) inView.forEach((s) => pins.add(s.id));
  else {
    const perAxis = 2 ** Math.floor(zoom) * 4;
    const cellOf = (m: number) => Math.min(perAxis - 1, Math.floor(m * perAxis));
    const byCell = new Map<string, IndexedSite[]>();
    for (const s of inView) {
      const key = `${cellOf(mercatorX(s.lng!))}:${cellOf(mercatorY(s.lat!))}`;
      byCell.set(key, [...(byCell.get(key) ?? []), s]);
    }
    for (const [key, members] of byCell) {
      if (members.length === 1) pins.add(members[0]!.id);
      else {
        const mx = members.reduce((a, s) => a + mercatorX(s.lng!), 0) / members.length;
        const my = members.reduce((a, s) => a + mercatorY(s.lat!), 0) / members.length;
        const counts = Object.fromEntries(SITE_COLOURS.map((c) => [c, members.filter((s) => s.colour === c).length]));
        clusters.set(key, { count: members.length, counts, lng: mx * 360 - 180, lat: latOfMercatorY(my) });
      }
    }
  }
  return { legend, unlocated: drawn.length - located.length, bounds, pins, clusters };
}

function expectSameAnswer(got: IndexAnswer, want: ReturnType<typeof reference>, zoom: number) {
  expect(got.legend).toEqual(want.legend);
  expect(got.unlocated).toBe(want.unlocated);
  expect(got.bounds).toEqual(want.bounds);
  expect(new Set(got.pins.map((p) => p.id))).toEqual(want.pins);
  const perAxis = 2 ** Math.floor(zoom) * 4;
  const cellOf = (m: number) => Math.min(perAxis - 1, Math.floor(m * perAxis));
  const clusters = new Map(got.clusters.map((c) => [`${cellOf(mercatorX(c.lng))}:${cellOf(mercatorY(c.lat))}`, c]));
  expect([...clusters.keys()].sort()).toEqual([...want.clusters.keys()].sort());
  for (const [key, expected] of want.clusters) {
    const cluster = clusters.get(key)!;
    expect({ count: cluster.count, counts: cluster.counts }).toEqual({ count: expected.count, counts: expected.counts });
    // The centre is kept on the deepest grid (cells of a few metres).
    expect(Math.abs(cluster.lng - expected.lng)).toBeLessThan(1e-4);
    expect(Math.abs(cluster.lat - expected.lat)).toBeLessThan(1e-4);
  }
}

const cellCount = (bbox: readonly [number, number, number, number], zoom: number) => {
  const win = cellWindow(bbox, zoom);
  return win.cols * win.rows;
};

type DrawnQuery = typeof arbQuery extends fc.Arbitrary<infer T> ? T : never;

function toIndexQuery(q: DrawnQuery, ids: string[]): IndexQuery {
  const area = q.around ? AREAS[q.around.area]! : undefined;
  const bbox = area ? ([area.lng - q.around!.half, area.lat - q.around!.half, area.lng + q.around!.half, area.lat + q.around!.half] as const) : WORLD;
  const members = q.memberEvery ? new Set(ids.filter((_, i) => i % q.memberEvery! === 0)) : undefined;
  // As the client does, a wide view is asked at a zoom that keeps it within MAX_CELLS.
  let zoom = q.zoom;
  while (cellCount(bbox, zoom) > MAX_CELLS) zoom -= 1;
  return { prefixes: q.prefixes, kind: q.kind, riskLevel: q.riskLevel, colours: q.colours, members, bbox, zoom };
}

const arbChange = fc.oneof(
  fc.record({ op: fc.constant('colour' as const), at: fc.nat(), colour: fc.constantFrom(...SITE_COLOURS) }),
  fc.record({ op: fc.constant('rewrite' as const), at: fc.nat(), site: arbSite }),
  fc.record({ op: fc.constant('add' as const), site: arbSite }),
);

describe('SiteIndex with block summaries', () => {
  it('answers exactly what reading every site answers, before and after colour changes, rewrites, moves and additions', () => {
    fc.assert(
      fc.property(
        fc.array(arbSite, { minLength: 300, maxLength: 2500 }),
        fc.array(arbChange, { maxLength: 40 }),
        fc.array(arbQuery, { minLength: 2, maxLength: 6 }),
        (loaded, changes, queries) => {
          const index = new SiteIndex();
          const truth = new Map<string, IndexedSite>();
          const put = (s: IndexedSite) => {
            index.put(s);
            truth.set(s.id, s);
          };
          loaded
            .map((s, i) => toSite(`l${i}`, s))
            .sort((a, b) => (a.areaPath < b.areaPath ? -1 : a.areaPath > b.areaPath ? 1 : 0))
            .forEach(put);
          index.markSorted();
          const check = () => {
            const ids = [...truth.keys()];
            for (const q of queries) {
              const query = toIndexQuery(q, ids);
              expectSameAnswer(index.query(query), reference(truth.values(), query), query.zoom);
            }
          };
          check();
          changes.forEach((change, i) => {
            const ids = [...truth.keys()];
            if (change.op === 'colour') {
              const id = ids[change.at % ids.length]!;
              index.setColour(id, change.colour);
              truth.set(id, { ...truth.get(id)!, colour: change.colour });
            } else if (change.op === 'rewrite') put(toSite(ids[change.at % ids.length]!, change.site));
            else put(toSite(`a${i}`, change.site));
          });
          check();
        },
      ),
      { numRuns: 80 },
    );
  });

  it('adds whole blocks from their summaries for a district-wide view', () => {
    const index = new SiteIndex();
    const sites = Array.from({ length: 2048 }, (_, i) => toSite(`s${i}`, { area: Math.floor(i / 256), dx: ((i % 16) - 8) * 1e-4, dy: ((i % 7) - 3) * 1e-4, located: true, colour: SITE_COLOURS[i % 5]!, kind: 'enterprise', risk: null }));
    sites.sort((a, b) => (a.areaPath < b.areaPath ? -1 : 1)).forEach((s) => index.put(s));
    index.markSorted();
    const apply = vi.spyOn(SiteBlocks.prototype, 'apply');
    const query: IndexQuery = { prefixes: ['/D/'], bbox: [120, 29.9, 120.7, 30.4], zoom: 8 };
    expectSameAnswer(index.query(query), reference(sites, query), 8);
    expect(apply.mock.results.filter((r) => r.value === true).length).toBe(8);
    apply.mockRestore();
  });

  it('draws the rooms of one building (one point, several blocks) as pins at street zoom', () => {
    const index = new SiteIndex();
    const rooms = Array.from({ length: 600 }, (_, i) => toSite(`r${i}`, { area: 0, dx: 0, dy: 0, located: true, colour: 'green', kind: 'rental_housing', risk: null }));
    rooms.forEach((s) => index.put(s));
    index.markSorted();
    for (const zoom of [12, PIN_ZOOM, 19]) {
      const query: IndexQuery = { prefixes: ['/D/'], bbox: [120.39, 30.09, 120.41, 30.11], zoom };
      expectSameAnswer(index.query(query), reference(rooms, query), zoom);
    }
  });
});
