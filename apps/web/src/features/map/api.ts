import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MapArea, MapClusters, MapConfig, MapOptions, MapSiteCard, SiteColour } from '@anxun/contracts';
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

export function useMapConfig() {
  return useQuery({ queryKey: ['map', 'config'], queryFn: ({ signal }) => get<MapConfig>('/map/config', undefined, signal), staleTime: Infinity });
}

export function useMapOptions() {
  return useQuery({ queryKey: ['map', 'options'], queryFn: ({ signal }) => get<MapOptions>('/map/options', undefined, signal), staleTime: 60_000 });
}

export function useClusters(filters: MapFilterState, view: Viewport | null) {
  return useQuery({
    queryKey: mapKeys.clusters(filters, view),
    queryFn: ({ signal }) =>
      get<MapClusters>('/map/clusters', { ...filterQuery(filters), bbox: view!.bbox.map((v) => v.toFixed(6)).join(','), zoom: view!.zoom }, signal),
    enabled: !!view,
    placeholderData: keepPreviousData,
  });
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
