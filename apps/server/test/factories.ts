import { randomUUID } from 'node:crypto';
import type { Role, SiteKind } from '@anxun/contracts';
import { usccCheckChar } from '@anxun/contracts';
import type { Executor } from '../src/platform/db/client.ts';
import { areas } from '../src/modules/areas/schema.ts';
import { departments, users, userScopes } from '../src/modules/users/schema.ts';
import { sites } from '../src/modules/sites/schema.ts';
import { checkItems, checklists, checklistVersions } from '../src/modules/checklists/schema.ts';
import { hashPassword } from '../src/platform/auth/password.ts';
import { TEST_PASSWORD } from './helpers.ts';

type AreaRow = typeof areas.$inferSelect;

export async function insertArea(db: Executor, parent: AreaRow | null, level: AreaRow['level'], code: string, name: string): Promise<AreaRow> {
  const [row] = await db
    .insert(areas)
    .values({ id: randomUUID(), parentId: parent?.id ?? null, level, code, name, path: `${parent?.path ?? '/'}${code}/`, centreLng: 120.5, centreLat: 30.2 })
    .returning();
  return row!;
}

/**
 * A district with one town and two villages (A and B), each with a grid and a micro-grid:
 * enough to put one thing inside a scope and its twin outside.
 */
export async function areaTree(db: Executor) {
  const district = await insertArea(db, null, 'district', '330109000000', '萧山区');
  const town = await insertArea(db, district, 'town', '330109118000', '瓜沥镇');
  const villageA = await insertArea(db, town, 'village', '330109118201', '东恩村');
  const villageB = await insertArea(db, town, 'village', '330109118202', '航民村');
  const gridA = await insertArea(db, villageA, 'grid', '330109118201-G01', '东恩村第一网格');
  const gridB = await insertArea(db, villageB, 'grid', '330109118202-G01', '航民村第一网格');
  const microA = await insertArea(db, gridA, 'micro_grid', '330109118201-G01-W01', '东恩村第一微网格');
  const microB = await insertArea(db, gridB, 'micro_grid', '330109118202-G01-W01', '航民村第一微网格');
  return { district, town, villageA, villageB, gridA, gridB, microA, microB };
}

let passwordHash: string | undefined;
let userSeq = 0;

export async function insertUser(db: Executor, roles: Role[], scopes: AreaRow[], extra: { username?: string; phone?: string; departmentId?: string } = {}) {
  passwordHash ??= await hashPassword(TEST_PASSWORD);
  userSeq += 1;
  const id = randomUUID();
  const username = extra.username ?? `${roles[0]}-${userSeq}`;
  await db.insert(users).values({ id, username, displayName: `测试${username}`, phone: extra.phone ?? null, passwordHash, roles, departmentId: extra.departmentId ?? null });
  if (scopes.length) await db.insert(userScopes).values(scopes.map((a) => ({ userId: id, areaId: a.id })));
  return { id, username };
}

export async function insertDepartment(db: Executor, code = 'fire', name = '消防') {
  const [row] = await db.insert(departments).values({ id: randomUUID(), code, name, nameEn: code }).returning();
  return row!;
}

let siteSeq = 0;

/** A valid credit code: 91330109 + 9 digits + the GB 32100 check character. */
export function creditCode(n: number): string {
  const first17 = `91330109${String(n).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
}

export async function insertSite(db: Executor, area: AreaRow, extra: Partial<typeof sites.$inferInsert> = {}) {
  siteSeq += 1;
  const [row] = await db
    .insert(sites)
    .values({
      id: randomUUID(),
      kind: 'enterprise' as SiteKind,
      name: `测试企业${siteSeq}有限公司`,
      address: `瓜沥镇测试路${siteSeq}号`,
      areaId: area.id,
      areaPath: area.path,
      phone: `1990000${String(siteSeq).padStart(4, '0')}`,
      lng: 120.5,
      lat: 30.2,
      ...extra,
    })
    .returning();
  return row!;
}

type ItemSpec = Partial<typeof checkItems.$inferInsert> & { code: string };

/** A department checklist with one published version holding the given items. */
export async function insertChecklist(db: Executor, departmentId: string, items: ItemSpec[], code = `CL-${departmentId.slice(0, 8)}`) {
  const checklistId = randomUUID();
  const versionId = randomUUID();
  await db.insert(checklists).values({ id: checklistId, departmentId, code, name: '测试检查表', nameEn: 'Test checklist' });
  await db.insert(checklistVersions).values({ id: versionId, checklistId, version: 1, status: 'published', publishedAt: new Date() });
  const rows = items.map((item, i) => ({
    id: randomUUID(),
    versionId,
    sort: i,
    text: `检查项 ${item.code}`,
    textEn: `Item ${item.code}`,
    domain: 'fire' as const,
    siteKinds: ['enterprise', 'street_shop', 'rental_housing', 'high_rise', 'other'] as SiteKind[],
    answerType: 'pass_fail' as const,
    defaultLevel: 'general' as const,
    legalBasis: '《中华人民共和国消防法》',
    defaultMode: 'deadline' as const,
    defaultDays: 5,
    ...item,
  }));
  await db.insert(checkItems).values(rows);
  return { checklistId, versionId, items: rows };
}
