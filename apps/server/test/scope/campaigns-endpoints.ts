import { ROLES, type BatchSignoffRole, type Role } from '@anxun/contracts';
import type { EndpointCase } from './endpoints.ts';

const OFFICIALS = ROLES.filter((r) => r !== 'party');
/** campaigns/policy.ts CAMPAIGN_MANAGERS. */
const MANAGERS: Role[] = ['admin', 'command_centre'];
/** campaigns/policy.ts BATCH_PROPOSERS. */
const PROPOSERS: Role[] = ['admin', 'command_centre', 'village', 'squad_leader'];
/** campaigns/policy.ts SIGNER_ROLES: each signer signs for its own duty; admins never sign. */
const SIGNERS: Role[] = ['command_centre', 'town', 'village', 'squad_leader'];
const dutyOf = (role: Role): BatchSignoffRole => (role === 'squad_leader' ? 'squad_leader' : role === 'command_centre' || role === 'town' ? 'liaison_cadre' : 'village_secretary');

export const CAMPAIGN_ENDPOINTS: EndpointCase[] = [
  { route: 'GET /api/campaigns', kind: 'list', allowed: OFFICIALS, build: () => ({ method: 'GET', url: '/api/campaigns?pageSize=200' }), hiddenId: (f) => f.campaigns.b },
  {
    route: 'POST /api/campaigns',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s, n) => ({
      method: 'POST',
      url: '/api/campaigns',
      payload: { name: `范围测试新行动${n}`, areaId: s === 'in' ? f.tree.villageA.id : f.tree.villageB.id, startsOn: '2026-03-02', endsOn: '2026-04-30', siteKinds: ['enterprise'] },
    }),
    outStatus: 422,
  },
  { route: 'GET /api/campaigns/{id}', kind: 'read', allowed: OFFICIALS, build: (f, s) => ({ method: 'GET', url: `/api/campaigns/${s === 'in' ? f.campaigns.a : f.campaigns.b}` }), outStatus: 404 },
  {
    route: 'PATCH /api/campaigns/{id}',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s) => ({ method: 'PATCH', url: `/api/campaigns/${s === 'in' ? f.campaigns.a : f.campaigns.b}`, payload: { name: s === 'in' ? '范围测试行动A' : '越权改名' } }),
    outStatus: 404,
  },
  {
    route: 'POST /api/campaigns/{id}/units',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s, n) => ({ method: 'POST', url: `/api/campaigns/${s === 'in' ? f.campaigns.a : f.campaigns.b}/units`, payload: { kind: 'zone', name: `范围测试新片区${n}` } }),
    outStatus: 404,
  },
  {
    route: 'PATCH /api/campaign-units/{id}',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s) => ({ method: 'PATCH', url: `/api/campaign-units/${s === 'in' ? f.campaigns.zoneA : f.campaigns.zoneB}`, payload: { name: s === 'in' ? '范围测试片区' : '越权改名' } }),
    outStatus: 404,
  },
  {
    route: 'DELETE /api/campaign-units/{id}',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s, n) => ({ method: 'DELETE', url: `/api/campaign-units/${s === 'in' ? f.campaigns.workingGroupA(n) : f.campaigns.workingGroupB}` }),
    outStatus: 404,
  },
  {
    route: 'POST /api/campaign-units/{id}/members',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s, n) => ({ method: 'POST', url: `/api/campaign-units/${s === 'in' ? f.campaigns.squadA : f.campaigns.squadB}/members`, payload: { name: `范围测试新成员${n}` } }),
    outStatus: 404,
  },
  {
    route: 'PATCH /api/campaign-members/{id}',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s, n) => ({ method: 'PATCH', url: `/api/campaign-members/${s === 'in' ? f.campaigns.memberA : f.campaigns.memberB}`, payload: { duty: `联络员${n}` } }),
    outStatus: 404,
  },
  {
    route: 'DELETE /api/campaign-members/{id}',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s, n) => ({ method: 'DELETE', url: `/api/campaign-members/${s === 'in' ? f.campaigns.deletableMemberA(n) : f.campaigns.memberB}` }),
    outStatus: 404,
  },
  { route: 'GET /api/campaigns/{id}/sites', kind: 'read', allowed: OFFICIALS, build: (f, s) => ({ method: 'GET', url: `/api/campaigns/${s === 'in' ? f.campaigns.a : f.campaigns.b}/sites` }), outStatus: 404 },
  {
    route: 'POST /api/campaigns/{id}/assignments',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s, n) =>
      s === 'in'
        ? { method: 'POST', url: `/api/campaigns/${f.campaigns.a}/assignments`, payload: { unitId: f.campaigns.squadA, siteIds: [f.campaigns.assignedA(n)] } }
        : { method: 'POST', url: `/api/campaigns/${f.campaigns.b}/assignments`, payload: { unitId: f.campaigns.squadB, siteIds: [f.siteB.id] } },
    outStatus: 404,
  },
  {
    route: 'PUT /api/campaigns/{id}/sites/{siteId}',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s) =>
      s === 'in'
        ? { method: 'PUT', url: `/api/campaigns/${f.campaigns.a}/sites/${f.siteA.id}`, payload: { unitId: f.campaigns.squadA } }
        : { method: 'PUT', url: `/api/campaigns/${f.campaigns.b}/sites/${f.siteB.id}`, payload: { unitId: f.campaigns.squadB } },
    outStatus: 404,
  },
  {
    route: 'DELETE /api/campaigns/{id}/sites/{siteId}',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s, n) => ({ method: 'DELETE', url: s === 'in' ? `/api/campaigns/${f.campaigns.a}/sites/${f.campaigns.assignedA(n)}` : `/api/campaigns/${f.campaigns.b}/sites/${f.siteB.id}` }),
    outStatus: 404,
  },
  { route: 'GET /api/campaigns/{id}/targets', kind: 'read', allowed: OFFICIALS, build: (f, s) => ({ method: 'GET', url: `/api/campaigns/${s === 'in' ? f.campaigns.a : f.campaigns.b}/targets` }), outStatus: 404 },
  {
    route: 'POST /api/campaigns/{id}/targets/plan',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s) => ({ method: 'POST', url: `/api/campaigns/${s === 'in' ? f.campaigns.a : f.campaigns.b}/targets/plan`, payload: {} }),
    outStatus: 404,
  },
  {
    route: 'PUT /api/campaigns/{id}/targets',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s, n) => ({
      method: 'PUT',
      url: `/api/campaigns/${s === 'in' ? f.campaigns.a : f.campaigns.b}/targets`,
      payload: { squadId: s === 'in' ? f.campaigns.squadA : f.campaigns.squadB, weekStart: '2026-01-05', sitesInspected: n, hazardsClosed: 1 },
    }),
    outStatus: 404,
  },
  { route: 'GET /api/campaigns/{id}/batches', kind: 'read', allowed: OFFICIALS, build: (f, s) => ({ method: 'GET', url: `/api/campaigns/${s === 'in' ? f.campaigns.a : f.campaigns.b}/batches` }), outStatus: 404 },
  {
    route: 'POST /api/campaigns/{id}/batches',
    kind: 'write',
    allowed: PROPOSERS,
    build: (f, s) => ({
      method: 'POST',
      url: `/api/campaigns/${s === 'in' ? f.campaigns.a : f.campaigns.b}/batches`,
      payload: { siteId: s === 'in' ? f.siteA.id : f.siteB.id, batch: 'upgrade', reason: '范围测试提议' },
    }),
    outStatus: 404,
  },
  {
    route: 'POST /api/batch-decisions/{id}/signoffs',
    kind: 'write',
    allowed: SIGNERS,
    build: (f, s, n, role) => ({ method: 'POST', url: `/api/batch-decisions/${s === 'in' ? f.campaigns.decisionA(n) : f.campaigns.decisionB}/signoffs`, payload: { role: dutyOf(role), comment: '同意' } }),
    outStatus: 404,
  },
];
