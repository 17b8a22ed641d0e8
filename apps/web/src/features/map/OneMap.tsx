import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { ExpressionSpecification, GeoJSONSource, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { SITE_COLOURS, type MapArea, type MapClusters, type MapConfig } from '@anxun/contracts';
import { FIVE_COLOURS } from '../../app/theme.ts';
import { moveRings, projectionFor, type Projection } from './coords.ts';
import { corners, FIT, viewOf, type Viewport } from './view.ts';
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

const MAX_AREA_LABELS = 80;


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

/** The basemap, with the answers already in when the map is built: its first frames draw them. */
function style(config: MapConfig, areas: FeatureCollection | null, pins: FeatureCollection | null): StyleSpecification {
  const layers: StyleSpecification['layers'] = [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f6' } }];
  const sources: StyleSpecification['sources'] = {};
  if (config.tileUrl) {
    sources.basemap = { type: 'raster', tiles: [config.tileUrl], tileSize: 256, maxzoom: config.maxZoom, ...(config.attribution ? { attribution: config.attribution } : {}) };
    layers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
  }
  if (areas) {
    sources.areas = { type: 'geojson', data: areas };
    layers.push(...AREA_LAYERS);
  }
  if (pins) {
    sources.pins = { type: 'geojson', data: pins };
    layers.push(PIN_LAYER);
  }
  return { version: 8, sources, layers };
}

/**
 * Puts a later answer on the map. Sources and layers are never added empty: every change to draw
 * costs a frame, and in a software-composited browser each frame costs a read-back of the whole
 * canvas. Areas stay below the pins.
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

/** The clusters as HTML donuts; a click zooms in on one. */
function placeClusters(map: maplibregl.Map, data: MapClusters, projection: Projection): maplibregl.Marker[] {
  return data.clusters.map((cluster) => {
    const element = clusterElement(cluster.counts, cluster.count);
    const at = projection.toMap(cluster.lng, cluster.lat);
    element.addEventListener('click', () => map.easeTo({ center: at, zoom: Math.min(map.getZoom() + 2, 19) }));
    return new maplibregl.Marker({ element }).setLngLat(at).addTo(map);
  });
}

/** Names as HTML labels: the basemap has no glyph server to draw text with. */
function placeLabels(map: maplibregl.Map, areas: MapArea[], projection: Projection): maplibregl.Marker[] {
  return areas
    .filter((a) => a.centre)
    .slice(0, MAX_AREA_LABELS)
    .map((a) => {
      const el = document.createElement('div');
      el.className = 'ax-map-area-label';
      el.textContent = a.name;
      return new maplibregl.Marker({ element: el }).setLngLat(projection.toMap(a.centre!.lng, a.centre!.lat)).addTo(map);
    });
}

/** Once fitted to the sites, records when an answer is on screen, in ms since navigation (the paint benchmark and e2e wait for it). */
function markPainted(map: maplibregl.Map, element: HTMLElement, data: MapClusters) {
  map.once('idle', () => {
    element.dataset.painted = performance.now().toFixed(0);
    element.dataset.drawn = String(data.pins.length + data.clusters.length);
  });
}

/**
 * Loaded lazily: only the map page pays for MapLibre. The page builds it once the first answer is in
 * when it can, and that answer goes into the map's style rather than being added after 'load'.
 */
export default function OneMap({ config, data, areas, fit, onViewport, onPin }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const markers = useRef<maplibregl.Marker[]>([]);
  const labels = useRef<maplibregl.Marker[]>([]);
  /** The answers on the map, so an effect does not put the same one there twice. */
  const drawn = useRef<{ data?: MapClusters; areas?: MapArea[] }>({});
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
      style: style(config, areas ? areaCollection(areas, p) : null, data ? pinCollection(data, p) : null),
      ...initial,
      maxZoom: 19,
      // No fades: an official wants the answer, and every faded frame is another frame to draw.
      fadeDuration: 0,
      attributionControl: config.attribution ? { compact: true } : false,
      dragRotate: false,
      pitchWithRotate: false,
    });
    mapRef.current = map;
    drawn.current = {};
    if (data) {
      drawn.current.data = data;
      markers.current = placeClusters(map, data, p);
    }
    if (areas) {
      drawn.current.areas = areas;
      labels.current = placeLabels(map, areas, p);
    }
    if (data && fit) markPainted(map, element, data);
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    map.touchZoomRotate.disableRotation();
    const report = () => {
      const b = map.getBounds();
      callbacks.current.onViewport(viewOf([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], map.getZoom(), p));
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
    // The view is known as soon as the map is built. When the page foresaw it, this report changes
    // nothing; otherwise its answer is asked for while the style and worker load.
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
    // Sources are added to a loaded style only; this runs again at 'load'.
    if (!map || !ready || !data || drawn.current.data === data) return;
    drawn.current.data = data;
    show(map, 'pins', pinCollection(data, projection));
    for (const m of markers.current) m.remove();
    markers.current = placeClusters(map, data, projection);
    // An answer drawn before the first fit is for a view that is about to change.
    if (fittedKey.current !== null && container.current) markPainted(map, container.current, data);
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
    if (!map || !ready || !areas || drawn.current.areas === areas) return;
    drawn.current.areas = areas;
    show(map, 'areas', areaCollection(areas, projection));
    for (const m of labels.current) m.remove();
    labels.current = placeLabels(map, areas, projection);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, areas]);

  if (!supported) return <div className="ax-map-unsupported">WebGL</div>;
  return <div ref={container} className="ax-one-map" data-testid="one-map" />;
}
