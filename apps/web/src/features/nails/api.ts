import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Campaign, NailAiring, NailCreateBody, NailDetail, NailKind, NailList, NailPlan, NailReportBody, NailStatus, Site } from '@anxun/contracts';
import { api, get, patch, post } from '../../app/api.ts';
import type { Page } from '../../app/api.ts';

export interface NailFilters {
  kind?: NailKind;
  status?: NailStatus;
  areaId?: string;
  departmentId?: string;
}

export const nailKeys = {
  all: ['nails'] as const,
  list: (campaignId: string, filters: NailFilters) => ['nails', 'list', campaignId, filters] as const,
  detail: (id: string) => ['nails', 'detail', id] as const,
  airing: (campaignId: string, month: string) => ['nails', 'airing', campaignId, month] as const,
};

/** The campaigns the viewer takes part in (the campaigns module's list), newest first. */
export function useCampaignOptions() {
  return useQuery({
    queryKey: ['campaigns', 'options'],
    queryFn: ({ signal }) => get<Page<Campaign>>('/campaigns', { pageSize: 200 }, signal),
    staleTime: 60_000,
  });
}

export function useNails(campaignId: string | undefined, filters: NailFilters) {
  return useQuery({
    queryKey: nailKeys.list(campaignId ?? '', filters),
    queryFn: ({ signal }) => get<NailList>(`/campaigns/${campaignId}/nails`, { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled: !!campaignId,
  });
}

export function useNail(id: string | undefined) {
  return useQuery({ queryKey: nailKeys.detail(id ?? ''), queryFn: ({ signal }) => get<NailDetail>(`/nails/${id}`, undefined, signal), enabled: !!id });
}

export function useNailAiring(campaignId: string | undefined, month: string) {
  return useQuery({
    queryKey: nailKeys.airing(campaignId ?? '', month),
    queryFn: ({ signal }) => get<NailAiring>(`/campaigns/${campaignId}/nails/airing`, { month }, signal),
    placeholderData: keepPreviousData,
    enabled: !!campaignId,
  });
}

/** Sites to link, searched by name within the viewer's scope. */
export function useSiteSearch(q: string) {
  return useQuery({
    queryKey: ['sites', 'nail-search', q],
    queryFn: ({ signal }) => get<Page<Site>>('/sites', { q, pageSize: 20 }, signal),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useCreateNail(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NailCreateBody) => post<NailDetail>(`/campaigns/${campaignId}/nails`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: nailKeys.all }),
  });
}

export type NailChange =
  | { kind: 'edit'; body: { title?: string; description?: string; plan?: NailPlan } }
  | { kind: 'sites'; siteIds: string[] }
  | { kind: 'departments'; departmentIds: string[] }
  | { kind: 'milestone'; title: string; dueOn: string }
  | { kind: 'complete'; milestoneId: string; doneOn?: string }
  | { kind: 'report'; body: NailReportBody };

function send(id: string, change: NailChange): Promise<NailDetail> {
  switch (change.kind) {
    case 'edit':
      return patch<NailDetail>(`/nails/${id}`, change.body);
    case 'sites':
      return api<NailDetail>(`/nails/${id}/sites`, { method: 'PUT', body: { siteIds: change.siteIds } });
    case 'departments':
      return api<NailDetail>(`/nails/${id}/departments`, { method: 'PUT', body: { departmentIds: change.departmentIds } });
    case 'milestone':
      return post<NailDetail>(`/nails/${id}/milestones`, { title: change.title, dueOn: change.dueOn });
    case 'complete':
      return post<NailDetail>(`/nails/${id}/milestones/${change.milestoneId}/complete`, change.doneOn ? { doneOn: change.doneOn } : {});
    case 'report':
      return post<NailDetail>(`/nails/${id}/updates`, change.body);
  }
}

/** Every write on a nail answers with the fresh detail, which replaces the cached one. */
export function useNailChange(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: NailChange) => send(id, change),
    onSuccess: (detail) => {
      queryClient.setQueryData(nailKeys.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: ['nails', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['nails', 'airing'] });
    },
  });
}
