import { useQuery } from '@tanstack/react-query';
import type { InspectionDetail } from '@anxun/contracts';
import { get } from '../../app/api.ts';

export const inspectionKeys = {
  detail: (id: string) => ['inspections', 'detail', id] as const,
};

export function useInspection(id: string | undefined) {
  return useQuery({
    queryKey: inspectionKeys.detail(id ?? ''),
    queryFn: ({ signal }) => get<InspectionDetail>(`/inspections/${id}`, undefined, signal),
    enabled: !!id,
  });
}
