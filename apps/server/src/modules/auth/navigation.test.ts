import { describe, expect, it } from 'vitest';
import type { Role } from '@anxun/contracts';
import { featureFlags } from './navigation.ts';
import { HAZARD_TRANSITIONS } from '../hazards/state-machine.ts';

const actor = (roles: Role[]) => ({ id: 'u', username: 'u', displayName: 'u', roles, departmentId: 'd', phone: null, scopePaths: ['/1/'] });

describe('featureFlags', () => {
  it('offers hazard bulk actions exactly to the roles that may reopen or cancel', () => {
    const allowed = new Set<Role>([...HAZARD_TRANSITIONS.reopen.roles, ...HAZARD_TRANSITIONS.cancel.roles]);
    for (const role of ['admin', 'command_centre', 'department', 'town', 'village', 'squad_leader', 'inspector', 'grid_member', 'party', 'supervisor'] as const) {
      expect(featureFlags(actor([role]))['hazards.bulk'], role).toBe(allowed.has(role));
    }
  });

  it('keeps the party to its own sites and hazards: no areas, users or checklists', () => {
    const flags = featureFlags(actor(['party']));
    expect(flags).toMatchObject({ areas: false, users: false, checklists: false, sites: true, hazards: true });
  });

  it('shows nails (拔钉除患) to every official and adding them to the command centre, town and admin', () => {
    for (const role of ['admin', 'command_centre', 'department', 'town', 'village', 'squad_leader', 'inspector', 'grid_member', 'party', 'supervisor'] as const) {
      const flags = featureFlags(actor([role]));
      expect(flags['nails'], role).toBe(role !== 'party');
      expect(flags['nails.manage'], role).toBe(['admin', 'command_centre', 'town'].includes(role));
    }
  });
});
