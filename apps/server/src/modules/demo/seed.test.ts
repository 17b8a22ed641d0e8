import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { ROLES } from '@anxun/contracts';
import { createTestDatabase } from '../../../test/database.ts';
import type { Database } from '../../platform/db/client.ts';
import { verifyPassword } from '../../platform/auth/password.ts';
import { isDatabaseEmpty, seedDemo, type SeedResult } from './seed.ts';
import { DEMO_PARTY_USERNAME, DEMO_PASSWORD, DEMO_USERS } from './accounts.ts';
import { DEMO_PARTY_PHONE } from './identity.ts';

describe('seedDemo (town scale)', () => {
  let database: Database;
  let result: SeedResult;
  const logs: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    expect(await isDatabaseEmpty(database.db)).toBe(true);
    result = await seedDemo(database, { scale: 'town', log: (line) => logs.push(line) });
  });
  afterAll(() => database?.close());

  const one = async <T>(query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows[0]!;

  it('inserts the planned rows', async () => {
    const counts = await one<Record<string, number>>(sql`select
      (select count(*)::int from areas) as areas, (select count(*)::int from sites) as sites,
      (select count(*)::int from departments) as departments, (select count(*)::int from users) as users,
      (select count(*)::int from user_scopes) as scopes, (select count(*)::int from sites where credit_code is not null) as firms`);
    expect(counts).toEqual({ areas: 194, sites: 2000, departments: 7, users: DEMO_USERS.length, scopes: DEMO_USERS.length - 1, firms: 230 });
    expect(result.sites).toBe(2000);
    expect(result.sitesByKind.enterprise).toBe(230);
    expect(await isDatabaseEmpty(database.db)).toBe(false);
    expect(logs.at(-1)).toMatch(/done/);
  });

  it('links every site to a micro-grid with the same path, and keeps the indexes', async () => {
    const bad = await one<{ n: number }>(sql`select count(*)::int as n from sites s join areas a on a.id = s.area_id
      where a.level <> 'micro_grid' or a.path <> s.area_path or s.colour <> 'grey'`);
    expect(bad.n).toBe(0);
    const orphans = await one<{ n: number }>(sql`select count(*)::int as n from areas c left join areas p on p.id = c.parent_id
      where c.parent_id is not null and (p.id is null or c.path <> p.path || c.code || '/')`);
    expect(orphans.n).toBe(0);
    const indexes = await one<{ n: number }>(sql`select count(*)::int as n from pg_indexes where tablename = 'sites'`);
    expect(indexes.n).toBeGreaterThanOrEqual(6);
  });

  it('stores flags as arrays and boundaries as GeoJSON', async () => {
    const row = await one<{ fif: number; ring: number }>(sql`select
      (select count(*)::int from sites where 'factory_in_factory' = any(flags)) as fif,
      (select jsonb_array_length(boundary->'coordinates'->0)::int from areas where level = 'micro_grid' limit 1) as ring`);
    expect(row.fif).toBe(60);
    expect(row.ring).toBeGreaterThanOrEqual(4);
  });

  it('creates the demo accounts with their scopes and one password', async () => {
    expect(new Set(DEMO_USERS.flatMap((u) => u.roles))).toEqual(new Set(ROLES));
    const admin = await one<{ hash: string; path: string }>(sql`select u.password_hash as hash, a.path from users u
      join user_scopes s on s.user_id = u.id join areas a on a.id = s.area_id where u.username = 'admin'`);
    expect(admin.path).toBe('/330109000000/');
    expect(await verifyPassword(admin.hash, DEMO_PASSWORD)).toBe(true);
    const fire = await one<{ code: string; level: string }>(sql`select d.code, a.level from users u join departments d on d.id = u.department_id
      join user_scopes s on s.user_id = u.id join areas a on a.id = s.area_id where u.username = 'dept-fire'`);
    expect(fire).toEqual({ code: 'fire', level: 'town' });
    const party = await one<{ name: string; owner: string }>(sql`select u.display_name as name,
      (select responsible_person from sites where phone = ${DEMO_PARTY_PHONE}) as owner from users u where u.username = ${DEMO_PARTY_USERNAME}`);
    expect(party.name).toBe(party.owner);
  });

  it('records one audit event for the seed', async () => {
    const event = await one<{ n: number; action: string; sites: number }>(sql`select count(*) over ()::int as n, action, (after->>'sites')::int as sites from audit_events`);
    expect(event).toEqual({ n: 1, action: 'demo.seeded', sites: 2000 });
  });

  it('refuses to seed a database that already has areas', async () => {
    await expect(seedDemo(database, { scale: 'town' })).rejects.toThrow(/already has rows/);
    const n = await one<{ n: number }>(sql`select count(*)::int as n from sites`);
    expect(n.n).toBe(2000);
  });
});
