import type { Actor } from '../../platform/context.ts';
import { hasRole } from '../../platform/scope.ts';

export type ChecklistAction = 'read' | 'edit';

/** A party (the inspected) is not an official; officials with a party role too still count. */
export const isOfficial = (actor: Pick<Actor, 'roles'>) => !hasRole(actor, ['party']) || actor.roles.length > 1;

/**
 * Checklists are not area-scoped: a department's items apply wherever it inspects. Any official
 * reads them; an admin edits all; a department user edits only its own department's checklists
 * ('edit' covers creating, drafting and publishing).
 */
export function canChecklist(actor: Actor, action: ChecklistAction, checklist: { departmentId: string }): boolean {
  if (action === 'read') return isOfficial(actor);
  if (hasRole(actor, ['admin'])) return true;
  return hasRole(actor, ['department']) && actor.departmentId !== null && actor.departmentId === checklist.departmentId;
}

export function checklistAllowed(actor: Actor, checklist: { departmentId: string }) {
  return { edit: canChecklist(actor, 'edit', checklist) };
}
