import { ROLES } from '@anxun/contracts';
import type { EndpointCase } from './endpoints.ts';

/** The daily briefing is read by whoever may read the campaign's rankings: every official whose area overlaps it. */
const OFFICIALS = ROLES.filter((r) => r !== 'party');
const DAY = '2026-01-20';

export const BRIEFING_ENDPOINTS: EndpointCase[] = [
  {
    route: 'GET /api/campaigns/{id}/briefings/{day}',
    kind: 'read',
    allowed: OFFICIALS,
    build: (f, s) => ({ method: 'GET', url: `/api/campaigns/${s === 'in' ? f.campaigns.a : f.campaigns.b}/briefings/${DAY}` }),
    outStatus: 404,
  },
  {
    route: 'GET /api/campaigns/{id}/briefings/{day}/pdf',
    kind: 'read',
    allowed: OFFICIALS,
    build: (f, s) => ({ method: 'GET', url: `/api/campaigns/${s === 'in' ? f.campaigns.a : f.campaigns.b}/briefings/${DAY}/pdf` }),
    outStatus: 404,
  },
];
