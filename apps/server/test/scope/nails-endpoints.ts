import { ROLES, type Role } from '@anxun/contracts';
import type { EndpointCase } from './endpoints.ts';
import { nailPlan } from '../nail-rows.ts';

/** Readers of a nail: every official in scope; the fixture's department user has no department, so it is linked to none. */
const READERS: Role[] = ROLES.filter((r) => r !== 'party' && r !== 'department');
/** Lists answer a department user too, with only its department's nails (none here). */
const LISTERS: Role[] = ROLES.filter((r) => r !== 'party');
const MANAGERS: Role[] = ['admin', 'command_centre', 'town'];
const REPORTERS: Role[] = [...MANAGERS, 'village'];

const month = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

export const NAIL_ENDPOINTS: EndpointCase[] = [
  // Out of scope for lists: the same campaign, whose nail B in village B must never appear.
  { route: 'GET /api/campaigns/{campaignId}/nails', kind: 'list', allowed: LISTERS, build: (f) => ({ method: 'GET', url: `/api/campaigns/${f.nails.campaignId}/nails` }), hiddenId: (f) => f.nails.nailB },
  {
    route: 'GET /api/campaigns/{campaignId}/nails/airing',
    kind: 'list',
    allowed: LISTERS,
    build: (f) => ({ method: 'GET', url: `/api/campaigns/${f.nails.campaignId}/nails/airing?month=${month()}` }),
    hiddenId: (f) => f.nails.nailB,
  },
  {
    route: 'POST /api/campaigns/{campaignId}/nails',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s, n) => ({
      method: 'POST',
      url: `/api/campaigns/${f.nails.campaignId}/nails`,
      payload: { kind: 'key', title: `范围测试钉${n}`, description: '范围测试', areaId: s === 'in' ? f.tree.villageA.id : f.tree.villageB.id, plan: nailPlan },
    }),
    outStatus: 400,
  },
  { route: 'GET /api/nails/{id}', kind: 'read', allowed: READERS, build: (f, s) => ({ method: 'GET', url: `/api/nails/${s === 'in' ? f.nails.nailA : f.nails.nailB}` }), outStatus: 404 },
  {
    route: 'PATCH /api/nails/{id}',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s) => ({ method: 'PATCH', url: `/api/nails/${s === 'in' ? f.nails.nailA : f.nails.nailB}`, payload: { title: s === 'in' ? '范围测试钉A' : '越权改名' } }),
    outStatus: 404,
  },
  {
    route: 'PUT /api/nails/{id}/sites',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s) => ({ method: 'PUT', url: `/api/nails/${s === 'in' ? f.nails.nailA : f.nails.nailB}/sites`, payload: { siteIds: [s === 'in' ? f.siteA.id : f.siteB.id] } }),
    outStatus: 404,
  },
  {
    route: 'PUT /api/nails/{id}/departments',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s) => ({ method: 'PUT', url: `/api/nails/${s === 'in' ? f.nails.nailA : f.nails.nailB}/departments`, payload: { departmentIds: [f.checklistDepartment.id] } }),
    outStatus: 404,
  },
  {
    route: 'POST /api/nails/{id}/milestones',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s, n) => ({ method: 'POST', url: `/api/nails/${s === 'in' ? f.nails.nailA : f.nails.nailB}/milestones`, payload: { title: `范围测试新节点${n}`, dueOn: '2099-06-30' } }),
    outStatus: 404,
  },
  {
    route: 'POST /api/nails/{id}/milestones/{milestoneId}/complete',
    kind: 'write',
    allowed: REPORTERS,
    build: (f, s, n) => ({
      method: 'POST',
      url: s === 'in' ? `/api/nails/${f.nails.nailA}/milestones/${f.nails.milestoneA(n)}/complete` : `/api/nails/${f.nails.nailB}/milestones/${f.nails.milestoneB}/complete`,
      payload: {},
    }),
    outStatus: 404,
  },
  {
    route: 'POST /api/nails/{id}/updates',
    kind: 'write',
    allowed: REPORTERS,
    build: (f, s) => ({ method: 'POST', url: `/api/nails/${s === 'in' ? f.nails.nailA : f.nails.nailB}/updates`, payload: { progress: 10, status: 'in_progress', note: '范围测试进展' } }),
    outStatus: 404,
  },
];
