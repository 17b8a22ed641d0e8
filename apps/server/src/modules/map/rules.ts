/**
 * Pure rules of the one map (一张图): the screen grid clusters are counted on, and how a feed of
 * bigserial ids is read when ids can commit out of order.
 */

/** Cluster cells are this many screen pixels wide at every zoom (256-pixel tiles). */
export const CELL_PX = 64;
/** From this zoom on, every matching site in view is a pin (up to MAX_PINS). */
export const PIN_ZOOM = 17;
export const MAX_PINS = 2000;
/** A viewport (with its padding) may span at most this many cells; more is a client asking for a wall of screens. */
export const MAX_CELLS = 20_000;

const clampLat = (lat: number) => Math.max(-85.05112878, Math.min(85.05112878, lat));

/** Web Mercator x in [0, 1]. */
export const mercatorX = (lng: number) => (lng + 180) / 360;
/** Web Mercator y in [0, 1], north at 0. */
export function mercatorY(lat: number): number {
  const r = (clampLat(lat) * Math.PI) / 180;
  return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
}
export function latOfMercatorY(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/** The deepest zoom a map query may ask for (the contract's MapZoom maximum). */
export const MAX_ZOOM = 22;
/** Cells per world axis at the deepest zoom: 2^24, so a cell coordinate fits an unsigned 32-bit slot. */
export const GRID = (2 ** MAX_ZOOM * 256) / CELL_PX;

/**
 * A Web Mercator coordinate in [0, 1] as the integer cell it falls in at the deepest zoom. The cell
 * at a shallower zoom is this shifted right (cells nest), so a viewport query does integer shifts
 * instead of a multiply and floor per site.
 */
export const gridCoord = (m: number) => Math.min(GRID - 1, Math.max(0, Math.floor(m * GRID)));

/** Right shift from a grid coordinate to the cell at a zoom: cells stay CELL_PX wide on screen, fixed to the world so clusters do not jump while panning. */
export const gridShift = (zoom: number) => MAX_ZOOM - Math.min(MAX_ZOOM, Math.floor(zoom));

export interface CellWindow {
  shift: number;
  x0: number;
  y0: number;
  cols: number;
  rows: number;
}

/** The cells a WGS-84 bbox covers at a zoom. */
export function cellWindow(bbox: readonly [number, number, number, number], zoom: number): CellWindow {
  const [w, s, e, n] = bbox;
  const shift = gridShift(zoom);
  const cell = (m: number) => gridCoord(m) >>> shift;
  const x0 = cell(mercatorX(w));
  const y0 = cell(mercatorY(n));
  return { shift, x0, y0, cols: cell(mercatorX(e)) - x0 + 1, rows: cell(mercatorY(s)) - y0 + 1 };
}

/** Index of a point's cell (given as grid coordinates) inside the window, or -1 outside it. */
export function cellIndex(win: CellWindow, gx: number, gy: number): number {
  const cx = (gx >>> win.shift) - win.x0;
  const cy = (gy >>> win.shift) - win.y0;
  if (cx < 0 || cy < 0 || cx >= win.cols || cy >= win.rows) return -1;
  return cy * win.cols + cx;
}

/**
 * The area-path prefixes a map query covers: the viewer's scopes, narrowed by an area filter
 * (an area inside a scope, or a scope inside the area). Nothing outside a scope ever results.
 */
export function scopePrefixes(scopePaths: readonly string[], areaPath?: string): string[] {
  if (!areaPath) return [...scopePaths];
  return scopePaths.flatMap((s) => (areaPath.startsWith(s) ? [areaPath] : s.startsWith(areaPath) ? [s] : []));
}

/** Which area level's polygons to draw at a zoom: the town at a glance, micro-grids when close. */
export function areaLevelForZoom(zoom: number): 'district' | 'town' | 'village' | 'grid' | 'micro_grid' {
  if (zoom < 9) return 'district';
  if (zoom < 11) return 'town';
  if (zoom < 13) return 'village';
  if (zoom < 15) return 'grid';
  return 'micro_grid';
}

/**
 * Reading a table by its bigserial id: ids are taken at insert but become visible at commit, so a
 * smaller id can appear after a larger one. The reader asks for every id above `lowWater`, skips the
 * ones it has seen, and moves `lowWater` only over ids it has seen or that stayed missing for
 * `graceMs` (a rolled-back transaction leaves a hole that never fills).
 */
export interface IdFeed {
  lowWater: number;
  seen: Set<number>;
  missingSince: Map<number, number>;
}

export const newFeed = (lowWater: number): IdFeed => ({ lowWater, seen: new Set(), missingSince: new Map() });

/** Records the ids one read returned; answers those not seen before, in the order given. */
export function advanceFeed(feed: IdFeed, ids: readonly number[], nowMs: number, graceMs: number): number[] {
  const fresh: number[] = [];
  for (const id of ids) {
    if (id <= feed.lowWater || feed.seen.has(id)) continue;
    feed.seen.add(id);
    fresh.push(id);
  }
  let top = feed.lowWater;
  for (const id of feed.seen) if (id > top) top = id;
  for (let id = feed.lowWater + 1; id < top; id++) if (!feed.seen.has(id) && !feed.missingSince.has(id)) feed.missingSince.set(id, nowMs);
  for (;;) {
    const next = feed.lowWater + 1;
    if (feed.seen.has(next)) feed.seen.delete(next);
    else if (nowMs - (feed.missingSince.get(next) ?? nowMs) >= graceMs && next <= top) feed.missingSince.delete(next);
    else break;
    feed.lowWater = next;
  }
  return fresh;
}
