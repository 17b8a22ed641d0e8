import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Attachment, AttachmentKind, Site, SiteDetail, SiteWriteBody, TimelineEvent } from '@anxun/contracts';
import { api, get, patch, post, toQueryString } from '../../app/api.ts';
import type { Page } from '../../app/api.ts';
import type { SiteFilters } from './useSiteFilters.ts';

export const siteKeys = {
  all: ['sites'] as const,
  list: (filters: SiteFilters) => ['sites', 'list', filters] as const,
  detail: (id: string) => ['sites', 'detail', id] as const,
  timeline: (id: string) => ['sites', 'timeline', id] as const,
};

export function useSites(filters: SiteFilters) {
  return useQuery({
    queryKey: siteKeys.list(filters),
    queryFn: ({ signal }) => get<Page<Site>>('/sites', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSite(id: string | undefined) {
  return useQuery({
    queryKey: siteKeys.detail(id ?? ''),
    queryFn: ({ signal }) => get<SiteDetail>(`/sites/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useTimeline(id: string, enabled = true) {
  return useQuery({
    queryKey: siteKeys.timeline(id),
    queryFn: ({ signal }) => get<TimelineEvent[]>(`/sites/${id}/timeline`, undefined, signal),
    enabled,
  });
}

/** The export honours the list's filters but not its paging. */
export function exportUrl(filters: SiteFilters): string {
  return `/api/sites/export.xlsx${toQueryString({ ...filters, page: undefined, pageSize: undefined })}`;
}

export function useSaveSite(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SiteWriteBody) => (id ? patch<SiteDetail>(`/sites/${id}`, body) : post<SiteDetail>('/sites', body)),
    onSuccess: (site) => {
      queryClient.setQueryData(siteKeys.detail(site.id), site);
      void queryClient.invalidateQueries({ queryKey: ['sites', 'list'] });
      void queryClient.invalidateQueries({ queryKey: siteKeys.timeline(site.id) });
    },
  });
}

export function useUploadAttachment(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: AttachmentKind; file: File }) => {
      // The server reads fields in order, so `kind` must precede the file part.
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file, file.name);
      return api<Attachment>(`/sites/${siteId}/attachments`, { method: 'POST', body: form });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: siteKeys.detail(siteId) });
      void queryClient.invalidateQueries({ queryKey: siteKeys.timeline(siteId) });
    },
  });
}
