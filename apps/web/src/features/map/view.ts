import type { MapTileCrs } from '@anxun/contracts';
import { projectionFor, type Projection } from './coords.ts';

/** What the page asks the server for: the sites in a box at one zoom. */
export interface Viewport {
  bbox: [number, number, number, number];
  zoom: number;
}

/** Viewport requests cover half a screen more on every side, so small pans need no new request. */
export const PAD = 0.5;
/** How the map fits a scope's sites: a margin in pixels, and no closer than street level. */
export const FIT = { padding: 40, maxZoom: 17 };
/** MapLibre's world is 512 px wide at zoom 0. */
const TILE = 512;

/** WGS-84 bounds [w, s, e, n] as the map's south-west and north-east corners. */
export const corners = (b: readonly [number, number, number, number], p: Projection): [[number, number], [number, number]] => [p.toMap(b[0], b[1]), p.toMap(b[2], b[3])];

/** The request for what the map shows: its map-space bounds [w, s, e, n] padded by PAD, in WGS-84, at the whole zoom. */
export function viewOf([w, s, e, n]: readonly [number, number, number, number], zoom: number, p: Projection): Viewport {
  const dx = (e - w) * PAD;
  const dy = (n - s) * PAD;
  const [west, south] = p.fromMap(Math.max(-180, w - dx), Math.max(-85, s - dy));
  const [east, north] = p.fromMap(Math.min(180, e + dx), Math.min(85, n + dy));
  return { bbox: [west, south, east, north], zoom: Math.floor(zoom) };
}

/** Two views whose answers are the same for any practical purpose (closer than 0.1 m). */
export function sameView(a: Viewport | null, b: Viewport): boolean {
  return !!a && a.zoom === b.zoom && a.bbox.every((v, i) => Math.abs(v - b.bbox[i]!) < 1e-6);
}

// Web Mercator as MapLibre computes it, in world units of 0..1.
const mercX = (lng: number) => (180 + lng) / 360;
const mercY = (lat: number) => (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;
const lngOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180)) - 90;

/**
 * Where MapLibre's fitBounds puts the camera (Web Mercator, no bearing, the same padding on every
 * side) for map-space corners in a canvas of width × height CSS pixels, and the map-space bounds it
 * then shows. Null when the canvas is too small to fit them, as MapLibre then leaves the camera alone.
 */
export function fittedCamera(sw: readonly [number, number], ne: readonly [number, number], width: number, height: number, maxZoom = FIT.maxZoom) {
  const x0 = mercX(sw[0]);
  const x1 = mercX(ne[0]);
  const y0 = mercY(ne[1]);
  const y1 = mercY(sw[1]);
  const room = [width - 2 * FIT.padding, height - 2 * FIT.padding] as const;
  if (room[0] < 0 || room[1] < 0) return null;
  const zoom = Math.min(Math.log2(Math.min(room[0] / ((x1 - x0) * TILE), room[1] / ((y1 - y0) * TILE))), maxZoom);
  const world = TILE * 2 ** zoom;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hw = width / 2 / world;
  const hh = height / 2 / world;
  const shown: [number, number, number, number] = [lngOf(cx - hw), latOf(cy + hh), lngOf(cx + hw), latOf(cy - hh)];
  return { center: [lngOf(cx), latOf(cy)] as [number, number], zoom, shown };
}

/**
 * The view a map built fitted to these WGS-84 bounds [w, s, e, n] will report, known before MapLibre
 * has loaded: the page asks for it at once, and the map's first frames draw the answer.
 */
export function fittedView(bounds: readonly [number, number, number, number], width: number, height: number, crs: MapTileCrs): Viewport | null {
  const p = projectionFor(crs);
  const camera = fittedCamera(...corners(bounds, p), width, height);
  return camera && viewOf(camera.shown, camera.zoom, p);
}

const FRAME_KEY = 'anxun.map.frame';

/** Keeps the map frame's size for this window size, so the next visit can foresee its first view before the page renders. */
export function rememberFrame(width: number, height: number) {
  try {
    localStorage.setItem(FRAME_KEY, JSON.stringify({ window: [innerWidth, innerHeight], frame: [width, height] }));
  } catch {
    // Storage can be full or refused; the next visit then waits for the page to measure the frame.
  }
}

/** The map frame's size the last time a window of this size showed it, if any. */
export function recalledFrame(): [number, number] | null {
  try {
    const kept = JSON.parse(localStorage.getItem(FRAME_KEY) ?? 'null') as { window: number[]; frame: [number, number] } | null;
    return kept && kept.window[0] === innerWidth && kept.window[1] === innerHeight ? kept.frame : null;
  } catch {
    return null;
  }
}
