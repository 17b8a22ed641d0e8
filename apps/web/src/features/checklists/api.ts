import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckItem, ChecklistSummary, ChecklistVersion } from '@anxun/contracts';
import { api, get, post } from '../../app/api.ts';

/** One item as the editor holds it: the stored fields without id and order (the list order is the order). */
export type EditableItem = Omit<CheckItem, 'id' | 'sort'>;

export interface ChecklistCreateInput {
  departmentId: string;
  code: string;
  name: string;
  nameEn: string;
}

const keys = {
  all: ['checklists'] as const,
  list: ['checklists', 'list'] as const,
  version: (id: string, version: number) => ['checklists', 'version', id, version] as const,
};

export function useChecklists() {
  return useQuery({ queryKey: keys.list, queryFn: ({ signal }) => get<ChecklistSummary[]>('/checklists', undefined, signal) });
}

export function useChecklistVersion(id: string | undefined, version: number | null) {
  return useQuery({
    queryKey: keys.version(id ?? '', version ?? 0),
    queryFn: ({ signal }) => get<ChecklistVersion>(`/checklists/${id}/versions/${version}`, undefined, signal),
    enabled: !!id && !!version,
  });
}

export const toEditable = (items: readonly CheckItem[]): EditableItem[] => items.map(({ id: _id, sort: _sort, ...fields }) => fields);

/** Every write changes the summary (versions, counts) and possibly a version; refetch the lot. */
function useChecklistMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }) });
}

export const useCreateChecklist = () => useChecklistMutation((body: ChecklistCreateInput) => post<ChecklistSummary>('/checklists', body));
export const useCreateDraft = (id: string) => useChecklistMutation(() => post<ChecklistVersion>(`/checklists/${id}/draft`));
export const useSaveDraft = (id: string) =>
  useChecklistMutation((items: EditableItem[]) => api<ChecklistVersion>(`/checklists/${id}/draft/items`, { method: 'PUT', body: { items } }));
export const usePublish = (id: string) => useChecklistMutation(() => post<ChecklistVersion>(`/checklists/${id}/publish`));
