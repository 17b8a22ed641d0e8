import { ROLES, type Role } from '@anxun/contracts';
import type { EndpointCase } from './endpoints.ts';

/** Yellow cards and suspension orders: enforcement offices only (site-orders/policy.ts). */
const ISSUERS: Role[] = ['admin', 'command_centre', 'department', 'town'];

export const ORDER_ENDPOINTS: EndpointCase[] = [
  { route: 'GET /api/sites/{id}/orders', kind: 'read', allowed: ROLES, build: (f, s) => ({ method: 'GET', url: `/api/sites/${s === 'in' ? f.siteA.id : f.siteB.id}/orders` }), outStatus: 404 },
  {
    route: 'POST /api/sites/{id}/yellow-cards',
    kind: 'write',
    allowed: ISSUERS,
    build: (f, s) => ({ method: 'POST', url: `/api/sites/${s === 'in' ? f.siteA.id : f.siteB.id}/yellow-cards`, payload: { deadline: '2099-06-30', reason: '范围测试黄牌' } }),
    outStatus: 404,
  },
  {
    route: 'POST /api/yellow-cards/{id}/resolve',
    kind: 'write',
    allowed: ISSUERS,
    build: (f, s, n) => ({ method: 'POST', url: `/api/yellow-cards/${s === 'in' ? f.orders.cardA(n) : f.orders.cardB}/resolve` }),
    outStatus: 404,
  },
  {
    route: 'POST /api/sites/{id}/suspension',
    kind: 'write',
    allowed: ISSUERS,
    build: (f, s, n) => ({ method: 'POST', url: `/api/sites/${s === 'in' ? f.orders.suspendableA(n) : f.siteB.id}/suspension`, payload: { reason: '范围测试停业整改' } }),
    outStatus: 404,
  },
  {
    route: 'POST /api/sites/{id}/suspension/lift',
    kind: 'write',
    allowed: ISSUERS,
    build: (f, s, n) => ({ method: 'POST', url: `/api/sites/${s === 'in' ? f.orders.suspendedA(n) : f.siteB.id}/suspension/lift`, payload: { reason: '范围测试解除' } }),
    outStatus: 404,
  },
  { route: 'GET /api/notices/{id}/pdf', kind: 'read', allowed: ROLES, build: (f, s) => ({ method: 'GET', url: `/api/notices/${s === 'in' ? f.orders.noticeA : f.orders.noticeB}/pdf` }), outStatus: 404 },
];
