import { ROLES } from '@anxun/contracts';
import type { EndpointCase } from './endpoints.ts';

/** The one map is for officials; every answer is bounded by the viewer's scope (modules/map/policy.ts). */
const OFFICIALS = ROLES.filter((r) => r !== 'party');
/** Both fixture sites stand at the factory's default point (120.5, 30.2). */
const VIEW = 'bbox=120.49,30.19,120.51,30.21&zoom=17';

export const MAP_ENDPOINTS: EndpointCase[] = [
  { route: 'GET /api/map/config', kind: 'list', allowed: OFFICIALS, build: () => ({ method: 'GET', url: '/api/map/config' }) },
  { route: 'GET /api/map/options', kind: 'list', allowed: OFFICIALS, build: () => ({ method: 'GET', url: '/api/map/options' }) },
  // "out" aims the area filter at village B: 404, and site B is never counted or named either way.
  {
    route: 'GET /api/map/clusters',
    kind: 'read',
    allowed: OFFICIALS,
    build: (f, s) => ({ method: 'GET', url: s === 'in' ? `/api/map/clusters?${VIEW}` : `/api/map/clusters?${VIEW}&areaId=${f.tree.villageB.id}` }),
    outStatus: 404,
  },
  { route: 'GET /api/map/areas', kind: 'list', allowed: OFFICIALS, build: () => ({ method: 'GET', url: `/api/map/areas?${VIEW}` }), hiddenId: (f) => f.tree.villageB.id },
  { route: 'GET /api/map/sites/{id}', kind: 'read', allowed: OFFICIALS, build: (f, s) => ({ method: 'GET', url: `/api/map/sites/${s === 'in' ? f.siteA.id : f.siteB.id}` }), outStatus: 404 },
  // A short-lived stream: it ends by itself so the test can read it; no colour changes happen meanwhile.
  { route: 'GET /api/map/events', kind: 'list', allowed: OFFICIALS, build: () => ({ method: 'GET', url: '/api/map/events?maxSeconds=0.1' }), hiddenId: (f) => f.siteB.id },
];
