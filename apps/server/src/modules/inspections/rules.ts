import turfDistance from '@turf/distance';
import type { LngLat } from '@anxun/contracts';
import { GPS_FLAG_DISTANCE_M } from '@anxun/contracts';

/** Pure: metres between the GPS fix and the site, and whether that is too far to have been there. */
export function gpsCheck(site: LngLat | null, gps: LngLat | null): { distanceM: number | null; far: boolean } {
  if (!site || !gps) return { distanceM: null, far: false };
  const distanceM = Math.round(turfDistance([site.lng, site.lat], [gps.lng, gps.lat], { units: 'meters' }));
  return { distanceM, far: distanceM > GPS_FLAG_DISTANCE_M };
}
