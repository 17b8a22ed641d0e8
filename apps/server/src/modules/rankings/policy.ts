import type { Actor } from '../../platform/context.ts';
import { canReadCampaign } from '../campaigns/policy.ts';

/** Inspected parties are not shown rankings (403); every official role is. */
export const mayReadRankings = (actor: Pick<Actor, 'roles'>) => actor.roles.some((r) => r !== 'party');

/**
 * Rankings are aired (晾晒) to everyone who may read the campaign — every official whose area
 * overlaps the campaign's — and always in full: a village official sees every village of the town,
 * so they know where they stand. Only counts, rates and ranks are shown; no site or hazard of
 * another area is ever listed.
 */
export const campaignVisible = (actor: Actor, campaign: { areaPath: string }) => canReadCampaign(actor, campaign);
