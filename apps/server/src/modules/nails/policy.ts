import type { Role } from '@anxun/contracts';
import type { Actor } from '../../platform/context.ts';
import { hasRole, pathInScope } from '../../platform/scope.ts';

export type NailAction = 'read' | 'create' | 'edit' | 'report' | 'reopen';

/** Those who fix the list of nails and their plans (一案一策), and may reopen a resolved one. */
export const NAIL_MANAGERS: readonly Role[] = ['admin', 'command_centre', 'town'];
/** Those who report progress and complete milestones: the managers and the responsible village or department. */
export const NAIL_REPORTERS: readonly Role[] = [...NAIL_MANAGERS, 'village', 'department'];

export interface NailScope {
  areaPath: string;
  departmentIds: readonly string[];
}

/**
 * The roles an actor holds toward one nail: a department official only for the nails their
 * department is responsible for, and the party role never (nails are the officials' business).
 */
export function nailRoles(actor: Actor, nail: NailScope): Role[] {
  return actor.roles.filter((r) => r !== 'party' && (r !== 'department' || (!!actor.departmentId && nail.departmentIds.includes(actor.departmentId))));
}

/** Every official in scope reads; supervisors and field staff only read. */
export function canNail(actor: Actor, action: NailAction, nail: NailScope): boolean {
  if (!pathInScope(actor, nail.areaPath)) return false;
  const roles = { roles: nailRoles(actor, nail) };
  switch (action) {
    case 'read':
      return roles.roles.length > 0;
    case 'create':
    case 'edit':
    case 'reopen':
      return hasRole(roles, NAIL_MANAGERS);
    case 'report':
      return hasRole(roles, NAIL_REPORTERS);
  }
}

/** What the UI may offer on one nail. */
export function nailAllowed(actor: Actor, nail: NailScope & { status: string }) {
  const can = (action: NailAction) => canNail(actor, action, nail);
  const open = nail.status !== 'resolved';
  return {
    edit: can('edit'),
    link: can('edit'),
    addMilestone: can('edit') && open,
    completeMilestone: can('report') && open,
    report: can('report') && (open || can('reopen')),
    reopen: can('reopen') && !open,
  };
}
