import { ROLES } from '@anxun/contracts';
import type { EndpointCase } from './endpoints.ts';

/** Rankings are aired to every official whose area overlaps the campaign's; parties are refused. */
const OFFICIALS = ROLES.filter((r) => r !== 'party');

export const RANKING_ENDPOINTS: EndpointCase[] = [
  {
    route: 'GET /api/campaigns/{id}/rankings',
    kind: 'read',
    allowed: OFFICIALS,
    build: (f, s, n) => ({ method: 'GET', url: `/api/campaigns/${s === 'in' ? f.campaigns.a : f.campaigns.b}/rankings?unit=${n % 2 ? 'village' : 'squad'}` }),
    outStatus: 404,
  },
  {
    route: 'GET /api/campaigns/{id}/rankings/history',
    kind: 'read',
    allowed: OFFICIALS,
    build: (f, s) => ({ method: 'GET', url: `/api/campaigns/${s === 'in' ? f.campaigns.a : f.campaigns.b}/rankings/history?unit=village&from=2026-01-05&to=2026-01-31` }),
    outStatus: 404,
  },
];
