import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CombinedForm, HazardSummary, InspectionResult, InspectionSubmission, ReinspectionSubmission, Site, SiteDetail } from '@anxun/contracts';
import { get, post } from '../app/api.ts';
import type { Page } from '../app/api.ts';
import type { GpsFix } from './draft.ts';

/** A list row; `distanceM` when the server answers a `near` query with it. */
export type MobileSite = Site & { distanceM?: number | null };

export const mobileKeys = {
  near: (lng: number, lat: number) => ['m', 'sites', 'near', lng, lat] as const,
  list: (q: string) => ['m', 'sites', 'list', q] as const,
  site: (id: string) => ['m', 'site', id] as const,
  hazards: (siteId: string) => ['m', 'hazards', siteId] as const,
  form: (siteId: string) => ['m', 'form', siteId] as const,
};

const PAGE_SIZE = 20;

/** ~11 m steps, so GPS jitter does not refetch the list on every fix. */
const round4 = (value: number) => Math.round(value * 1e4) / 1e4;

export function useNearbySites(fix: GpsFix | null) {
  const lng = fix ? round4(fix.lng) : 0;
  const lat = fix ? round4(fix.lat) : 0;
  return useQuery({
    queryKey: mobileKeys.near(lng, lat),
    queryFn: ({ signal }) => get<Page<MobileSite>>('/sites', { near: `${lng},${lat}`, pageSize: 30 }, signal),
    enabled: !!fix,
    placeholderData: keepPreviousData,
  });
}

/** 全部 (q empty) and 搜索 share the paged list; the server limits it to the inspector's areas. */
export function useSiteList(q: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: mobileKeys.list(q),
    queryFn: ({ pageParam, signal }) => get<Page<MobileSite>>('/sites', { q: q || undefined, page: pageParam, pageSize: PAGE_SIZE }, signal),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.totalCapped || last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    enabled,
  });
}

export function useSite(id: string) {
  return useQuery({ queryKey: mobileKeys.site(id), queryFn: ({ signal }) => get<SiteDetail>(`/sites/${id}`, undefined, signal) });
}

/** Hazards still to fix (open) and those the party says are fixed (pending_review), oldest first. */
export function useOpenHazards(siteId: string) {
  return useQuery({
    queryKey: mobileKeys.hazards(siteId),
    queryFn: async ({ signal }) => {
      const [open, pending] = await Promise.all(
        (['open', 'pending_review'] as const).map((status) => get<Page<HazardSummary>>('/hazards', { siteId, status, pageSize: 200 }, signal)),
      );
      return [...open!.items, ...pending!.items].sort((a, b) => a.foundAt.localeCompare(b.foundAt));
    },
  });
}

export function useCombinedForm(siteId: string) {
  return useQuery({
    queryKey: mobileKeys.form(siteId),
    queryFn: ({ signal }) => get<CombinedForm>(`/sites/${siteId}/combined-form`, undefined, signal),
    // The published checklists change rarely; keep the form for the whole visit.
    staleTime: 30 * 60_000,
  });
}

function useAfterVisit(siteId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: mobileKeys.site(siteId) });
    void queryClient.invalidateQueries({ queryKey: mobileKeys.hazards(siteId) });
    void queryClient.invalidateQueries({ queryKey: ['m', 'sites'] });
    // The desktop pages cache under their own keys.
    void queryClient.invalidateQueries({ queryKey: ['sites'] });
  };
}

export function useSubmitInspection(siteId: string) {
  const refresh = useAfterVisit(siteId);
  return useMutation({ mutationFn: (body: InspectionSubmission) => post<InspectionResult>('/inspections', body), onSuccess: refresh });
}

export function useSubmitReinspection(siteId: string) {
  const refresh = useAfterVisit(siteId);
  return useMutation({ mutationFn: (body: ReinspectionSubmission) => post<InspectionResult>('/reinspections', body), onSuccess: refresh });
}
