import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SiteOrdersView } from '@anxun/contracts';
import { get, post } from '../../app/api.ts';

export const siteOrderKeys = {
  orders: (siteId: string) => ['sites', 'orders', siteId] as const,
};

export function useSiteOrders(siteId: string | undefined) {
  return useQuery({
    queryKey: siteOrderKeys.orders(siteId ?? ''),
    queryFn: ({ signal }) => get<SiteOrdersView>(`/sites/${siteId}/orders`, undefined, signal),
    enabled: !!siteId,
  });
}

type OrderCall = { kind: 'yellowCard'; deadline: string; reason: string } | { kind: 'resolveYellowCard'; id: string } | { kind: 'suspend'; reason: string } | { kind: 'lift'; reason: string };

function call(siteId: string, order: OrderCall): Promise<SiteOrdersView> {
  switch (order.kind) {
    case 'yellowCard':
      return post(`/sites/${siteId}/yellow-cards`, { deadline: order.deadline, reason: order.reason });
    case 'resolveYellowCard':
      return post(`/yellow-cards/${order.id}/resolve`);
    case 'suspend':
      return post(`/sites/${siteId}/suspension`, { reason: order.reason });
    case 'lift':
      return post(`/sites/${siteId}/suspension/lift`, { reason: order.reason });
  }
}

/** 黄牌 / 停业 orders: each answers with the site's orders view; the site's colour may change too. */
export function useSiteOrder(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (order: OrderCall) => call(siteId, order),
    onSuccess: (view) => {
      queryClient.setQueryData(siteOrderKeys.orders(siteId), view);
      void queryClient.invalidateQueries({ queryKey: ['sites', 'detail', siteId] });
      void queryClient.invalidateQueries({ queryKey: ['sites', 'timeline', siteId] });
      void queryClient.invalidateQueries({ queryKey: ['sites', 'list'] });
    },
  });
}
