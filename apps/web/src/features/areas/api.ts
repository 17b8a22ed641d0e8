import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AREA_LEVELS } from '@anxun/contracts';
import type { Area, AreaBoundary, AreaLevel, LngLat } from '@anxun/contracts';
import { get, patch, post } from '../../app/api.ts';

export type AreaDetail = Area & { boundary: AreaBoundary | null };

export interface AreaCreateBody {
  parentId: string | null;
  level: AreaLevel;
  code: string;
  name: string;
  centre?: LngLat | null;
}

export interface AreaUpdateBody {
  name?: string;
  centre?: LngLat | null;
}

export const areaKeys = {
  all: ['areas'] as const,
  children: (parentId: string | null) => ['areas', 'children', parentId ?? 'roots'] as const,
  detail: (id: string) => ['areas', 'detail', id] as const,
};

export const fetchAreaChildren = (parentId: string | null, signal?: AbortSignal) =>
  get<Area[]>('/areas', parentId ? { parentId } : undefined, signal);

export const fetchArea = (id: string, signal?: AbortSignal) => get<AreaDetail>(`/areas/${id}`, undefined, signal);

export function nextLevel(level: AreaLevel): AreaLevel | null {
  return AREA_LEVELS[AREA_LEVELS.indexOf(level) + 1] ?? null;
}

export function useAreaDetail(id: string | null | undefined) {
  return useQuery({
    queryKey: areaKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchArea(id!, signal),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}

export function useCreateArea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AreaCreateBody) => post<AreaDetail>('/areas', body),
    onSuccess: (area) => {
      void queryClient.invalidateQueries({ queryKey: areaKeys.children(area.parentId) });
    },
  });
}

export function useUpdateArea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AreaUpdateBody }) => patch<AreaDetail>(`/areas/${id}`, body),
    onSuccess: (area) => {
      queryClient.setQueryData(areaKeys.detail(area.id), area);
      void queryClient.invalidateQueries({ queryKey: areaKeys.children(area.parentId) });
    },
  });
}
