import { MAX_PINS, type CellWindow } from './rules.ts';
import { COLOURS, REMOVED, type SiteColumns } from './site-columns.ts';

/** What one viewport query asks of each site. */
export interface TallyFilter {
  /** Slots from here on are the unsorted tail, checked against `tailPaths` by path number. */
  tailFrom: number;
  tailPaths: Uint8Array | null;
  /** Kind code, or -1 for any. */
  kind: number;
  /** Risk code, or -1 for any. */
  risk: number;
  /** 1 for each colour drawn (the legend counts every colour). */
  colourOn: Uint8Array;
  members: Uint8Array | null;
  /** Pins for every site in view, not clusters. */
  allPins: boolean;
}

/** Index of the unlocated count in `Tally.bounds`. */
export const UNLOCATED = 4;

/** What one viewport query adds up: per cell of the window, the legend, the bounds of the matches. */
export class Tally {
  readonly legend = new Float64Array(COLOURS);
  readonly counts: Uint32Array;
  readonly total: Uint32Array;
  /** Sums of the deepest-grid coordinates, for the cluster's centre. */
  readonly sumX: Float64Array;
  readonly sumY: Float64Array;
  /** Per cell: its first slot (≥ 0), a summarised block (-2 - block), or none (-1). */
  readonly first: Int32Array;
  readonly pinSlots: number[] = [];
  /** min lng, min lat, max lng, max lat of the matching located sites, then the unlocated count. */
  readonly bounds = Float64Array.of(Infinity, Infinity, -Infinity, -Infinity, 0);
  readonly win: CellWindow;
  readonly bbox: readonly [number, number, number, number];
  readonly filter: TallyFilter;

  constructor(win: CellWindow, bbox: readonly [number, number, number, number], filter: TallyFilter) {
    this.win = win;
    this.bbox = bbox;
    this.filter = filter;
    const cells = win.cols * win.rows;
    this.counts = new Uint32Array(cells * COLOURS);
    this.total = new Uint32Array(cells);
    this.sumX = new Float64Array(cells);
    this.sumY = new Float64Array(cells);
    this.first = new Int32Array(cells).fill(-1);
  }
}

/** Chunk of slots per call of `tallySlots`, see there. */
const CHUNK = 1 << 15;

/** Adds the sites of slots [from, to) that pass the filter to the tally, one by one. */
export function tallyRange(columns: SiteColumns, tally: Tally, from: number, to: number) {
  // A call per chunk gets the loop optimised as a whole function rather than only on-stack-replaced.
  for (let at = from; at < to; at += CHUNK) tallySlots(columns, tally, at, Math.min(to, at + CHUNK));
}

/**
 * The hot loop, once per site read: written with locals and typed arrays only (no calls, no
 * property reads per site; the cell is rules.ts `cellIndex` written out), and with nothing after the
 * loop, because code V8 had no feedback for when it compiled the loop on-stack deoptimised it on
 * every call.
 */
function tallySlots(columns: SiteColumns, tally: Tally, from: number, to: number) {
  const { colour, kind, risk, lng: lngs, lat: lats, gx, gy, pathNo } = columns;
  const { tailFrom, tailPaths, kind: wantKind, risk: wantRisk, colourOn, members, allPins } = tally.filter;
  const { shift, x0, y0, cols, rows } = tally.win;
  const [w, s, e, n] = tally.bbox;
  const { legend, counts, total, sumX, sumY, first, pinSlots, bounds } = tally;
  for (let i = from; i < to; i++) {
    const c = colour[i]!;
    if (c === REMOVED) continue;
    if (i >= tailFrom && tailPaths![pathNo[i]!] === 0) continue;
    if (wantKind >= 0 && kind[i] !== wantKind) continue;
    if (wantRisk >= 0 && risk[i] !== wantRisk) continue;
    if (members !== null && members[i] === 0) continue;
    legend[c]! += 1;
    if (colourOn[c] === 0) continue;
    const lng = lngs[i]!;
    if (lng !== lng) {
      bounds[UNLOCATED]! += 1; // NaN: no position
      continue;
    }
    const lat = lats[i]!;
    if (lng < bounds[0]!) bounds[0] = lng;
    if (lat < bounds[1]!) bounds[1] = lat;
    if (lng > bounds[2]!) bounds[2] = lng;
    if (lat > bounds[3]!) bounds[3] = lat;
    if (lng < w || lng > e || lat < s || lat > n) continue;
    const x = gx[i]!;
    const y = gy[i]!;
    const cx = (x >>> shift) - x0;
    const cy = (y >>> shift) - y0;
    if (cx < 0 || cy < 0 || cx >= cols || cy >= rows) continue;
    const cell = cy * cols + cx;
    counts[cell * COLOURS + c]! += 1;
    total[cell]! += 1;
    sumX[cell]! += x;
    sumY[cell]! += y;
    if (first[cell] === -1) first[cell] = i;
    if (allPins && pinSlots.length <= MAX_PINS) pinSlots.push(i);
  }
}
