import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { projectionFor } from './coords.ts';
import { FIT, fittedCamera, fittedView, PAD, recalledFrame, rememberFrame, sameView, viewOf } from './view.ts';

const wgs = projectionFor('wgs84');
const mercX = (lng: number) => ((180 + lng) / 360) * 512;
const mercY = (lat: number) => ((180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360) * 512;

/** A scope's bounds somewhere in China, from a few metres to a province across. */
const bounds = fc
  .record({ w: fc.double({ min: 100, max: 122, noNaN: true }), s: fc.double({ min: 20, max: 45, noNaN: true }), dx: fc.double({ min: 1e-4, max: 5, noNaN: true }), dy: fc.double({ min: 1e-4, max: 5, noNaN: true }) })
  .map(({ w, s, dx, dy }) => [w, s, w + dx, s + dy] as [number, number, number, number]);
const canvas = fc.record({ width: fc.integer({ min: 120, max: 3840 }), height: fc.integer({ min: 120, max: 2160 }) });

describe('fittedCamera (MapLibre fitBounds, Web Mercator, no bearing)', () => {
  it('fits the bounds inside the padded canvas, touching the padding on one axis unless held at the closest zoom', () => {
    fc.assert(
      fc.property(bounds, canvas, ([w, s, e, n], { width, height }) => {
        const camera = fittedCamera([w, s], [e, n], width, height)!;
        const scale = 2 ** camera.zoom;
        const spanX = (mercX(e) - mercX(w)) * scale;
        const spanY = (mercY(s) - mercY(n)) * scale;
        const roomX = width - 2 * FIT.padding;
        const roomY = height - 2 * FIT.padding;
        expect(spanX).toBeLessThanOrEqual(roomX * (1 + 1e-9));
        expect(spanY).toBeLessThanOrEqual(roomY * (1 + 1e-9));
        if (camera.zoom < FIT.maxZoom) expect(Math.max(spanX / roomX, spanY / roomY)).toBeCloseTo(1, 9);
        else expect(camera.zoom).toBe(FIT.maxZoom);
      }),
    );
  });

  it('centres the bounds, and shows exactly the canvas around that centre', () => {
    fc.assert(
      fc.property(bounds, canvas, ([w, s, e, n], { width, height }) => {
        const camera = fittedCamera([w, s], [e, n], width, height)!;
        const scale = 2 ** camera.zoom;
        const [cx, cy] = [mercX(camera.center[0]), mercY(camera.center[1])];
        expect(cx).toBeCloseTo((mercX(w) + mercX(e)) / 2, 9);
        expect(cy).toBeCloseTo((mercY(s) + mercY(n)) / 2, 9);
        const [sw, ss, se, sn] = camera.shown;
        expect((mercX(se) - mercX(sw)) * scale).toBeCloseTo(width, 6);
        expect((mercY(ss) - mercY(sn)) * scale).toBeCloseTo(height, 6);
        expect((mercX(sw) + mercX(se)) / 2).toBeCloseTo(cx, 9);
        expect((mercY(ss) + mercY(sn)) / 2).toBeCloseTo(cy, 9);
      }),
    );
  });

  it('holds a single point at street level, and leaves the camera alone when the canvas is smaller than the padding', () => {
    expect(fittedCamera([120.5, 30.2], [120.5, 30.2], 800, 600)!.zoom).toBe(FIT.maxZoom);
    expect(fittedCamera([120.4, 30.1], [120.6, 30.3], 2 * FIT.padding - 1, 600)).toBeNull();
    expect(fittedCamera([120.4, 30.1], [120.6, 30.3], 800, 2 * FIT.padding - 1)).toBeNull();
  });
});

describe('viewOf', () => {
  it('asks for half a screen more on every side, at the whole zoom', () => {
    expect(viewOf([120, 30, 121, 31], 11.7, wgs)).toEqual({ bbox: [120 - PAD, 30 - PAD, 121 + PAD, 31 + PAD], zoom: 11 });
  });

  it('never asks past the edges of the world', () => {
    expect(viewOf([-170, -80, 170, 80], 0.5, wgs)).toEqual({ bbox: [-180, -85, 180, 85], zoom: 0 });
  });

  it('asks in WGS-84 when the basemap is GCJ-02', () => {
    const gcj = projectionFor('gcj02');
    const shown = [...gcj.toMap(120.4, 30.1), ...gcj.toMap(120.6, 30.3)] as [number, number, number, number];
    const view = viewOf(shown, 12, gcj);
    // Half a screen of 0.2° either side, give or take the few hundred metres GCJ-02 moves things.
    expect(view.bbox[0]).toBeCloseTo(120.3, 2);
    expect(view.bbox[3]).toBeCloseTo(30.4, 2);
    expect(view.bbox[0]).not.toBeCloseTo(shown[0] - 0.1, 4);
  });
});

describe('fittedView', () => {
  it('is the view of the fitted camera, through the projection both ways', () => {
    fc.assert(
      fc.property(bounds, canvas, fc.constantFrom('wgs84' as const, 'gcj02' as const), (b, { width, height }, crs) => {
        const p = projectionFor(crs);
        const camera = fittedCamera(p.toMap(b[0], b[1]), p.toMap(b[2], b[3]), width, height)!;
        expect(fittedView(b, width, height, crs)).toEqual(viewOf(camera.shown, camera.zoom, p));
      }),
      { numRuns: 50 },
    );
  });

  it('covers the scope it was fitted to', () => {
    fc.assert(
      fc.property(bounds, canvas, (b, { width, height }) => {
        const { bbox } = fittedView(b, width, height, 'wgs84')!;
        expect(bbox[0]).toBeLessThanOrEqual(b[0]);
        expect(bbox[1]).toBeLessThanOrEqual(b[1]);
        expect(bbox[2]).toBeGreaterThanOrEqual(b[2]);
        expect(bbox[3]).toBeGreaterThanOrEqual(b[3]);
      }),
    );
  });
});

describe('sameView', () => {
  const view = { bbox: [120.1, 30.1, 120.6, 30.4] as [number, number, number, number], zoom: 11 };
  it('takes views closer than 0.1 m at the same zoom as one', () => {
    expect(sameView(view, { ...view, bbox: [120.1 + 4e-7, 30.1, 120.6, 30.4 - 4e-7] })).toBe(true);
  });
  it('tells apart a moved view, another zoom, and no view yet', () => {
    expect(sameView(view, { ...view, bbox: [120.1 + 2e-6, 30.1, 120.6, 30.4] })).toBe(false);
    expect(sameView(view, { ...view, zoom: 12 })).toBe(false);
    expect(sameView(null, view)).toBe(false);
  });
});

describe('the remembered frame', () => {
  afterEach(() => vi.unstubAllGlobals());
  const storage = () => {
    const kept = new Map<string, string>();
    return { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) };
  };

  it('is recalled for a window of the same size only', () => {
    vi.stubGlobal('localStorage', storage());
    vi.stubGlobal('innerWidth', 1440);
    vi.stubGlobal('innerHeight', 900);
    expect(recalledFrame()).toBeNull();
    rememberFrame(950, 742);
    expect(recalledFrame()).toEqual([950, 742]);
    vi.stubGlobal('innerWidth', 1280);
    expect(recalledFrame()).toBeNull();
  });

  it('is simply not there when storage is refused', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    });
    vi.stubGlobal('innerWidth', 1440);
    vi.stubGlobal('innerHeight', 900);
    expect(() => rememberFrame(950, 742)).not.toThrow();
    expect(recalledFrame()).toBeNull();
  });
});
