import { ROLES, type Role } from '@anxun/contracts';
import { creditCode } from '../factories.ts';
import type { ScopeFixture } from './fixture.ts';
import { CLOSED_LOOP_ENDPOINTS } from './closed-loop-endpoints.ts';
import { DASHBOARD_ENDPOINTS } from './dashboard-endpoints.ts';
import { ORDER_ENDPOINTS } from './orders-endpoints.ts';
import { IMPORT_ENDPOINTS } from './imports-endpoints.ts';
import { EXPORT_ENDPOINTS } from './exports-endpoints.ts';
import { MAP_ENDPOINTS } from './map-endpoints.ts';
import { NAIL_ENDPOINTS } from './nails-endpoints.ts';
import { CAMPAIGN_ENDPOINTS } from './campaigns-endpoints.ts';
import { RANKING_ENDPOINTS } from './rankings-endpoints.ts';
import { BRIEFING_ENDPOINTS } from './briefings-endpoints.ts';

export type Side = 'in' | 'out';
export interface Request {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  payload?: unknown;
  multipart?: { kind: string; png: boolean };
  file?: { data: Buffer; fileName: string; type: string };
  /** A server-sent event stream: only the status is read, then the stream is dropped. */
  stream?: boolean;
}

/**
 * One row per API endpoint: how to aim it at something inside the actor's scope and at its twin
 * outside, which roles may use it, and how an out-of-scope call must be answered.
 */
export interface EndpointCase {
  route: string;
  kind: 'read' | 'list' | 'write';
  allowed: readonly Role[];
  build(f: ScopeFixture, side: Side, n: number, role: Role): Request;
  /** For lists: the id that must never appear when aimed outside. */
  hiddenId?(f: ScopeFixture): string;
  outStatus?: number;
  /** The out-of-scope call is still a recorded write (see the row's comment). */
  outAudited?: boolean;
}

const ALL = ROLES;
const OFFICIALS = ROLES.filter((r) => r !== 'party');
const REGISTRARS: Role[] = ['admin', 'command_centre', 'town', 'village', 'squad_leader', 'inspector', 'grid_member'];
const MANAGERS: Role[] = ['admin', 'command_centre'];

/**
 * Admins edit every checklist; a department user only its own department's, and the fixture's
 * department user belongs to none, so only the admin succeeds here.
 */
const CHECKLIST_EDITORS: Role[] = ['admin'];
const checklistItem = {
  code: 'SCOPE-001',
  text: '范围测试检查项',
  textEn: 'Scope test item',
  domain: 'fire',
  siteKinds: ['enterprise'],
  answerType: 'pass_fail',
  defaultLevel: 'general',
  legalBasis: '《中华人民共和国消防法》第二十八条',
  defaultMode: 'immediate',
};

const siteBody = (f: ScopeFixture, side: Side, n: number) => ({
  kind: 'street_shop',
  name: `范围测试商铺${side}${n}`,
  address: `范围测试路${n}号`,
  areaId: side === 'in' ? f.tree.microA.id : f.tree.microB.id,
  creditCode: creditCode(900000 + n),
});

const BASE_ENDPOINTS: EndpointCase[] = [
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
  // Checklists are not area-scoped: reads are 'list' rows (nothing to hide), writes aim "out" at a state
  // that must be refused (duplicate code, draft already there, no draft), since no out-of-scope twin exists.
  { route: 'GET /api/checklists', kind: 'list', allowed: OFFICIALS, build: () => ({ method: 'GET', url: '/api/checklists' }) },
  { route: 'GET /api/checklists/{id}/versions/{version}', kind: 'list', allowed: OFFICIALS, build: (f) => ({ method: 'GET', url: `/api/checklists/${f.checklist.checklistId}/versions/1` }) },
  {
    route: 'POST /api/checklists',
    kind: 'write',
    allowed: CHECKLIST_EDITORS,
    build: (f) => ({ method: 'POST', url: '/api/checklists', payload: { departmentId: f.checklistDepartment.id, code: 'SCOPE-NEW', name: '范围测试检查表', nameEn: 'Scope checklist' } }),
    outStatus: 409,
  },
  { route: 'POST /api/checklists/{id}/draft', kind: 'write', allowed: CHECKLIST_EDITORS, build: (f) => ({ method: 'POST', url: `/api/checklists/${f.checklist.checklistId}/draft` }), outStatus: 409 },
  {
    route: 'PUT /api/checklists/{id}/draft/items',
    kind: 'write',
    allowed: CHECKLIST_EDITORS,
    build: (f, s) => ({ method: 'PUT', url: `/api/checklists/${s === 'in' ? f.checklist.checklistId : f.checklistNoDraft.checklistId}/draft/items`, payload: { items: [checklistItem] } }),
    outStatus: 409,
  },
  { route: 'POST /api/checklists/{id}/publish', kind: 'write', allowed: CHECKLIST_EDITORS, build: (f) => ({ method: 'POST', url: `/api/checklists/${f.checklist.checklistId}/publish` }), outStatus: 409 },
  { route: 'GET /api/sites/{id}/combined-form', kind: 'read', allowed: OFFICIALS, build: (f, s) => ({ method: 'GET', url: `/api/sites/${s === 'in' ? f.siteA.id : f.siteB.id}/combined-form` }), outStatus: 404 },
];

export const ENDPOINTS: EndpointCase[] = [...BASE_ENDPOINTS, ...CLOSED_LOOP_ENDPOINTS, ...ORDER_ENDPOINTS, ...IMPORT_ENDPOINTS, ...CAMPAIGN_ENDPOINTS, ...RANKING_ENDPOINTS, ...NAIL_ENDPOINTS, ...MAP_ENDPOINTS, ...DASHBOARD_ENDPOINTS, ...EXPORT_ENDPOINTS, ...BRIEFING_ENDPOINTS];

/** Endpoints that act on the caller's own session, not on scoped data; covered by the auth tests. */
export const SELF_ENDPOINTS = [
  'GET /api/health',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'POST /api/auth/password',
  'POST /api/auth/party/code',
  'POST /api/auth/party/login',
  // The blank roster template, the same for everyone.
  'GET /api/site-imports/template.xlsx',
  // The progress of the caller's own export; another user's export id answers 404 (hazards/export.test.ts).
  'GET /api/exports/{id}/progress',
];
