import { describe, expect, it } from 'vitest';
import { BATCH_SIGNOFF_ROLES, ROLES, type Role } from '@anxun/contracts';
import type { Actor } from '../../platform/context.ts';
import { canCreateCampaign, canManageCampaign, canProposeBatch, canReadCampaign, canSignAs, SIGNER_ROLES } from './policy.ts';

const DISTRICT = '/330109000000/';
const TOWN = `${DISTRICT}330109118000/`;
const VILLAGE = `${TOWN}330109118201/`;
const OTHER_VILLAGE = `${TOWN}330109118202/`;

const actor = (roles: Role[], scopePaths: string[], id = 'u1'): Actor => ({ id, username: 'x', displayName: 'x', roles, departmentId: null, phone: null, scopePaths });

describe('campaign policy', () => {
  it('lets every official whose scope overlaps the area read, never a party', () => {
    for (const role of ROLES) {
      const official = role !== 'party';
      expect(canReadCampaign(actor([role], [VILLAGE]), { areaPath: TOWN }), `${role} under a town campaign`).toBe(official);
      expect(canReadCampaign(actor([role], [TOWN]), { areaPath: VILLAGE }), `${role} over a village campaign`).toBe(official);
      expect(canReadCampaign(actor([role], [OTHER_VILLAGE]), { areaPath: VILLAGE }), `${role} beside it`).toBe(false);
    }
    expect(canReadCampaign(actor(['party', 'village'], [VILLAGE]), { areaPath: TOWN })).toBe(true);
    expect(canReadCampaign(actor(['town'], []), { areaPath: TOWN })).toBe(false);
  });

  it('lets only admins and command centres holding the whole area manage', () => {
    for (const role of ROLES) {
      const manager = role === 'admin' || role === 'command_centre';
      expect(canManageCampaign(actor([role], [TOWN]), { areaPath: VILLAGE }), role).toBe(manager);
      expect(canManageCampaign(actor([role], [VILLAGE]), { areaPath: TOWN }), role).toBe(false);
      expect(canCreateCampaign(actor([role], [TOWN])), role).toBe(manager);
    }
  });

  it('lets proposers act on sites in their own scope only', () => {
    const site = { areaPath: `${VILLAGE}G01/` };
    for (const role of ROLES) {
      const proposer = ['admin', 'command_centre', 'village', 'squad_leader'].includes(role);
      expect(canProposeBatch(actor([role], [VILLAGE]), { areaPath: TOWN }, site), role).toBe(proposer);
      expect(canProposeBatch(actor([role], [OTHER_VILLAGE]), { areaPath: TOWN }, site), role).toBe(false);
    }
  });

  it('matches each duty to its roles, and never lets an admin sign', () => {
    const site = { areaPath: VILLAGE };
    for (const duty of BATCH_SIGNOFF_ROLES) {
      for (const role of ROLES) {
        expect(canSignAs(actor([role], [TOWN]), duty, site, []), `${role} as ${duty}`).toBe(SIGNER_ROLES[duty].includes(role));
        expect(canSignAs(actor([role], [OTHER_VILLAGE]), duty, site, []), `${role} outside as ${duty}`).toBe(false);
      }
    }
    expect(Object.values(SIGNER_ROLES).flat()).not.toContain('admin');
  });

  it('lets only the linked leaders sign as squad leader when the squad names them', () => {
    const site = { areaPath: VILLAGE };
    expect(canSignAs(actor(['squad_leader'], [VILLAGE], 'lead'), 'squad_leader', site, ['lead'])).toBe(true);
    expect(canSignAs(actor(['squad_leader'], [VILLAGE], 'other'), 'squad_leader', site, ['lead'])).toBe(false);
    // The link names the squad leader only; the other duties keep the role rule.
    expect(canSignAs(actor(['village'], [VILLAGE], 'other'), 'village_secretary', site, ['lead'])).toBe(true);
  });
});
