import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { SITE_COLOURS, type MapArea, type MapClusters, type MapConfig, type MapOptions, type MapSiteCard, type SiteColour } from '@anxun/contracts';
import { get } from '../../app/api.ts';
import { fittedView, recalledFrame, type Viewport } from './view.ts';

/** What the page filters by; kept in the URL so a view can be shared. */
export interface MapFilterState {
  areaId?: string | undefined;
  kind?: string | undefined;
  colours?: SiteColour[] | undefined;
  riskLevel?: string | undefined;
  departmentId?: string | undefined;
  campaignId?: string | undefined;
  squadId?: string | undefined;
}

export const mapKeys = {
  all: ['map'] as const,
  clusters: (filters: MapFilterState, view: Viewport | null) => ['map', 'clusters', filters, view] as const,
  card: (id: string) => ['map', 'card', id] as const,
};

const filterQuery = (f: MapFilterState) => ({
  areaId: f.areaId,
  kind: f.kind,
  colours: f.colours?.length ? f.colours.join(',') : undefined,
  riskLevel: f.riskLevel,
  departmentId: f.departmentId,
  campaignId: f.campaignId,
  squadId: f.squadId,
});

export const FILTER_KEYS = ['areaId', 'kind', 'riskLevel', 'departmentId', 'campaignId', 'squadId'] as const;

export function filtersOf(params: URLSearchParams): MapFilterState {
  const f: MapFilterState = {};
  for (const key of FILTER_KEYS) f[key] = params.get(key) ?? undefined;
  const colours = params.get('colours');
  f.colours = colours ? (colours.split(',').filter((c) => (SITE_COLOURS as readonly string[]).includes(c)) as SiteColour[]) : undefined;
  return f;
}

/** The whole world at zoom 0 (a few cells): the scope's bounds and legend before the map exists. */
export const OVERVIEW: Viewport = { bbox: [-180, -85, 180, 85], zoom: 0 };
/** Bounds of all colours: toggling a colour neither refits the map nor asks for them again. */
export const overviewFilters = (filters: MapFilterState): MapFilterState => ({ ...filters, colours: undefined });

const configQuery = queryOptions({ queryKey: ['map', 'config'], queryFn: ({ signal }) => get<MapConfig>('/map/config', undefined, signal), staleTime: Infinity });
const optionsQuery = queryOptions({ queryKey: ['map', 'options'], queryFn: ({ signal }) => get<MapOptions>('/map/options', undefined, signal), staleTime: 60_000 });
const clustersQuery = (filters: MapFilterState, view: Viewport | null) =>
  queryOptions({
    queryKey: mapKeys.clusters(filters, view),
    queryFn: ({ signal }) =>
      get<MapClusters>('/map/clusters', { ...filterQuery(filters), bbox: view!.bbox.map((v) => v.toFixed(6)).join(','), zoom: view!.zoom }, signal),
  });

/**
 * On a full load of /map: what the page asks for first, fetched while the session is checked and the
 * page's code loads. When this window has shown the map before, the first view is foreseen from the
 * overview's bounds and the frame's remembered size, and asked for too.
 */
export function preloadMap(client: QueryClient, search: string) {
  const filters = filtersOf(new URLSearchParams(search));
  const config = client.fetchQuery(configQuery);
  const overview = client.fetchQuery(clustersQuery(overviewFilters(filters), OVERVIEW));
  void client.prefetchQuery(optionsQuery);
  const frame = recalledFrame();
  Promise.all([config, overview])
    .then(([c, o]) => {
      const view = frame && o.bounds && fittedView(o.bounds, frame[0], frame[1], c.crs);
      if (view) prefetchView(client, filters, view);
    })
    // The page asks again and shows the error.
    .catch(() => undefined);
}

export function useMapConfig() {
  return useQuery(configQuery);
}

export function useMapOptions() {
  return useQuery(optionsQuery);
}

export function useClusters(filters: MapFilterState, view: Viewport | null) {
  return useQuery({ ...clustersQuery(filters, view), enabled: !!view, placeholderData: keepPreviousData });
}

const areasQuery = (view: Viewport | null) =>
  queryOptions({
    queryKey: ['map', 'areas', view],
    queryFn: ({ signal }) => get<MapArea[]>('/map/areas', { bbox: view!.bbox.map((v) => v.toFixed(6)).join(','), zoom: view!.zoom }, signal),
    staleTime: 5 * 60_000,
  });

/**
 * Starts a new view's requests the moment the map reports it. Left to the queries, they would start
 * only after React re-renders and runs its effects, which waits for the map's next frame.
 */
export function prefetchView(client: QueryClient, filters: MapFilterState, view: Viewport) {
  void client.prefetchQuery(clustersQuery(filters, view));
  void client.prefetchQuery(areasQuery(view));
}

export function useMapAreas(view: Viewport | null) {
  return useQuery({ ...areasQuery(view), enabled: !!view, placeholderData: keepPreviousData });
}

export function useSiteCard(id: string | null) {
  return useQuery({ queryKey: mapKeys.card(id ?? ''), queryFn: ({ signal }) => get<MapSiteCard>(`/map/sites/${id}`, undefined, signal), enabled: !!id });
}
