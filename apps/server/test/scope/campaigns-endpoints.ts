import { ROLES, type Role } from '@anxun/contracts';
import type { EndpointCase } from './endpoints.ts';

const OFFICIALS = ROLES.filter((r) => r !== 'party');
/** campaigns/policy.ts CAMPAIGN_MANAGERS. */
const MANAGERS: Role[] = ['admin', 'command_centre'];

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
];
