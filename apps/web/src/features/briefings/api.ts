import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Briefing } from '@anxun/contracts';
import { get } from '../../app/api.ts';

export function useBriefing(campaignId: string | undefined, day: string | undefined) {
  return useQuery({
    queryKey: ['briefings', campaignId, day],
    queryFn: ({ signal }) => get<Briefing>(`/campaigns/${campaignId}/briefings/${day}`, undefined, signal),
    enabled: !!campaignId && !!day,
    placeholderData: keepPreviousData,
  });
}

/** The server renders the PDF (same figures); the browser downloads it with the session cookie. */
export const briefingPdfUrl = (campaignId: string, day: string) => `/api/campaigns/${campaignId}/briefings/${day}/pdf`;
