import type { Role } from '@anxun/contracts';
import type { Actor } from '../../platform/context.ts';
import { hasRole, pathInScope } from '../../platform/scope.ts';

export type SiteAction = 'read' | 'create' | 'update' | 'attach' | 'import' | 'export' | 'inspect' | 'photograph' | 'order';

/** Those who keep the site registry (一企一档) up to date in their own areas. */
const REGISTRARS: Role[] = ['admin', 'command_centre', 'town', 'village', 'squad_leader', 'inspector', 'grid_member'];
/** Bulk roster work is for the offices, not the field. */
const ROSTER_KEEPERS: Role[] = ['admin', 'command_centre', 'town', 'village'];
/** Those who visit sites and record findings (检查、复查). */
export const INSPECTORS: Role[] = ['admin', 'command_centre', 'department', 'town', 'village', 'squad_leader', 'inspector', 'grid_member'];
/** Those with enforcement powers: yellow cards and suspension orders. */
export const ENFORCERS: Role[] = ['admin', 'command_centre', 'department', 'town'];

export function canSite(actor: Actor, action: SiteAction, site: { areaPath: string; phone?: string | null }): boolean {
  // A party reads only the sites that list them as responsible; they change nothing here.
  if (hasRole(actor, ['party']) && actor.roles.length === 1) {
    return (action === 'read' || action === 'photograph') && !!actor.phone && site.phone === actor.phone;
  }
  if (!pathInScope(actor, site.areaPath)) return false;
  switch (action) {
    case 'read':
      return true;
    case 'export':
      return !hasRole(actor, ['party']) || actor.roles.length > 1;
    case 'create':
    case 'update':
    case 'attach':
      return hasRole(actor, REGISTRARS);
    case 'import':
      return hasRole(actor, ROSTER_KEEPERS);
    case 'inspect':
    case 'photograph':
      return hasRole(actor, INSPECTORS);
    case 'order':
      return hasRole(actor, ENFORCERS);
  }
}

export function siteAllowed(actor: Actor, site: { areaPath: string; phone?: string | null }) {
  return {
    update: canSite(actor, 'update', site),
    attach: canSite(actor, 'attach', site),
  };
}
