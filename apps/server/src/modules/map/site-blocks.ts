import { cellIndex } from './rules.ts';
import { COLOURS, KINDS, REMOVED, type SiteColumns } from './site-columns.ts';
import { UNLOCATED, type Tally } from './site-tally.ts';

/** Sorted slots per block. Slots are in area-path order, so a block is a few neighbouring micro-grids. */
export const BLOCK = 256;

// Per block, kind selector (0 = any kind, 1 + kind code) and colour: these fields.
const COUNT = 0;
const UNLOC = 1;
const LOCATED = 2;
const SUM_X = 3;
const SUM_Y = 4;
const MIN_LNG = 5;
const MIN_LAT = 6;
const MAX_LNG = 7;
const MAX_LAT = 8;
const FIELDS = 9;
const SELECTORS = KINDS + 1;
const PER_BLOCK = SELECTORS * COLOURS * FIELDS;

/**
 * Summaries of the sorted slots in blocks of BLOCK: per kind and colour, the count, the unlocated,
 * the sums of positions and the bounds. A city-wide view adds a few thousand summaries instead of
 * reading a million sites; only blocks cut by the viewport's edge or by a cell border are read site
 * by site. Sums are of integers and bounds are minima and maxima, so the answer is exactly the one
 * the site-by-site reading gives. A changed slot marks its block, which is summarised again when
 * a query next needs it.
 */
export class SiteBlocks {
  private readonly stats: Float64Array;
  /** Per block: the deepest-grid box of its located sites (any kind or colour): x min, y min, x max, y max. */
  private readonly grid: Uint32Array;
  private readonly dirty: Uint8Array;
  /** Slots [0, end) are in blocks: the sorted slots. */
  private readonly end: number;

  constructor(end: number) {
    const blocks = Math.ceil(end / BLOCK);
    this.end = end;
    this.stats = new Float64Array(blocks * PER_BLOCK);
    this.grid = new Uint32Array(blocks * 4);
    this.dirty = new Uint8Array(blocks).fill(1);
  }

  /** Summarises every block now: at load, off the request path, rather than on the first query. */
  refreshAll(columns: SiteColumns) {
    for (let b = 0; b < this.dirty.length; b++) if (this.dirty[b] === 1) this.refresh(columns, b);
  }

  /** Block b covers slots [start, end); undefined past the last block. */
  range(b: number): [number, number] | undefined {
    const start = b * BLOCK;
    return start < this.end ? [start, Math.min(start + BLOCK, this.end)] : undefined;
  }

  touched(slot: number) {
    if (slot < this.end) this.dirty[(slot / BLOCK) | 0] = 1;
  }

  /**
   * Adds block b to the tally from its summary and answers true; answers false (adding nothing)
   * when the block must be read site by site: it has matching sites both inside and outside the
   * viewport, or in more than one cell, or pins are wanted for the sites inside.
   */
  apply(columns: SiteColumns, b: number, tally: Tally): boolean {
    if (this.dirty[b] === 1) this.refresh(columns, b);
    const { stats, grid } = this;
    const { kind, colourOn, allPins } = tally.filter;
    const base = (b * SELECTORS + kind + 1) * COLOURS * FIELDS;
    let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let c = 0; c < COLOURS; c++) {
      const o = base + c * FIELDS;
      if (colourOn[c] === 0 || stats[o + LOCATED] === 0) continue;
      minLng = Math.min(minLng, stats[o + MIN_LNG]!);
      minLat = Math.min(minLat, stats[o + MIN_LAT]!);
      maxLng = Math.max(maxLng, stats[o + MAX_LNG]!);
      maxLat = Math.max(maxLat, stats[o + MAX_LAT]!);
    }
    const [w, s, e, n] = tally.bbox;
    let cell = -1;
    const outside = minLng > maxLng || maxLng < w || minLng > e || maxLat < s || minLat > n;
    if (!outside) {
      if (allPins || minLng < w || maxLng > e || minLat < s || maxLat > n) return false;
      // One cell when both corners of the block's grid box are in it.
      const g = b * 4;
      cell = cellIndex(tally.win, grid[g]!, grid[g + 1]!);
      if (cell < 0 || cell !== cellIndex(tally.win, grid[g + 2]!, grid[g + 3]!)) return false;
    }
    const { legend, counts, total, sumX, sumY, first, bounds } = tally;
    for (let c = 0; c < COLOURS; c++) {
      const o = base + c * FIELDS;
      const count = stats[o + COUNT]!;
      if (count === 0) continue;
      legend[c]! += count;
      if (colourOn[c] === 0) continue;
      bounds[UNLOCATED]! += stats[o + UNLOC]!;
      const located = stats[o + LOCATED]!;
      if (located === 0 || cell < 0) continue;
      counts[cell * COLOURS + c]! += located;
      total[cell]! += located;
      sumX[cell]! += stats[o + SUM_X]!;
      sumY[cell]! += stats[o + SUM_Y]!;
    }
    if (minLng <= maxLng) {
      bounds[0] = Math.min(bounds[0]!, minLng);
      bounds[1] = Math.min(bounds[1]!, minLat);
      bounds[2] = Math.max(bounds[2]!, maxLng);
      bounds[3] = Math.max(bounds[3]!, maxLat);
    }
    if (cell >= 0 && first[cell] === -1) first[cell] = -2 - b;
    return true;
  }

  /** The slot a cell holding one site stands for, when that site came in block b's summary. */
  soleSlot(columns: SiteColumns, b: number, tally: Tally): number {
    const { colour, kind, lng } = columns;
    const { kind: wantKind, colourOn } = tally.filter;
    const [start, end] = this.range(b)!;
    for (let i = start; i < end; i++) {
      const c = colour[i]!;
      if (c !== REMOVED && colourOn[c] === 1 && (wantKind < 0 || kind[i] === wantKind) && !Number.isNaN(lng[i])) return i;
    }
    throw new Error(`block ${b} has no site to stand for its cell`);
  }

  private refresh(columns: SiteColumns, b: number) {
    const { stats, grid } = this;
    const { colour, kind, lng, lat, gx, gy } = columns;
    const blockBase = b * PER_BLOCK;
    stats.fill(0, blockBase, blockBase + PER_BLOCK);
    for (let o = blockBase; o < blockBase + PER_BLOCK; o += FIELDS) {
      stats[o + MIN_LNG] = stats[o + MIN_LAT] = Infinity;
      stats[o + MAX_LNG] = stats[o + MAX_LAT] = -Infinity;
    }
    const g = b * 4;
    grid.set([0xffffffff, 0xffffffff, 0, 0], g);
    const add = (o: number, i: number) => {
      stats[o + COUNT]! += 1;
      const x = lng[i]!;
      if (Number.isNaN(x)) {
        stats[o + UNLOC]! += 1;
        return;
      }
      const y = lat[i]!;
      stats[o + LOCATED]! += 1;
      stats[o + SUM_X]! += gx[i]!;
      stats[o + SUM_Y]! += gy[i]!;
      stats[o + MIN_LNG] = Math.min(stats[o + MIN_LNG]!, x);
      stats[o + MIN_LAT] = Math.min(stats[o + MIN_LAT]!, y);
      stats[o + MAX_LNG] = Math.max(stats[o + MAX_LNG]!, x);
      stats[o + MAX_LAT] = Math.max(stats[o + MAX_LAT]!, y);
    };
    const [start, end] = this.range(b)!;
    for (let i = start; i < end; i++) {
      const c = colour[i]!;
      if (c === REMOVED) continue;
      add(blockBase + c * FIELDS, i);
      add(blockBase + ((1 + kind[i]!) * COLOURS + c) * FIELDS, i);
      if (Number.isNaN(lng[i])) continue;
      grid[g] = Math.min(grid[g]!, gx[i]!);
      grid[g + 1] = Math.min(grid[g + 1]!, gy[i]!);
      grid[g + 2] = Math.max(grid[g + 2]!, gx[i]!);
      grid[g + 3] = Math.max(grid[g + 3]!, gy[i]!);
    }
    this.dirty[b] = 0;
  }
}
