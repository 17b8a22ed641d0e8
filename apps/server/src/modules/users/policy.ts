import type { Actor } from '../../platform/context.ts';
import { hasRole, pathInScope } from '../../platform/scope.ts';

export type UserAction = 'read' | 'create' | 'update';

/**
 * Admins and command centres manage accounts, and only accounts whose every scope lies inside
 * their own: nobody can hand out more reach than they hold.
 */
export function canUser(actor: Actor, _action: UserAction, target: { scopePaths: readonly string[] }): boolean {
  if (!hasRole(actor, ['admin', 'command_centre'])) return false;
  return target.scopePaths.length > 0 && target.scopePaths.every((p) => pathInScope(actor, p));
}
