import type { Rng } from './random.ts';

/** [lng, lat] in WGS-84 degrees. */
export type Point = readonly [number, number];
/** A convex polygon's vertices, counter-clockwise, without the closing repeat. */
export type Cell = readonly Point[];

export interface GeoPolygon {
  type: 'Polygon';
  coordinates: [number, number][][];
}

// Ground distance per degree of longitude shrinks with latitude; shapes are judged in kilometres.
const LNG_SCALE = Math.cos((30.2 * Math.PI) / 180);

export const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export function rectangle(west: number, south: number, east: number, north: number): Cell {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
  ];
}

/** Signed shoelace area in square degrees (positive for counter-clockwise). */
export function cellArea(cell: Cell): number {
  let sum = 0;
  for (let i = 0; i < cell.length; i++) {
    const [x1, y1] = cell[i]!;
    const [x2, y2] = cell[(i + 1) % cell.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

export function centroid(cell: Cell): Point {
  let cx = 0;
  let cy = 0;
  let twiceArea = 0;
  for (let i = 0; i < cell.length; i++) {
    const [x1, y1] = cell[i]!;
    const [x2, y2] = cell[(i + 1) % cell.length]!;
    const cross = x1 * y2 - x2 * y1;
    twiceArea += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  return [cx / (3 * twiceArea), cy / (3 * twiceArea)];
}

/**
 * Cuts a convex cell along the line n·p = offset into the part below and the part above. Both
 * parts get the very same intersection points, so neighbours share their edge exactly.
 */
function cut(cell: Cell, normal: Point, offset: number): [Point[], Point[]] {
  const below: Point[] = [];
  const above: Point[] = [];
  const side = (p: Point) => p[0] * normal[0] + p[1] * normal[1] - offset;
  for (let i = 0; i < cell.length; i++) {
    const a = cell[i]!;
    const b = cell[(i + 1) % cell.length]!;
    const sa = side(a);
    const sb = side(b);
    if (sa <= 0) below.push(a);
    if (sa >= 0) above.push(a);
    if ((sa < 0 && sb > 0) || (sa > 0 && sb < 0)) {
      const t = sa / (sa - sb);
      const x: Point = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
      below.push(x);
      above.push(x);
    }
  }
  return [below, above];
}

/** Splits a convex cell by a slightly tilted line across its longer side, `share` of the area below. */
function split(cell: Cell, share: number, rng: Rng): [Cell, Cell] {
  const xs = cell.map((p) => p[0]);
  const ys = cell.map((p) => p[1]);
  const wide = (Math.max(...xs) - Math.min(...xs)) * LNG_SCALE > Math.max(...ys) - Math.min(...ys);
  const angle = (wide ? 0 : Math.PI / 2) + rng.float(-0.35, 0.35);
  const normal: Point = [Math.cos(angle), Math.sin(angle)];
  const projections = cell.map((p) => p[0] * normal[0] + p[1] * normal[1]);
  let lo = Math.min(...projections);
  let hi = Math.max(...projections);
  const total = cellArea(cell);
  // The area below the line grows monotonically with the offset: bisect for the wanted share.
  for (let i = 0; i < 48; i++) {
    const mid = (lo + hi) / 2;
    if (cellArea(cut(cell, normal, mid)[0]) < share * total) lo = mid;
    else hi = mid;
  }
  return cut(cell, normal, (lo + hi) / 2);
}

/**
 * Tiles a convex cell into weights.length non-overlapping convex cells whose areas follow the
 * weights, by recursive bisection; neighbouring indices end up next to each other on the map.
 */
export function partition(cell: Cell, weights: readonly number[], rng: Rng): Cell[] {
  if (weights.length === 0) return [];
  if (weights.length === 1) return [cell];
  const half = Math.floor(weights.length / 2);
  const left = weights.slice(0, half);
  const right = weights.slice(half);
  const sum = (ws: readonly number[]) => ws.reduce((a, b) => a + b, 0);
  const [a, b] = split(cell, sum(left) / (sum(left) + sum(right)), rng);
  return [...partition(a, left, rng), ...partition(b, right, rng)];
}

/** The cell as stored: coordinates rounded to ~0.1 m, ring closed. */
export function roundCell(cell: Cell): Cell {
  return cell.map((p) => [round6(p[0]), round6(p[1])] as const);
}

export function toGeoJson(cell: Cell): GeoPolygon {
  const ring = cell.map((p) => [p[0], p[1]] as [number, number]);
  return { type: 'Polygon', coordinates: [[...ring, [ring[0]![0], ring[0]![1]]]] };
}

/** Draws uniformly random points well inside a convex cell (a margin keeps them off the border). */
export function pointSampler(cell: Cell, rng: Rng, margin = 0.12): () => Point {
  const c = centroid(cell);
  const fan = cell.map((a, i) => [a, cell[(i + 1) % cell.length]!] as const);
  const cumulative: number[] = [];
  let total = 0;
  for (const [a, b] of fan) {
    total += Math.abs(cellArea([c, a, b]));
    cumulative.push(total);
  }
  const shrink = 1 - margin;
  return () => {
    const roll = rng.next() * total;
    const [a, b] = fan[Math.max(0, cumulative.findIndex((x) => x > roll))]!;
    let u = rng.next();
    let v = rng.next();
    if (u + v > 1) [u, v] = [1 - u, 1 - v];
    const x = c[0] + shrink * (u * (a[0] - c[0]) + v * (b[0] - c[0]));
    const y = c[1] + shrink * (u * (a[1] - c[1]) + v * (b[1] - c[1]));
    return [round6(x), round6(y)];
  };
}
