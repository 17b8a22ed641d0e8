import { useEffect } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BreakdownKind, Campaign, Dashboard, DashboardActivity, DashboardBreakdown, DashboardOverdue, DashboardTrend } from '@anxun/contracts';
import { get, toQueryString } from '../../app/api.ts';
import type { Page } from '../../app/api.ts';

/** What every dashboard figure is narrowed to (both optional: the viewer's whole scope). */
export interface DashboardFilters {
  campaignId?: string;
  areaId?: string;
}

export const dashboardKeys = {
  all: ['dashboard'] as const,
  summary: (f: DashboardFilters) => ['dashboard', 'summary', f] as const,
  trend: (f: DashboardFilters, days: number) => ['dashboard', 'trend', f, days] as const,
  breakdown: (f: DashboardFilters, by: BreakdownKind) => ['dashboard', 'breakdown', f, by] as const,
  overdue: (f: DashboardFilters, limit: number) => ['dashboard', 'overdue', f, limit] as const,
  activity: (f: DashboardFilters, limit: number) => ['dashboard', 'activity', f, limit] as const,
};

const options = { placeholderData: keepPreviousData, refetchOnWindowFocus: false } as const;

export const useDashboard = (f: DashboardFilters) =>
  useQuery({ queryKey: dashboardKeys.summary(f), queryFn: ({ signal }) => get<Dashboard>('/dashboard', { ...f }, signal), ...options });

export const useTrend = (f: DashboardFilters, days = 30) =>
  useQuery({ queryKey: dashboardKeys.trend(f, days), queryFn: ({ signal }) => get<DashboardTrend>('/dashboard/trend', { ...f, days }, signal), ...options });

export const useBreakdown = (f: DashboardFilters, by: BreakdownKind) =>
  useQuery({ queryKey: dashboardKeys.breakdown(f, by), queryFn: ({ signal }) => get<DashboardBreakdown>('/dashboard/breakdowns', { ...f, by }, signal), ...options });

export const useOverdue = (f: DashboardFilters, limit = 10) =>
  useQuery({ queryKey: dashboardKeys.overdue(f, limit), queryFn: ({ signal }) => get<DashboardOverdue>('/dashboard/overdue', { ...f, limit }, signal), ...options });

export const useActivity = (f: DashboardFilters, limit = 50) =>
  useQuery({ queryKey: dashboardKeys.activity(f, limit), queryFn: ({ signal }) => get<DashboardActivity>('/dashboard/activity', { ...f, limit }, signal), ...options });

/** The campaigns the viewer can narrow to (the server lists only those overlapping their scope). */
export const useCampaignChoices = () =>
  useQuery({ queryKey: ['campaigns', 'list', 'dashboard'], queryFn: ({ signal }) => get<Page<Campaign>>('/campaigns', { pageSize: 100 }, signal), staleTime: 5 * 60_000 });

/**
 * Live refresh: the server pushes "changed" when something in the viewer's scope changes (debounced
 * there), and every dashboard query is refetched. EventSource reconnects by itself; `fallbackMs`
 * also refetches on a timer, so a wall screen recovers from a dropped connection and the day rolls over.
 */
export function useDashboardLive(f: DashboardFilters, fallbackMs = 5 * 60_000) {
  const queryClient = useQueryClient();
  const query = toQueryString({ ...f });
  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
    const source = new EventSource(`/api/dashboard/events${query}`);
    source.addEventListener('changed', refresh);
    const timer = window.setInterval(refresh, fallbackMs);
    return () => {
      source.close();
      window.clearInterval(timer);
    };
  }, [queryClient, query, fallbackMs]);
}
