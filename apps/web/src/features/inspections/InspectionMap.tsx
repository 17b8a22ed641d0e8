import { useEffect, useRef, useState } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSourceSpecification, StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './inspections.css';
import { FAR_COLOUR, GPS_COLOUR, SITE_COLOUR } from './mapColours.ts';

maplibregl.setWorkerUrl(workerUrl);

export interface MapPoint {
  lng: number;
  lat: number;
}

interface Props {
  site: MapPoint | null;
  gps: (MapPoint & { accuracy: number | null }) | null;
  far: boolean;
}


/** No tiles: the map only shows where the site is and where the inspector's phone was. */
const BLANK_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f6' } }],
};

/** A polygon approximating the GPS accuracy circle (metres), so the reader sees how sure the fix is. */
function accuracyRing(centre: MapPoint, metres: number, steps = 48): [number, number][] {
  const ring: [number, number][] = [];
  const dLat = metres / 111_320;
  const dLng = metres / (111_320 * Math.cos((centre.lat * Math.PI) / 180));
  for (let i = 0; i <= steps; i++) {
    const angle = (i / steps) * 2 * Math.PI;
    ring.push([centre.lng + dLng * Math.cos(angle), centre.lat + dLat * Math.sin(angle)]);
  }
  return ring;
}

function hasWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** Loaded lazily: only the inspection page pays for MapLibre. */
export default function InspectionMap({ site, gps, far }: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [supported] = useState(hasWebGL);
  const [failed, setFailed] = useState(false);
  const siteLng = site?.lng;
  const siteLat = site?.lat;
  const gpsLng = gps?.lng;
  const gpsLat = gps?.lat;
  const accuracy = gps?.accuracy ?? null;

  useEffect(() => {
    const element = container.current;
    if (!element || !supported) return;
    const sitePoint = siteLng !== undefined && siteLat !== undefined ? ([siteLng, siteLat] as [number, number]) : null;
    const gpsPoint = gpsLng !== undefined && gpsLat !== undefined ? ([gpsLng, gpsLat] as [number, number]) : null;
    const points = [sitePoint, gpsPoint].filter((p): p is [number, number] => !!p);
    if (!points.length) return;

    const map = new maplibregl.Map({
      container: element,
      style: BLANK_STYLE,
      center: points[0],
      zoom: 16,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: 20,
      // A static two-point map: keeping the frame lets screenshots and printouts capture it; antialias smooths the dots.
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.on('error', () => setFailed(true));

    map.on('load', () => {
      const ring = gpsPoint && accuracy && accuracy > 0 && accuracy < 5000 ? accuracyRing({ lng: gpsPoint[0], lat: gpsPoint[1] }, accuracy) : null;
      const features: GeoJSONSourceSpecification['data'] = {
        type: 'FeatureCollection',
        features: [
          ...(ring ? [{ type: 'Feature' as const, properties: { kind: 'accuracy' }, geometry: { type: 'Polygon' as const, coordinates: [ring] } }] : []),
          ...(sitePoint && gpsPoint
            ? [{ type: 'Feature' as const, properties: { kind: 'line' }, geometry: { type: 'LineString' as const, coordinates: [sitePoint, gpsPoint] } }]
            : []),
          ...(sitePoint ? [{ type: 'Feature' as const, properties: { kind: 'site' }, geometry: { type: 'Point' as const, coordinates: sitePoint } }] : []),
          ...(gpsPoint ? [{ type: 'Feature' as const, properties: { kind: 'gps' }, geometry: { type: 'Point' as const, coordinates: gpsPoint } }] : []),
        ],
      };
      const gpsColour = far ? FAR_COLOUR : GPS_COLOUR;
      map.addSource('points', { type: 'geojson', data: features });
      map.addLayer({
        id: 'accuracy',
        type: 'fill',
        source: 'points',
        filter: ['==', ['get', 'kind'], 'accuracy'],
        paint: { 'fill-color': gpsColour, 'fill-opacity': 0.08, 'fill-outline-color': gpsColour },
      });
      map.addLayer({
        id: 'line',
        type: 'line',
        source: 'points',
        filter: ['==', ['get', 'kind'], 'line'],
        paint: { 'line-color': far ? FAR_COLOUR : '#595959', 'line-width': 2, 'line-dasharray': [2, 2] },
      });
      map.addLayer({
        id: 'markers',
        type: 'circle',
        source: 'points',
        filter: ['in', ['get', 'kind'], ['literal', ['site', 'gps']]],
        paint: {
          'circle-radius': 8,
          'circle-color': ['match', ['get', 'kind'], 'site', SITE_COLOUR, gpsColour],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2.5,
        },
      });
      // Both points and the accuracy circle in view; a lone point keeps the initial zoom.
      const extent = [...points, ...(ring ?? [])];
      if (extent.length > 1) {
        const bounds = extent.reduce((b, p) => b.extend(p), new maplibregl.LngLatBounds(extent[0], extent[0]));
        map.fitBounds(bounds, { padding: 40, maxZoom: 18, duration: 0 });
      }
    });

    const resize = new ResizeObserver(() => map.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      map.remove();
    };
  }, [supported, siteLng, siteLat, gpsLng, gpsLat, accuracy, far]);

  if (!supported || failed) {
    return (
      <div className="ax-map" style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <Typography.Text type="secondary">{t('inspections.map.unavailable')}</Typography.Text>
      </div>
    );
  }
  return <div ref={container} className="ax-map" data-testid="inspection-map" />;
}
