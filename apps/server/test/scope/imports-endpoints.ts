import { ROLES, type Role } from '@anxun/contracts';
import type { EndpointCase } from './endpoints.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ROSTER_KEEPERS: Role[] = ['admin', 'command_centre', 'town', 'village'];
const OFFICIALS = ROLES.filter((r) => r !== 'party');

export const IMPORT_ENDPOINTS: EndpointCase[] = [
  { route: 'GET /api/sites/export.xlsx', kind: 'read', allowed: OFFICIALS, build: (f, s) => ({ method: 'GET', url: s === 'in' ? '/api/sites/export.xlsx' : `/api/sites/export.xlsx?areaId=${f.tree.villageB.id}` }), outStatus: 403 },
  {
    route: 'POST /api/site-imports',
    kind: 'write',
    allowed: ROSTER_KEEPERS,
    build: (f, s) => ({ method: 'POST', url: '/api/site-imports', file: { data: s === 'in' ? f.rosterIn : f.rosterOut, fileName: '名册.xlsx', type: XLSX } }),
    // An upload is recorded whatever its rows say; rows outside the scope are refused one by one in the report.
    outAudited: true,
    outStatus: 202,
  },
  { route: 'GET /api/site-imports/{id}', kind: 'read', allowed: ROLES, build: (f, s, _n, role) => ({ method: 'GET', url: `/api/site-imports/${s === 'in' ? f.importOf[role] : f.outsiderImport}` }), outStatus: 404 },
  { route: 'POST /api/site-imports/{id}/commit', kind: 'write', allowed: ROSTER_KEEPERS, build: (f, s, _n, role) => ({ method: 'POST', url: `/api/site-imports/${s === 'in' ? f.importOf[role] : f.outsiderImport}/commit` }), outStatus: 404 },
];
