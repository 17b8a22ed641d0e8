import type { Actor } from '../../platform/context.ts';
import { hasRole, pathInScope } from '../../platform/scope.ts';

/** The one map is an officials' tool: a party sees their own sites in the archive, not the town's map. */
export const canMap = (actor: Actor) => !hasRole(actor, ['party']) || actor.roles.length > 1;

/** An area filter may name an area inside the scope, or one that contains it (then the scope still bounds it). */
export const areaTouchesScope = (actor: Actor, areaPath: string) => pathInScope(actor, areaPath) || actor.scopePaths.some((s) => s.startsWith(areaPath));
