import { ROLES } from '@anxun/contracts';
import type { EndpointCase } from './endpoints.ts';

const OFFICIALS = ROLES.filter((r) => r !== 'party');

/**
 * Streamed xlsx exports: an area outside the scope is refused as a whole (403), like the site
 * export; a campaign outside it is not found (404), like its rankings.
 */
export const EXPORT_ENDPOINTS: EndpointCase[] = [
  {
    route: 'GET /api/hazards/export.xlsx',
    kind: 'read',
    allowed: OFFICIALS,
    build: (f, s) => ({ method: 'GET', url: s === 'in' ? '/api/hazards/export.xlsx' : `/api/hazards/export.xlsx?areaId=${f.tree.villageB.id}` }),
    outStatus: 403,
  },
  {
    route: 'GET /api/campaigns/{id}/rankings/export.xlsx',
    kind: 'read',
    allowed: OFFICIALS,
    build: (f, s) => ({ method: 'GET', url: `/api/campaigns/${s === 'in' ? f.campaigns.a : f.campaigns.b}/rankings/export.xlsx?unit=village` }),
    outStatus: 404,
  },
];
