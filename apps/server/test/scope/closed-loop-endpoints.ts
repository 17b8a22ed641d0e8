import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '@anxun/contracts';
import type { EndpointCase } from './endpoints.ts';

const ALL = ROLES;
const INSPECTORS: Role[] = ['admin', 'command_centre', 'department', 'town', 'village', 'squad_leader', 'inspector', 'grid_member'];
/** Verifying a fix: inspection staff and officials; the scope test's department user owns no hazard's department. */
const REVIEWERS: Role[] = ['admin', 'command_centre', 'town', 'squad_leader', 'inspector'];
const EXTENSION_REQUESTERS: Role[] = ['admin', 'command_centre', 'town', 'village', 'squad_leader', 'inspector', 'grid_member', 'party'];
const EXTENSION_DECIDERS: Role[] = ['admin', 'command_centre', 'town'];

const now = () => new Date().toISOString();

export const CLOSED_LOOP_ENDPOINTS: EndpointCase[] = [
  {
    route: 'POST /api/sites/{id}/photos',
    kind: 'write',
    allowed: [...INSPECTORS, 'party'],
    build: (f, s) => ({ method: 'POST', url: `/api/sites/${s === 'in' ? f.siteA.id : f.siteB.id}/photos`, multipart: { kind: 'photo', png: true } }),
    outStatus: 404,
  },
  {
    route: 'POST /api/inspections',
    kind: 'write',
    allowed: INSPECTORS,
    build: (f, s) => {
      const loop = s === 'in' ? f.loopA : f.loopB;
      return {
        method: 'POST',
        url: '/api/inspections',
        payload: {
          id: randomUUID(),
          siteId: s === 'in' ? f.siteA.id : f.siteB.id,
          startedAt: now(),
          endedAt: now(),
          gps: null,
          answers: f.requiredItemIds.map((checkItemId) => ({ checkItemId, result: 'pass' })),
          signature: { imageKey: loop.photoKey, signerName: '测试', signerPhone: '13905710000', signedAt: now() },
        },
      };
    },
    outStatus: 404,
  },
  {
    route: 'POST /api/reinspections',
    kind: 'write',
    allowed: REVIEWERS,
    build: (f, s) => {
      const loop = s === 'in' ? f.loopA : f.loopB;
      return { method: 'POST', url: '/api/reinspections', payload: { id: randomUUID(), siteId: s === 'in' ? f.siteA.id : f.siteB.id, startedAt: now(), endedAt: now(), gps: null, results: [{ hazardId: loop.hazardId, fixed: false, note: '仍未整改' }] } };
    },
    outStatus: 404,
  },
  { route: 'GET /api/sites/{id}/sms', kind: 'read', allowed: ALL, build: (f, s) => ({ method: 'GET', url: `/api/sites/${s === 'in' ? f.siteA.id : f.siteB.id}/sms` }), outStatus: 404 },
  { route: 'GET /api/inspections/{id}', kind: 'read', allowed: ALL, build: (f, s) => ({ method: 'GET', url: `/api/inspections/${(s === 'in' ? f.loopA : f.loopB).inspectionId}` }), outStatus: 404 },
  { route: 'GET /api/hazards', kind: 'list', allowed: ALL, build: (f, s) => ({ method: 'GET', url: s === 'in' ? '/api/hazards?pageSize=200' : `/api/hazards?pageSize=200&siteId=${f.siteB.id}` }), hiddenId: (f) => f.loopB.hazardId },
  { route: 'GET /api/hazards/{id}', kind: 'read', allowed: ALL, build: (f, s) => ({ method: 'GET', url: `/api/hazards/${(s === 'in' ? f.loopA : f.loopB).hazardId}` }), outStatus: 404 },
  {
    route: 'POST /api/hazards/{id}/actions',
    kind: 'write',
    allowed: REVIEWERS,
    build: (f, s) => ({ method: 'POST', url: `/api/hazards/${(s === 'in' ? f.loopA : f.loopB).hazardId}/actions`, payload: { action: 'reinspect_not_fixed', reason: '仍未整改' } }),
    outStatus: 404,
  },
  {
    route: 'POST /api/hazards/{id}/extensions',
    kind: 'write',
    allowed: EXTENSION_REQUESTERS,
    build: (f, s, n) => ({ method: 'POST', url: `/api/hazards/${(s === 'in' ? f.loopA : f.loopB).freshHazard(n)}/extensions`, payload: { newDeadline: '2099-12-31', reason: '需采购材料' } }),
    outStatus: 404,
  },
  {
    route: 'POST /api/hazards/{id}/extensions/{extensionId}/decision',
    kind: 'write',
    allowed: EXTENSION_DECIDERS,
    build: (f, s, n) => {
      const { hazardId, extensionId } = (s === 'in' ? f.loopA : f.loopB).pendingExtension(n);
      return { method: 'POST', url: `/api/hazards/${hazardId}/extensions/${extensionId}/decision`, payload: { approve: true } };
    },
    outStatus: 404,
  },
];
