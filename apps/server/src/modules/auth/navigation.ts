import type { Actor } from '../../platform/context.ts';
import { hasRole } from '../../platform/scope.ts';
import { HAZARD_TRANSITIONS } from '../hazards/state-machine.ts';
import { NAIL_MANAGERS } from '../nails/policy.ts';

/** Which parts of the web app to show; each route still checks its own policy. */
export function featureFlags(actor: Actor): Record<string, boolean> {
  const official = !hasRole(actor, ['party']) || actor.roles.length > 1;
  return {
    areas: official,
    map: official,
    'areas.manage': hasRole(actor, ['admin', 'command_centre']),
    sites: true,
    'sites.create': hasRole(actor, ['admin', 'command_centre', 'town', 'village', 'squad_leader', 'inspector', 'grid_member']),
    'sites.import': hasRole(actor, ['admin', 'command_centre', 'town', 'village']),
    'sites.export': official,
    users: hasRole(actor, ['admin', 'command_centre']),
    checklists: official,
    // Department users edit only their own department's checklists; the API enforces which.
    'checklists.manage': hasRole(actor, ['admin', 'department']),
    // 驾驶舱: every official over their own scope; an inspected party never.
    dashboard: official,
    hazards: true,
    // A department's own queue of hazards under its checklist items.
    // Bulk actions are reopen and cancel: only roles that may take one get the selection column.
    'hazards.bulk': hasRole(actor, [...HAZARD_TRANSITIONS.reopen.roles, ...HAZARD_TRANSITIONS.cancel.roles]),
    'hazards.queue': hasRole(actor, ['department']) && !!actor.departmentId,
    'hazards.export': official,
    // 拔钉除患: every official reads the nails in scope (a department only its own); the API enforces which.
    nails: official,
    'nails.manage': hasRole(actor, NAIL_MANAGERS),
    // 排名晾晒: aired to every official (the API shows the campaigns whose area overlaps theirs).
    rankings: official,
    // 每日通报: read by whoever reads the rankings.
    briefings: official,
    // 专项行动: every official whose scope overlaps a campaign reads it; admins and command centres set it up.
    campaigns: official,
    'campaigns.manage': hasRole(actor, ['admin', 'command_centre']),
  };
}
