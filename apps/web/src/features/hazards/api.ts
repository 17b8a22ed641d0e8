import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type {
  ExtensionDecisionBody,
  ExtensionRequestBody,
  HazardAction,
  HazardDetail,
  HazardLevel,
  HazardStatus,
  HazardSummary,
  PhotoRef,
  RectificationMode,
} from '@anxun/contracts';
import { api, get, post, toQueryString } from '../../app/api.ts';
import type { Page } from '../../app/api.ts';

/** GET /api/hazards query; `sort` is a hint the queue sends (deadline first). */
export interface HazardFilters {
  page: number;
  pageSize: number;
  q?: string;
  areaId?: string;
  siteId?: string;
  departmentId?: string;
  status?: HazardStatus;
  level?: HazardLevel;
  mode?: RectificationMode;
  overdue?: 'true' | 'false';
  deadlineFrom?: string;
  deadlineTo?: string;
  sort?: 'deadline';
}

export interface HazardActionRequest {
  action: HazardAction;
  reason?: string;
  /** Photo keys from POST /api/sites/:siteId/photos. */
  evidence?: string[];
  /** The version the viewer saw: a stale one is answered with 409. */
  version: number;
}

export const hazardKeys = {
  all: ['hazards'] as const,
  lists: ['hazards', 'list'] as const,
  list: (filters: HazardFilters) => ['hazards', 'list', filters] as const,
  detail: (id: string) => ['hazards', 'detail', id] as const,
};

export function useHazards(filters: HazardFilters, enabled = true) {
  return useQuery({
    queryKey: hazardKeys.list(filters),
    queryFn: ({ signal }) => get<Page<HazardSummary>>('/hazards', { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const fetchHazard = (id: string, signal?: AbortSignal) => get<HazardDetail>(`/hazards/${id}`, undefined, signal);

export function useHazard(id: string | undefined) {
  return useQuery({
    queryKey: hazardKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchHazard(id!, signal),
    enabled: !!id,
  });
}

export const postHazardAction = (id: string, body: HazardActionRequest) => post<HazardDetail>(`/hazards/${id}/actions`, body);

/** A hazard changed: its lists, its site's colour and orders, and the inspection that found it may all be stale. */
export function refreshAfterHazardChange(queryClient: QueryClient, hazard: HazardDetail | null, siteId?: string) {
  if (hazard) queryClient.setQueryData(hazardKeys.detail(hazard.id), hazard);
  void queryClient.invalidateQueries({ queryKey: hazardKeys.lists });
  const site = hazard?.siteId ?? siteId;
  if (site) {
    void queryClient.invalidateQueries({ queryKey: ['sites', 'detail', site] });
    void queryClient.invalidateQueries({ queryKey: ['sites', 'orders', site] });
    void queryClient.invalidateQueries({ queryKey: ['sites', 'timeline', site] });
  }
  if (hazard?.inspectionId) void queryClient.invalidateQueries({ queryKey: ['inspections', 'detail', hazard.inspectionId] });
}

export function useHazardAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HazardActionRequest) => postHazardAction(id, body),
    onSuccess: (hazard) => refreshAfterHazardChange(queryClient, hazard),
  });
}

export function useRequestExtension(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ExtensionRequestBody) => post<HazardDetail>(`/hazards/${id}/extensions`, body),
    onSuccess: (hazard) => refreshAfterHazardChange(queryClient, hazard),
  });
}

export function useDecideExtension(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ extensionId, ...body }: ExtensionDecisionBody & { extensionId: string }) =>
      post<HazardDetail>(`/hazards/${id}/extensions/${extensionId}/decision`, body),
    onSuccess: (hazard) => refreshAfterHazardChange(queryClient, hazard),
  });
}

/** Evidence photos are uploaded first and referenced by key in the action. */
export function uploadPhoto(siteId: string, file: File): Promise<PhotoRef> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<PhotoRef>(`/sites/${siteId}/photos`, { method: 'POST', body: form });
}

/** The ledger export honours the list's filters but not its paging or order; headers follow the interface language. */
export function ledgerExportUrl(filters: HazardFilters, language: string): string {
  return `/api/hazards/export.xlsx${toQueryString({ ...filters, page: undefined, pageSize: undefined, sort: undefined, lang: language === 'en' ? 'en' : undefined })}`;
}

export const noticePdfUrl = (noticeId: string) => `/api/notices/${noticeId}/pdf`;
