import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { ExpressionSpecification, GeoJSONSource, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { SITE_COLOURS, type MapArea, type MapClusters, type MapConfig } from '@anxun/contracts';
import { FIVE_COLOURS } from '../../app/theme.ts';
import { moveRings, projectionFor } from './coords.ts';
import type { Viewport } from './api.ts';
import './map.css';

maplibregl.setWorkerUrl(workerUrl);

interface Props {
  config: MapConfig;
  data: MapClusters | undefined;
  areas: MapArea[] | undefined;
  /** Fit the map to these bounds whenever the key changes (first load, a new filter). */
  fit: { key: string; bounds: [number, number, number, number] } | null;
  onViewport(view: Viewport): void;
  onPin(id: string): void;
}

/** Viewport requests cover half a screen more on every side, so small pans need no new request. */
const PAD = 0.5;
const MAX_AREA_LABELS = 80;
const FIT = { padding: 40, maxZoom: 17 };

type Projection = ReturnType<typeof projectionFor>;

/** WGS-84 bounds [w, s, e, n] as the map's south-west and north-east corners. */
const corners = (b: readonly [number, number, number, number], p: Projection): [[number, number], [number, number]] => [p.toMap(b[0], b[1]), p.toMap(b[2], b[3])];

function style(config: MapConfig): StyleSpecification {
  const layers: StyleSpecification['layers'] = [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f6' } }];
  const sources: StyleSpecification['sources'] = {};
  if (config.tileUrl) {
    sources.basemap = { type: 'raster', tiles: [config.tileUrl], tileSize: 256, maxzoom: config.maxZoom, ...(config.attribution ? { attribution: config.attribution } : {}) };
    layers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
  }
  return { version: 8, sources, layers };
}

const AREA_LAYERS: LayerSpecification[] = [
  { id: 'area-fill', type: 'fill', source: 'areas', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.55 } },
  { id: 'area-line', type: 'line', source: 'areas', paint: { 'line-color': '#7a8ca5', 'line-width': 1.2 } },
];
const PIN_LAYER: LayerSpecification = {
  id: 'pins',
  type: 'circle',
  source: 'pins',
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 5, 17, 8],
    'circle-color': ['match', ['get', 'colour'], ...SITE_COLOURS.flatMap((c) => [c, FIVE_COLOURS[c]!]), '#999'] as unknown as ExpressionSpecification,
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 1.5,
  },
};

/**
 * Puts a collection on the map: the source and its layers are added with the first answer rather
 * than empty at 'load', because every change to draw costs a frame, and in a software-composited
 * browser each frame costs a read-back of the whole canvas. Areas stay below the pins.
 */
function show(map: maplibregl.Map, id: 'areas' | 'pins', data: FeatureCollection) {
  const source = map.getSource(id) as GeoJSONSource | undefined;
  if (source) return void source.setData(data);
  map.addSource(id, { type: 'geojson', data });
  if (id === 'pins') map.addLayer(PIN_LAYER);
  else for (const layer of AREA_LAYERS) map.addLayer(layer, map.getLayer('pins') ? 'pins' : undefined);
}

/** A donut of the cluster's colours with its count in the middle. */
function clusterElement(counts: Record<string, number>, total: number): HTMLElement {
  const size = total >= 1000 ? 54 : total >= 100 ? 46 : 38;
  const r = size / 2;
  const inner = r - 7;
  let angle = -Math.PI / 2;
  const arcs = SITE_COLOURS.filter((c) => counts[c]! > 0).map((c) => {
    const share = counts[c]! / total;
    if (share >= 0.9999) return `<circle cx="${r}" cy="${r}" r="${r - 3.5}" fill="none" stroke="${FIVE_COLOURS[c]}" stroke-width="7"/>`;
    const start = angle;
    angle += share * 2 * Math.PI;
    const large = share > 0.5 ? 1 : 0;
    const p = (a: number, rad: number) => `${r + rad * Math.cos(a)},${r + rad * Math.sin(a)}`;
    return `<path d="M${p(start, r)} A${r},${r} 0 ${large} 1 ${p(angle, r)} L${p(angle, inner)} A${inner},${inner} 0 ${large} 0 ${p(start, inner)} Z" fill="${FIVE_COLOURS[c]}"/>`;
  });
  const el = document.createElement('div');
  el.className = 'ax-map-cluster';
  el.dataset.testid = 'map-cluster';
  el.innerHTML = `<svg width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">${arcs.join('')}<circle cx="${r}" cy="${r}" r="${inner}" fill="#fff"/><text x="${r}" y="${r}" text-anchor="middle" dominant-baseline="central">${total}</text></svg>`;
  return el;
}

function pinCollection(data: MapClusters, projection: Projection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: data.pins.map((pin) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: projection.toMap(pin.lng, pin.lat) },
      properties: { id: pin.id, colour: pin.colour, name: pin.name },
    })),
  };
}

function areaCollection(areas: MapArea[], projection: Projection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: areas.map((a) => ({
      type: 'Feature',
      geometry:
        a.boundary.type === 'Polygon'
          ? { type: 'Polygon', coordinates: moveRings(a.boundary.coordinates, projection) }
          : { type: 'MultiPolygon', coordinates: a.boundary.coordinates.map((poly) => moveRings(poly, projection)) },
      properties: { id: a.id, name: a.name },
    })),
  };
}

function hasWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** Loaded lazily: only the map page pays for MapLibre. */
export default function OneMap({ config, data, areas, fit, onViewport, onPin }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const markers = useRef<maplibregl.Marker[]>([]);
  const labels = useRef<maplibregl.Marker[]>([]);
  const [ready, setReady] = useState(false);
  /** The filters the view was last fitted to (at construction or by the fit effect). */
  const fittedKey = useRef<string | null>(null);
  const [supported] = useState(hasWebGL);
  const projection = projectionFor(config.crs);
  const callbacks = useRef({ onViewport, onPin });
  useEffect(() => {
    callbacks.current = { onViewport, onPin };
  });

  useEffect(() => {
    const element = container.current;
    if (!element || !supported) return;
    const p = projectionFor(config.crs);
    // Built fitted when the bounds are known already, so the first viewport asked for is the one drawn.
    const initial = fit ? { bounds: corners(fit.bounds, p), fitBoundsOptions: FIT } : { center: p.toMap(120.5, 30.2), zoom: 11 };
    fittedKey.current = fit?.key ?? null;
    const map = new maplibregl.Map({
      container: element,
      style: style(config),
      ...initial,
      maxZoom: 19,
      // No fades: an official wants the answer, and every faded frame is another frame to draw.
      fadeDuration: 0,
      attributionControl: config.attribution ? { compact: true } : false,
      dragRotate: false,
      pitchWithRotate: false,
    });
    mapRef.current = map;
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    map.touchZoomRotate.disableRotation();
    const report = () => {
      const b = map.getBounds();
      const [w, e, s, n] = [b.getWest(), b.getEast(), b.getSouth(), b.getNorth()];
      const dx = (e - w) * PAD;
      const dy = (n - s) * PAD;
      const [west, south] = p.fromMap(Math.max(-180, w - dx), Math.max(-85, s - dy));
      const [east, north] = p.fromMap(Math.min(180, e + dx), Math.min(85, n + dy));
      callbacks.current.onViewport({ bbox: [west, south, east, north], zoom: Math.floor(map.getZoom()) });
    };
    map.on('load', () => {
      map.on('click', 'pins', (event) => {
        const id = event.features?.[0]?.properties?.id as string | undefined;
        if (id) callbacks.current.onPin(id);
      });
      map.on('mouseenter', 'pins', () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', 'pins', () => (map.getCanvas().style.cursor = ''));
      setReady(true);
    });
    // The view is known as soon as the map is built: ask for it while the style and worker load, so
    // the answer is usually there at 'load' and the first frames draw it (each frame costs a read-back
    // of the canvas in software-composited browsers).
    map.on('moveend', report);
    report();
    return () => {
      mapRef.current = null;
      map.remove();
    };
    // The map is built once per basemap configuration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [supported, config.tileUrl, config.crs]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !data) return;
    show(map, 'pins', pinCollection(data, projection));
    for (const m of markers.current) m.remove();
    markers.current = data.clusters.map((cluster) => {
      const element = clusterElement(cluster.counts, cluster.count);
      const at = projection.toMap(cluster.lng, cluster.lat);
      element.addEventListener('click', () => map.easeTo({ center: at, zoom: Math.min(map.getZoom() + 2, 19) }));
      return new maplibregl.Marker({ element }).setLngLat(at).addTo(map);
    });
    const element = container.current;
    // Once fitted to the sites, record when each answer is on screen: ms since navigation (the paint benchmark and e2e wait for it).
    const afterFit = fittedKey.current !== null;
    map.once('idle', () => {
      if (!element || !afterFit) return;
      element.dataset.painted = performance.now().toFixed(0);
      element.dataset.drawn = String(data.pins.length + data.clusters.length);
    });
    map.triggerRepaint();
    // projection follows config, which rebuilds the map
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, data]);

  // After the data effect: an answer drawn in the same commit as the fit is for the old view.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !fit || fit.key === fittedKey.current) return;
    map.fitBounds(corners(fit.bounds, projection), { ...FIT, duration: 0 });
    fittedKey.current = fit.key;
    // Only a new key refits; the bounds of the same filters change as colours move.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, fit?.key]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !areas) return;
    show(map, 'areas', areaCollection(areas, projection));
    // Names as HTML labels: the basemap has no glyph server to draw text with.
    for (const m of labels.current) m.remove();
    labels.current = areas
      .filter((a) => a.centre)
      .slice(0, MAX_AREA_LABELS)
      .map((a) => {
        const el = document.createElement('div');
        el.className = 'ax-map-area-label';
        el.textContent = a.name;
        return new maplibregl.Marker({ element: el }).setLngLat(projection.toMap(a.centre!.lng, a.centre!.lat)).addTo(map);
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, areas]);

  if (!supported) return <div className="ax-map-unsupported">WebGL</div>;
  return <div ref={container} className="ax-one-map" data-testid="one-map" />;
}
