import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { ROLES } from '@anxun/contracts';
import { createTestDatabase } from '../../../test/database.ts';
import type { Database } from '../../platform/db/client.ts';
import { verifyPassword } from '../../platform/auth/password.ts';
import { isDatabaseEmpty, seedDemo, type SeedResult } from './seed.ts';
import { DEMO_PARTY_USERNAME, DEMO_PASSWORD, DEMO_USERS } from './accounts.ts';
import { DEMO_PARTY_PHONE } from './identity.ts';
import { loadConfig } from '../../platform/config.ts';
import { createStorage } from '../../platform/storage/index.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { DEMO_CAMPAIGN_DAYS, seedDemoCampaign } from '../simulation/demo.ts';
import { addDays } from '../simulation/plan.ts';

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

describe('the demo campaign (town scale)', () => {
  let database: Database;
  let dataDir: string;
  const today = shanghaiDate();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxun-demo-'));
    await seedDemo(database, { scale: 'town' });
    // A small share of the visits keeps the test short; the organisation, nails and history are whole.
    await seedDemoCampaign(database, createStorage(loadConfig({ DATA_DIR: dataDir } as NodeJS.ProcessEnv)), { fraction: 0.04, today });
  }, 600_000);
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const one = async <T>(query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows[0]!;

  it('runs a campaign with its organisation, assignments and weekly targets', async () => {
    const c = await one<Record<string, unknown>>(sql`select c.starts_on::text as starts, (c.ends_on > ${today}::date) as running,
      (select count(*)::int from campaign_units u where u.campaign_id = c.id and u.kind = 'zone') as zones,
      (select count(*)::int from campaign_units u where u.campaign_id = c.id and u.kind = 'squad') as squads,
      (select count(*)::int from campaign_units u where u.campaign_id = c.id and u.kind = 'village_team') as teams,
      (select count(*)::int from campaign_members m join campaign_units u on u.id = m.unit_id where u.campaign_id = c.id) as members,
      (select count(*)::int from campaign_sites s where s.campaign_id = c.id) as assigned,
      (select count(*)::int from squad_targets t where t.campaign_id = c.id) as targets
      from campaigns c`);
    expect(c).toMatchObject({ starts: addDays(today, -DEMO_CAMPAIGN_DAYS), running: true, zones: 3, squads: 6, teams: 12, assigned: 2000 });
    expect(c.members).toBeGreaterThan(100);
    expect(c.targets).toBeGreaterThan(0);
    const work = await one<{ inspections: number; hazards: number; closed: number }>(sql`select (select count(*)::int from inspections) as inspections,
      (select count(*)::int from hazards) as hazards, (select count(*)::int from hazards where status = 'closed') as closed`);
    expect(work.inspections).toBeGreaterThan(40);
    expect(work.closed).toBeGreaterThan(0);
  });

  it('keeps 14 days of ranking history, up to yesterday', async () => {
    const days = await one<{ n: number; first: string; last: string }>(sql`select count(distinct day)::int as n, min(day)::text as first, max(day)::text as last from ranking_snapshots`);
    expect(days).toEqual({ n: DEMO_CAMPAIGN_DAYS, first: addDays(today, -DEMO_CAMPAIGN_DAYS), last: addDays(today, -1) });
    // Every night counts the whole town, and the work grows from night to night.
    const nights = ((await database.db.execute(sql`select day::text as day, sum(sites_in_scope)::int as scope, sum(sites_inspected)::int as inspected, sum(hazards_closed)::int as closed
      from ranking_snapshots where unit_kind = 'village' group by day order by day`)) as unknown as { rows: { day: string; scope: number; inspected: number; closed: number }[] }).rows;
    expect(nights.every((n) => n.scope === 2000)).toBe(true);
    expect(nights[0]!.inspected).toBeGreaterThan(0);
    expect(nights.at(-1)!.inspected).toBeGreaterThan(nights[0]!.inspected);
    expect(nights.at(-1)!.closed).toBeGreaterThan(nights[0]!.closed);
  });

  it('has key and dynamic nails with plans, milestones and progress', async () => {
    const nails = await one<Record<string, number>>(sql`select
      (select count(*)::int from nails where kind = 'key') as key, (select count(*)::int from nails where kind = 'dynamic') as dynamic,
      (select count(*)::int from nail_milestones) as milestones, (select count(*)::int from nail_milestones where done_on is not null) as done,
      (select count(*)::int from nail_updates) as reports, (select count(*)::int from nails where status = 'resolved') as resolved`);
    expect(nails).toMatchObject({ key: 3, dynamic: 2, resolved: 1 });
    expect(nails.done).toBeGreaterThan(0);
    expect(nails.done).toBeLessThan(nails.milestones!);
    expect(nails.reports).toBeGreaterThanOrEqual(10);
  });

  it('puts enterprises in the three batches, most signed off by all three', async () => {
    const batches = await one<Record<string, number>>(sql`select count(*)::int as proposed, count(decided_at)::int as decided,
      (select count(*)::int from batch_signoffs) as signoffs, count(distinct batch)::int as kinds from batch_decisions`);
    expect(batches).toEqual({ proposed: 8, decided: 6, signoffs: 6 * 3 + 1 + 2, kinds: 3 });
  });
});
