import { useSearchParams } from 'react-router';
import { toQueryString } from '../../app/api.ts';
import type { DashboardFilters } from './api.ts';

/** The campaign and area live in the URL, so a view can be bookmarked and opened on the big screen. */
export function useDashboardFilters(): [DashboardFilters, (next: DashboardFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = { campaignId: params.get('campaignId') ?? undefined, areaId: params.get('areaId') ?? undefined };
  return [filters, (next) => setParams(new URLSearchParams(toQueryString({ ...next }).slice(1)), { replace: true })];
}
