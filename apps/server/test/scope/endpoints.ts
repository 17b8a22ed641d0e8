import { ROLES, type Role } from '@anxun/contracts';
import { creditCode } from '../factories.ts';
import type { ScopeFixture } from './fixture.ts';

export type Side = 'in' | 'out';
export interface Request {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  multipart?: { kind: string; png: boolean };
}

/**
 * One row per API endpoint: how to aim it at something inside the actor's scope and at its twin
 * outside, which roles may use it, and how an out-of-scope call must be answered.
 */
export interface EndpointCase {
  route: string;
  kind: 'read' | 'list' | 'write';
  allowed: readonly Role[];
  build(f: ScopeFixture, side: Side, n: number): Request;
  /** For lists: the id that must never appear when aimed outside. */
  hiddenId?(f: ScopeFixture): string;
  outStatus?: number;
}

const ALL = ROLES;
const OFFICIALS = ROLES.filter((r) => r !== 'party');
const REGISTRARS: Role[] = ['admin', 'command_centre', 'town', 'village', 'squad_leader', 'inspector', 'grid_member'];
const MANAGERS: Role[] = ['admin', 'command_centre'];

const siteBody = (f: ScopeFixture, side: Side, n: number) => ({
  kind: 'street_shop',
  name: `范围测试商铺${side}${n}`,
  address: `范围测试路${n}号`,
  areaId: side === 'in' ? f.tree.microA.id : f.tree.microB.id,
  creditCode: creditCode(900000 + n),
});

export const ENDPOINTS: EndpointCase[] = [
  { route: 'GET /api/areas', kind: 'list', allowed: OFFICIALS, build: (f, s) => ({ method: 'GET', url: `/api/areas?parentId=${s === 'in' ? f.tree.villageA.id : f.tree.villageB.id}` }), outStatus: 404 },
  { route: 'GET /api/areas/{id}', kind: 'read', allowed: OFFICIALS, build: (f, s) => ({ method: 'GET', url: `/api/areas/${s === 'in' ? f.tree.gridA.id : f.tree.gridB.id}` }), outStatus: 404 },
  {
    route: 'POST /api/areas',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s, n) => ({ method: 'POST', url: '/api/areas', payload: { parentId: s === 'in' ? f.tree.gridA.id : f.tree.gridB.id, level: 'micro_grid', code: `SCOPE-${s}-${n}`, name: `范围测试微网格${n}` } }),
    outStatus: 404,
  },
  { route: 'PATCH /api/areas/{id}', kind: 'write', allowed: MANAGERS, build: (f, s) => ({ method: 'PATCH', url: `/api/areas/${s === 'in' ? f.tree.microA.id : f.tree.microB.id}`, payload: { name: s === 'in' ? '东恩村第一微网格' : '越权改名' } }), outStatus: 404 },
  { route: 'GET /api/sites', kind: 'list', allowed: ALL, build: (f, s) => ({ method: 'GET', url: s === 'in' ? '/api/sites?pageSize=200' : `/api/sites?pageSize=200&areaId=${f.tree.villageB.id}` }), hiddenId: (f) => f.siteB.id },
  { route: 'GET /api/sites/{id}', kind: 'read', allowed: ALL, build: (f, s) => ({ method: 'GET', url: `/api/sites/${s === 'in' ? f.siteA.id : f.siteB.id}` }), outStatus: 404 },
  { route: 'GET /api/sites/{id}/timeline', kind: 'read', allowed: ALL, build: (f, s) => ({ method: 'GET', url: `/api/sites/${s === 'in' ? f.siteA.id : f.siteB.id}/timeline` }), outStatus: 404 },
  { route: 'POST /api/sites', kind: 'write', allowed: REGISTRARS, build: (f, s, n) => ({ method: 'POST', url: '/api/sites', payload: siteBody(f, s, n) }), outStatus: 400 },
  { route: 'PATCH /api/sites/{id}', kind: 'write', allowed: REGISTRARS, build: (f, s) => ({ method: 'PATCH', url: `/api/sites/${s === 'in' ? f.siteA.id : f.siteB.id}`, payload: { industry: s === 'in' ? '五金' : '越权修改' } }), outStatus: 404 },
  { route: 'POST /api/sites/{id}/attachments', kind: 'write', allowed: REGISTRARS, build: (f, s) => ({ method: 'POST', url: `/api/sites/${s === 'in' ? f.siteA.id : f.siteB.id}/attachments`, multipart: { kind: 'photo', png: true } }), outStatus: 404 },
  { route: 'GET /api/files/sites/{siteId}/{name}', kind: 'read', allowed: ALL, build: (f, s) => ({ method: 'GET', url: s === 'in' ? f.fileA : f.fileB }), outStatus: 404 },
  { route: 'GET /api/users', kind: 'list', allowed: MANAGERS, build: () => ({ method: 'GET', url: '/api/users?pageSize=200' }), hiddenId: (f) => f.userB.id },
  {
    route: 'POST /api/users',
    kind: 'write',
    allowed: MANAGERS,
    build: (f, s, n) => ({ method: 'POST', url: '/api/users', payload: { username: `scope-${s}-${n}`, displayName: '范围测试', password: 'Passw0rd!x', roles: ['inspector'], scopeAreaIds: [s === 'in' ? f.tree.villageA.id : f.tree.villageB.id] } }),
    outStatus: 403,
  },
  { route: 'PATCH /api/users/{id}', kind: 'write', allowed: MANAGERS, build: (f, s) => ({ method: 'PATCH', url: `/api/users/${s === 'in' ? f.userA.id : f.userB.id}`, payload: { displayName: s === 'in' ? '村内检查员' : '越权改名' } }), outStatus: 404 },
  { route: 'GET /api/departments', kind: 'list', allowed: ALL, build: () => ({ method: 'GET', url: '/api/departments' }) },
];

/** Endpoints that act on the caller's own session, not on scoped data; covered by the auth tests. */
export const SELF_ENDPOINTS = [
  'GET /api/health',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'POST /api/auth/password',
  'POST /api/auth/party/code',
  'POST /api/auth/party/login',
];
