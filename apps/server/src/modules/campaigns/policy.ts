import type { BatchSignoffRole, Role } from '@anxun/contracts';
import type { Actor } from '../../platform/context.ts';
import { hasRole, pathInScope } from '../../platform/scope.ts';
import { pathsIntersect } from './rules.ts';

/** Those who set a campaign up: its period, organisation, site assignment and targets. */
export const CAMPAIGN_MANAGERS: readonly Role[] = ['admin', 'command_centre'];
/** Those who may put an enterprise forward for a batch (三个一批). */
export const BATCH_PROPOSERS: readonly Role[] = ['admin', 'command_centre', 'village', 'squad_leader'];

/**
 * Who may sign for which duty: the village secretary is a village official, the liaison cadre
 * (联络干部) comes from the town's command centre or town office, the squad leader holds the
 * squad_leader role. A sign-off records a person, so admins (an office, not a signer) never sign.
 */
export const SIGNER_ROLES: Record<BatchSignoffRole, readonly Role[]> = {
  village_secretary: ['village'],
  liaison_cadre: ['command_centre', 'town'],
  squad_leader: ['squad_leader'],
};

const partyOnly = (actor: Actor) => hasRole(actor, ['party']) && actor.roles.length === 1;

/**
 * Every official whose scope overlaps the campaign's area reads it: the command centre and town of
 * a smaller area, the village, squad and inspector inside a bigger one. Supervisors read only;
 * inspected parties never see campaigns.
 */
export function canReadCampaign(actor: Actor, campaign: { areaPath: string }): boolean {
  if (partyOnly(actor)) return false;
  return actor.scopePaths.some((scope) => pathsIntersect(scope, campaign.areaPath));
}

/** Managing needs the whole campaign area inside the actor's scope. */
export function canManageCampaign(actor: Actor, campaign: { areaPath: string }): boolean {
  return hasRole(actor, CAMPAIGN_MANAGERS) && pathInScope(actor, campaign.areaPath);
}

export const canCreateCampaign = (actor: Actor) => hasRole(actor, CAMPAIGN_MANAGERS);

/** Proposing a batch for a site needs the site inside the proposer's own scope. */
export function canProposeBatch(actor: Actor, campaign: { areaPath: string }, site: { areaPath: string }): boolean {
  return hasRole(actor, BATCH_PROPOSERS) && canReadCampaign(actor, campaign) && pathInScope(actor, site.areaPath);
}

/**
 * Signing a duty needs the matching role and the site in scope. When the site's squad has leaders
 * linked to accounts, only those accounts sign as squad leader — the organisation names who leads.
 */
export function canSignAs(actor: Actor, role: BatchSignoffRole, site: { areaPath: string }, squadLeaderUserIds: readonly string[]): boolean {
  if (!hasRole(actor, SIGNER_ROLES[role]) || !pathInScope(actor, site.areaPath)) return false;
  if (role === 'squad_leader' && squadLeaderUserIds.length > 0) return squadLeaderUserIds.includes(actor.id);
  return true;
}

export function campaignAllowed(actor: Actor, campaign: { areaPath: string }) {
  const manage = canManageCampaign(actor, campaign);
  return { update: manage, organise: manage, assign: manage, plan: manage, propose: hasRole(actor, BATCH_PROPOSERS) };
}
