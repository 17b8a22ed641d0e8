import gcoord from 'gcoord';
import type { MapTileCrs } from '@anxun/contracts';

/**
 * The server keeps WGS-84. A GCJ-02 basemap (Amap) is drawn shifted by a few hundred metres, so
 * everything drawn on it is shifted the same way, and the viewport is shifted back before asking.
 */
export interface Projection {
  toMap(lng: number, lat: number): [number, number];
  fromMap(lng: number, lat: number): [number, number];
}

const identity: Projection = { toMap: (lng, lat) => [lng, lat], fromMap: (lng, lat) => [lng, lat] };

const gcj02: Projection = {
  toMap: (lng, lat) => gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number],
  fromMap: (lng, lat) => gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number],
};

export const projectionFor = (crs: MapTileCrs): Projection => (crs === 'gcj02' ? gcj02 : identity);

/** A ring or polygon list of [lng, lat] pairs, moved point by point. */
export function moveRings(rings: number[][][], p: Projection): number[][][] {
  return rings.map((ring) => ring.map(([lng, lat]) => p.toMap(lng!, lat!)));
}
