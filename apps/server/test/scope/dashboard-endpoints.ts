import { ROLES, type Role } from '@anxun/contracts';
import type { EndpointCase, Side } from './endpoints.ts';
import type { ScopeFixture } from './fixture.ts';

/** Every official reads the dashboard of their own scope; a party never (dashboard/policy.ts). */
const OFFICIALS: Role[] = ROLES.filter((r) => r !== 'party');

/** Aimed at an area: the actor's own village, or the twin village outside, which must not exist for them. */
const at = (path: string, extra = '') => (f: ScopeFixture, s: Side) => ({ method: 'GET' as const, url: `/api/dashboard${path}?areaId=${s === 'in' ? f.tree.villageA.id : f.tree.villageB.id}${extra}` });

export const DASHBOARD_ENDPOINTS: EndpointCase[] = [
  { route: 'GET /api/dashboard', kind: 'read', allowed: OFFICIALS, build: at(''), outStatus: 404 },
  { route: 'GET /api/dashboard/trend', kind: 'read', allowed: OFFICIALS, build: at('/trend', '&days=7'), outStatus: 404 },
  { route: 'GET /api/dashboard/breakdowns', kind: 'read', allowed: OFFICIALS, build: at('/breakdowns', '&by=village'), outStatus: 404 },
  { route: 'GET /api/dashboard/overdue', kind: 'read', allowed: OFFICIALS, build: at('/overdue'), outStatus: 404 },
  { route: 'GET /api/dashboard/activity', kind: 'read', allowed: OFFICIALS, build: at('/activity'), outStatus: 404 },
  // A live stream: answered 200 and left open inside the scope, refused before it opens outside.
  { route: 'GET /api/dashboard/events', kind: 'read', allowed: OFFICIALS, build: (f, s) => ({ ...at('/events')(f, s), stream: true }), outStatus: 404 },
];
