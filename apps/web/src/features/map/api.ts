import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { SITE_COLOURS, type MapArea, type MapClusters, type MapConfig, type MapOptions, type MapSiteCard, type SiteColour } from '@anxun/contracts';
import { get } from '../../app/api.ts';

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

export interface Viewport {
  bbox: [number, number, number, number];
  zoom: number;
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

/** On a full load of /map: what the page asks for first, fetched while the session is checked and the page's code loads. */
export function preloadMap(client: QueryClient, search: string) {
  void client.prefetchQuery(configQuery);
  void client.prefetchQuery(optionsQuery);
  void client.prefetchQuery(clustersQuery(overviewFilters(filtersOf(new URLSearchParams(search))), OVERVIEW));
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

export function useMapAreas(view: Viewport | null) {
  return useQuery({
    queryKey: ['map', 'areas', view],
    queryFn: ({ signal }) => get<MapArea[]>('/map/areas', { bbox: view!.bbox.map((v) => v.toFixed(6)).join(','), zoom: view!.zoom }, signal),
    enabled: !!view,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export function useSiteCard(id: string | null) {
  return useQuery({ queryKey: mapKeys.card(id ?? ''), queryFn: ({ signal }) => get<MapSiteCard>(`/map/sites/${id}`, undefined, signal), enabled: !!id });
}
