import type { Role } from '@anxun/contracts';
import type { Actor } from '../../platform/context.ts';
import { hasRole, pathInScope } from '../../platform/scope.ts';
import type { HazardActor } from './state-machine.ts';

export interface HazardScope {
  areaPath: string;
  departmentId: string;
  sitePhone: string | null;
}

const isOnlyParty = (actor: Actor) => hasRole(actor, ['party']) && actor.roles.length === 1;

/** Officials see hazards in their areas; a party sees those of the sites that name them. */
export function canReadHazard(actor: Actor, hazard: HazardScope): boolean {
  if (isOnlyParty(actor)) return !!actor.phone && hazard.sitePhone === actor.phone;
  return pathInScope(actor, hazard.areaPath);
}

/**
 * The roles an actor holds toward one hazard: a department official acts only on hazards of
 * their own department (each department answers for its own checklist items).
 */
export function hazardActor(actor: Actor, hazard: HazardScope): HazardActor {
  const roles: Role[] = actor.roles.filter((r) => r !== 'department' || actor.departmentId === hazard.departmentId);
  return { roles, isParty: hasRole(actor, ['party']) && !!actor.phone && hazard.sitePhone === actor.phone };
}
