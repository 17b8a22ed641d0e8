import type { Role } from '@anxun/contracts';
import type { Actor } from '../../platform/context.ts';
import { hasRole, pathInScope } from '../../platform/scope.ts';

export type SiteOrderAction = 'yellow_card' | 'resolve_yellow_card' | 'suspend' | 'lift';

/**
 * Yellow cards and suspension orders are enforcement: the offices that answer for an area
 * (town, command centre) and the regulating departments, never the field staff who inspect.
 */
export const ORDER_ISSUERS: readonly Role[] = ['admin', 'command_centre', 'department', 'town'];

/** Whether the role may act at all; scope is checked too so a hidden site never leaks. */
export function canSiteOrder(actor: Actor, _action: SiteOrderAction, site: { areaPath: string }): boolean {
  // Every action needs the same authority today; the action is named so the rule can diverge.
  return pathInScope(actor, site.areaPath) && hasRole(actor, ORDER_ISSUERS);
}

export interface OrderState {
  suspended: boolean;
  openYellowCards: number;
}

/** What the UI may offer now: permission combined with the state (no lift without an order). */
export function siteOrdersAllowed(actor: Actor, site: { areaPath: string }, state: OrderState) {
  const can = (action: SiteOrderAction) => canSiteOrder(actor, action, site);
  return {
    yellowCard: can('yellow_card'),
    resolveYellowCard: can('resolve_yellow_card') && state.openYellowCards > 0,
    suspend: can('suspend') && !state.suspended,
    lift: can('lift') && state.suspended,
  };
}
