import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Campaign, RankingHistory, RankingUnitKind, RankingView } from '@anxun/contracts';
import { get } from '../../app/api.ts';
import type { Page } from '../../app/api.ts';

export type RankingPeriod = { kind: 'day'; day: string | undefined } | { kind: 'month'; month: string } | { kind: 'quarter'; quarter: string };

/** The campaigns the viewer may read (the campaigns module's list): rankings are aired to the same people. */
export function useRankingCampaigns() {
  return useQuery({
    queryKey: ['campaigns', 'options'],
    queryFn: ({ signal }) => get<Page<Campaign>>('/campaigns', { pageSize: 200 }, signal),
    staleTime: 60_000,
  });
}

export function useRanking(campaignId: string | undefined, unit: RankingUnitKind, period: RankingPeriod) {
  const query =
    period.kind === 'day' ? { unit, day: period.day } : period.kind === 'month' ? { unit, period: 'month', month: period.month } : { unit, period: 'quarter', quarter: period.quarter };
  return useQuery({
    queryKey: ['rankings', campaignId, query],
    queryFn: ({ signal }) => get<RankingView>(`/campaigns/${campaignId}/rankings`, query, signal),
    enabled: !!campaignId,
    placeholderData: keepPreviousData,
    // Today's ranking is counted live: refresh it now and then while the page is open.
    refetchInterval: period.kind === 'day' && !period.day ? 60_000 : false,
  });
}

export function useRankingHistory(campaignId: string | undefined, unit: RankingUnitKind, unitIds: readonly string[]) {
  return useQuery({
    queryKey: ['rankings', 'history', campaignId, unit, unitIds],
    queryFn: ({ signal }) => get<RankingHistory>(`/campaigns/${campaignId}/rankings/history`, { unit, unitIds: unitIds.join(',') }, signal),
    enabled: !!campaignId && unitIds.length > 0,
    placeholderData: keepPreviousData,
    // Missing days are being back-filled on the server: look again shortly.
    refetchInterval: (q) => ((q.state.data?.missingDays ?? 0) > 0 ? 3_000 : false),
  });
}
