import type { Role } from '@anxun/contracts';
import { DEMO_PARTY_PHONE, demoStaffPhone } from './identity.ts';

export interface DemoDepartment {
  code: string;
  name: string;
  nameEn: string;
}

/** The departments that own checklist items in a combined inspection (综合查一次). */
export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  { code: 'fire', name: '消防', nameEn: 'Fire and Rescue' },
  { code: 'police', name: '公安', nameEn: 'Public Security' },
  { code: 'emergency', name: '应急管理', nameEn: 'Emergency Management' },
  { code: 'urban', name: '综合行政执法(城管)', nameEn: 'Urban Management and Law Enforcement' },
  { code: 'market', name: '市场监管', nameEn: 'Market Regulation' },
  { code: 'housing', name: '住建', nameEn: 'Housing and Construction' },
  { code: 'ecology', name: '生态环境', nameEn: 'Ecology and Environment' },
];

/** Which area a demo account answers for, resolved against the seeded tree. */
export type DemoScope = 'district' | 'town' | 'first_village' | 'first_grid' | 'none';

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  department: string | null;
  phone: string;
  scope: DemoScope;
  /** What the account is for, for the README. */
  note: string;
}

/** Every demo account, staff and the party alike, logs in with this password. */
export const DEMO_PASSWORD = 'Anxun@2026';

/** Party accounts are named after their phone, the name the SMS login looks them up by. */
export const DEMO_PARTY_USERNAME = `party-${DEMO_PARTY_PHONE}`;

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], department: null, phone: demoStaffPhone(1), scope: 'district', note: '萧山区 whole district' },
  { username: 'command', displayName: '瓜沥镇专班指挥部', roles: ['command_centre'], department: null, phone: demoStaffPhone(2), scope: 'town', note: '瓜沥镇 campaign command' },
  { username: 'dept-fire', displayName: '消防专管员 孔建华', roles: ['department'], department: 'fire', phone: demoStaffPhone(3), scope: 'town', note: 'fire department, 瓜沥镇' },
  { username: 'town', displayName: '瓜沥镇安全办 沈国平', roles: ['town'], department: null, phone: demoStaffPhone(4), scope: 'town', note: '瓜沥镇 official' },
  { username: 'village', displayName: '村社干部 来丽萍', roles: ['village'], department: null, phone: demoStaffPhone(5), scope: 'first_village', note: 'the first village/community' },
  { username: 'squad', displayName: '检查组长 俞伟', roles: ['squad_leader'], department: null, phone: demoStaffPhone(6), scope: 'town', note: 'squad leader, 瓜沥镇' },
  { username: 'inspector', displayName: '检查员 韩强', roles: ['inspector'], department: null, phone: demoStaffPhone(7), scope: 'first_village', note: 'inspector, the first village/community' },
  { username: 'grid', displayName: '网格员 施秀英', roles: ['grid_member'], department: null, phone: demoStaffPhone(8), scope: 'first_grid', note: 'grid member, the first grid' },
  { username: 'supervisor', displayName: '人大代表 高志明', roles: ['supervisor'], department: null, phone: demoStaffPhone(9), scope: 'town', note: 'read-only supervisor, 瓜沥镇' },
  { username: DEMO_PARTY_USERNAME, displayName: '当事人', roles: ['party'], department: null, phone: DEMO_PARTY_PHONE, scope: 'none', note: 'responsible person of the first site (SMS login with this phone works too)' },
];
