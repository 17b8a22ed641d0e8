import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportPreview } from '@anxun/contracts';
import { api, get, post } from '../../app/api.ts';

export const TEMPLATE_URL = '/api/site-imports/template.xlsx';

const importKey = (id: string) => ['site-imports', id] as const;

export const isBusy = (preview: ImportPreview | undefined) => preview?.status === 'validating' || preview?.status === 'importing';

export function useImport(id: string | null) {
  return useQuery({
    queryKey: importKey(id ?? ''),
    queryFn: ({ signal }) => get<ImportPreview>(`/site-imports/${id}`, undefined, signal),
    enabled: !!id,
    refetchInterval: (query) => (isBusy(query.state.data) ? 500 : false),
    staleTime: 0,
  });
}

export function useUploadRoster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<ImportPreview>('/site-imports', { method: 'POST', body: form });
    },
    onSuccess: (preview) => queryClient.setQueryData(importKey(preview.importId), preview),
  });
}

export function useCommitImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => post<ImportPreview>(`/site-imports/${id}/commit`),
    onSuccess: (preview) => {
      queryClient.setQueryData(importKey(id), preview);
      void queryClient.invalidateQueries({ queryKey: ['sites'] });
      void queryClient.invalidateQueries({ queryKey: ['areas'] });
    },
  });
}
