/**
 * The dashboard's queries on the Guali demo town (25,433 sites) with two hazards and one inspection
 * per site on average, timed through the service and EXPLAINed, on PGlite or PostgreSQL:
 *
 *   node bench/dashboard-explain.ts                      # PGlite in memory
 *   BENCH_DATABASE_URL=postgres://…/test node bench/dashboard-explain.ts   # a scratch database on that server
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { seedDemo } from '../apps/server/src/modules/demo/seed.ts';
import { GUALI_CODE } from '../apps/server/src/modules/demo/scales.ts';
import { migrateDatabase, openDatabase, type Database } from '../apps/server/src/platform/db/client.ts';
import type { Actor, RequestContext } from '../apps/server/src/platform/context.ts';
import { getActivity, getBreakdown, getDashboard, getOverdue, getTrend } from '../apps/server/src/modules/dashboard/service.ts';
import { hazardWhere, siteWhere, type Lens } from '../apps/server/src/modules/dashboard/queries.ts';
import { createServerDatabase, dropServerDatabase, scratchName } from './lib/db.ts';

const serverUrl = process.env.BENCH_DATABASE_URL;
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const name = scratchName('dashboard');
const url = serverUrl ? await createServerDatabase(serverUrl, name) : undefined;
const database: Database = await openDatabase({ databaseUrl: url });
try {
  await migrateDatabase(database);
  await seedDemo(database, { scale: 'guali' });
  const db = database.db;
  // Closed-loop rows in bulk: an inspection per site, two hazards per site over 60 days, colour changes today.
  const t0 = performance.now();
  await db.execute(sql`insert into inspections (id, site_id, area_path, kind, inspector_id, started_at, ended_at, submission_hash)
    select gen_random_uuid(), s.id, s.area_path, case when random() < 0.8 then 'inspection' else 'reinspection' end, (select id from users limit 1),
           now() - (random() * interval '60 days'), now() - (random() * interval '60 days'), 'bench' from sites s`);
  await db.execute(sql`insert into hazards (id, site_id, area_path, department_id, level, mode, status, description, deadline, found_at, closed_at)
    select gen_random_uuid(), s.id, s.area_path, (select id from departments order by random() limit 1),
           case when random() < 0.1 then 'major' else 'general' end, 'deadline',
           (array['open','pending_review','closed','closed','cancelled'])[1 + floor(random() * 5)::int], '测试隐患',
           (current_date + (floor(random() * 40)::int - 30)), f, f + random() * interval '10 days'
    from sites s, generate_series(1, 2) g, lateral (select now() - (random() * interval '60 days') as f) x`);
  await db.execute(sql`update hazards set closed_at = null where status <> 'closed'`);
  await db.execute(sql`insert into colour_history (site_id, colour, previous, reason, at) select id, 'yellow', 'green', 'bench', now() - random() * interval '10 hours' from sites where random() < 0.1`);
  await db.execute(sql`analyze`);
  console.log(`closed-loop rows inserted in ${Math.round(performance.now() - t0)} ms`);

  const [town] = rowsOf<{ path: string }>(await db.execute(sql`select path from areas where code = ${GUALI_CODE}`));
  const actor: Actor = { id: randomUUID(), username: 'bench', displayName: 'bench', roles: ['command_centre'], departmentId: null, phone: null, scopePaths: [town!.path] };
  const ctx: RequestContext = { database, actor, ip: null, requestId: null };
  const counts = rowsOf<Record<string, number>>(await db.execute(sql`select (select count(*) from sites) as sites, (select count(*) from hazards) as hazards, (select count(*) from inspections) as inspections`))[0];
  console.log(`${database.kind}: ${JSON.stringify(counts)}`);

  const time = async (label: string, fn: () => Promise<unknown>) => {
    await fn();
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await fn();
      runs.push(performance.now() - start);
    }
    runs.sort((a, b) => a - b);
    console.log(`${label.padEnd(28)} median ${runs[2]!.toFixed(1)} ms  (min ${runs[0]!.toFixed(1)}, max ${runs[4]!.toFixed(1)})`);
  };
  await time('GET /dashboard', () => getDashboard(ctx, {}));
  await time('GET /dashboard/trend?days=30', () => getTrend(ctx, { days: 30 }));
  for (const by of ['village', 'kind', 'department', 'domain'] as const) await time(`GET /dashboard/breakdowns ${by}`, () => getBreakdown(ctx, { by }));
  await time('GET /dashboard/overdue', () => getOverdue(ctx, { limit: 10 }));
  await time('GET /dashboard/activity', () => getActivity(ctx, { limit: 50 }));

  if (process.env.EXPLAIN) {
    const lens: Lens = { actor, areaPath: null, campaign: null, from: null, to: null, departmentId: null, today: new Date().toISOString().slice(0, 10) };
    const plans = {
      sites: sql`select colour, count(*), count(*) filter (where sites.id in (select i.site_id from inspections i where i.kind = 'inspection')) from sites where ${siteWhere(lens)} group by colour`,
      hazards: sql`select count(*) from hazards join sites on sites.id = hazards.site_id where ${hazardWhere(lens)}`,
    };
    for (const [label, query] of Object.entries(plans)) {
      const plan = rowsOf<{ 'QUERY PLAN': string }>(await db.execute(sql`explain analyze ${query}`));
      console.log(`\n${label}:\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }
} finally {
  await database.close();
  if (serverUrl) await dropServerDatabase(serverUrl, name);
}
