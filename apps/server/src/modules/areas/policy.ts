import type { Actor } from '../../platform/context.ts';
import { hasRole, pathInScope } from '../../platform/scope.ts';

export type AreaAction = 'read' | 'create' | 'update';

/** Officials and field staff see the area tree of their scope; only admins and command centres shape it. */
export function canArea(actor: Actor, action: AreaAction, area: { path: string }): boolean {
  if (hasRole(actor, ['party'])) return false;
  if (!pathInScope(actor, area.path)) return false;
  if (action === 'read') return true;
  return hasRole(actor, ['admin', 'command_centre']);
}
