import type { Actor } from '../../platform/context.ts';
import { hasRole, pathInScope } from '../../platform/scope.ts';

/** Every official reads the dashboard of their own scope (supervisors too: it only reads); a party never. */
export function canReadDashboard(actor: Actor): boolean {
  return actor.roles.some((role) => role !== 'party');
}

/**
 * A department user counts only the hazards of their own department (each department answers for
 * its own checklist items); '' = a department account with no department, which counts none.
 * null = no department restriction (the actor holds some area-wide role as well).
 */
export function hazardDepartment(actor: Actor): string | null {
  if (!hasRole(actor, ['department']) || actor.roles.some((r) => r !== 'department')) return null;
  return actor.departmentId ?? '';
}

/** An area to narrow to must lie inside the actor's scope. */
export const canNarrowTo = (actor: Actor, areaPath: string) => pathInScope(actor, areaPath);

