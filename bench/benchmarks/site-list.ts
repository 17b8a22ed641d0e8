/**
 * site-list: GET /api/sites through the real app over HTTP on a seeded demo (city scale ≈ 1M sites),
 * against the same SQL run directly and a bare Fastify route.
 */
import pg from 'pg';
import Fastify from 'fastify';
import { asc, eq, sql } from 'drizzle-orm';
import type { SiteListQuery } from '@anxun/contracts';
import { seedDemo } from '../../apps/server/src/modules/demo/seed.ts';
import { DEMO_SCALES, GUALI_CODE, type DemoScale } from '../../apps/server/src/modules/demo/scales.ts';
import { siteFilters, siteSelection } from '../../apps/server/src/modules/sites/queries.ts';
import { sites } from '../../apps/server/src/modules/sites/schema.ts';
import { areas } from '../../apps/server/src/modules/areas/schema.ts';
import { loadActor } from '../../apps/server/src/platform/auth/session.ts';
import type { Database } from '../../apps/server/src/platform/db/client.ts';
import type { Actor } from '../../apps/server/src/platform/context.ts';
import { countLimit } from '../../apps/server/src/platform/db/paging.ts';
import { rawRows } from '../lib/db.ts';
import { countingJobs, httpClient, listen, login, startApp } from '../lib/http.ts';
import { cannon } from '../lib/load.ts';
import { fmt, round, since, summarise } from '../lib/stats.ts';
import type { Benchmark, Metric } from '../lib/types.ts';

/** A fragment of many demo names (五金 firms and 五金店 shops). */
const KEYWORD = '五金';
const WARMUP = 20;
const SLOW_MS = 100;
/** Each block of sequential requests stops at this many seconds, so a slow query cannot hold the run for long (n is reported). */
const BLOCK_SECONDS = 120;

interface Probe {
  key: string;
  label: string;
  user: 'admin' | 'village';
  query: Record<string, string | number>;
}

type Filters = Omit<SiteListQuery, 'page' | 'pageSize'>;

/**
 * The list select and the count as listSites builds them (same builder, same filters), as SQL
 * text + params: the count is capped at the page's countLimit; a keyword search selects one row
 * more than the page and counts nothing (has-more paging).
 */
function listSql(database: Database, actor: Actor, query: Probe['query'], areaPath: string | undefined) {
  const { page = 1, pageSize = 20, ...rest } = query;
  const where = siteFilters(actor, rest as Filters, areaPath);
  const hasMore = 'q' in rest;
  const list = database.db
    .select(siteSelection)
    .from(sites)
    .innerJoin(areas, eq(areas.id, sites.areaId))
    .where(where)
    .orderBy(asc(sites.areaPath), asc(sites.id))
    .limit(Number(pageSize) + (hasMore ? 1 : 0))
    .offset((Number(page) - 1) * Number(pageSize))
    .toSQL();
  const limit = countLimit(Number(page), Number(pageSize));
  const capped = database.db.select({ one: sql`1` }).from(sites).where(where).limit(limit + 1).toSQL();
  const count = hasMore ? undefined : { sql: `select count(*)::int from (${capped.sql}) counted`, params: capped.params };
  return { list, count, limit, hasMore, pageSize: Number(pageSize), page: Number(page) };
}

type Runner = (text: string, params: unknown[]) => Promise<unknown[]>;

async function timed(samples: number, seconds: number, fn: () => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  const stop = performance.now() + seconds * 1000;
  while (out.length < samples && performance.now() < stop) {
    const t = performance.now();
    await fn();
    out.push(since(t));
  }
  return out;
}

async function explain(run: Runner, text: string, params: unknown[]): Promise<string> {
  const rows = (await run(`explain (analyze, buffers) ${text}`, params)) as { 'QUERY PLAN': string }[];
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

export const siteListBenchmark: Benchmark = {
  name: 'site-list',
  summary: 'GET /api/sites over HTTP on a seeded demo vs the same SQL run directly and a bare Fastify route',
  timeLimitMinutes: 90,
  async run(ctx) {
    const scale = (process.env.BENCH_SCALE ?? 'city') as DemoScale;
    if (!DEMO_SCALES.includes(scale)) throw new Error(`BENCH_SCALE must be one of ${DEMO_SCALES.join(', ')}`);
    const samples = Number(process.env.BENCH_REQUESTS ?? 200);
    const duration = Number(process.env.BENCH_DURATION ?? 10);
    return ctx.withScratch('site_list', async (scratch) => {
      const { database, info } = scratch;
      ctx.log(`site-list: seeding the ${scale} demo on ${info.version}`);
      const seeded = await seedDemo(database, { scale, log: (line) => ctx.log(`  ${line}`) });
      // A server that has been up a while has statistics and a visibility map (autovacuum); PGlite has no autovacuum.
      const t = performance.now();
      await rawRows(database, 'vacuum analyze');
      ctx.log(`site-list: vacuum analyze in ${fmt(since(t) / 1000)} s`);

      const jobs = countingJobs();
      const running = await startApp(scratch, jobs);
      const client = httpClient(running.baseUrl);
      const bare = Fastify({ logger: false });
      bare.get('/bare', () => ({ ok: true }));
      const bareUrl = await listen(bare);
      const rawPool = scratch.url ? new pg.Pool({ connectionString: scratch.url, max: 2 }) : undefined;
      try {
        const cookies = { admin: await login(client, 'admin'), village: await login(client, 'village') };
        const tokenOf = (cookie: string) => cookie.slice('anxun_session='.length);
        const actors = { admin: (await loadActor(database.db, tokenOf(cookies.admin)))!, village: (await loadActor(database.db, tokenOf(cookies.village)))! };
        const [town] = await rawRows<{ id: string; path: string; name: string }>(database, 'select id, path, name from areas where code = $1', [GUALI_CODE]);
        if (!town) throw new Error('the demo town is missing');

        const probes: Probe[] = [
          { key: 'district_p1', label: 'district (admin), page 1', user: 'admin', query: { page: 1 } },
          { key: 'district_shop_p5', label: 'district (admin), ?kind=street_shop page 5', user: 'admin', query: { kind: 'street_shop', page: 5 } },
          { key: 'village_p1', label: 'village account, page 1', user: 'village', query: { page: 1 } },
          { key: 'keyword', label: `district (admin), ?q=${KEYWORD}`, user: 'admin', query: { q: KEYWORD, page: 1 } },
          { key: 'town_area', label: `district (admin), ?areaId=<${town.name}>`, user: 'admin', query: { areaId: town.id, page: 1 } },
        ];
        const pathOf = (p: Probe) => `/api/sites?${new URLSearchParams(Object.entries(p.query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;

        const run: Runner = rawPool
          ? async (text, params) => (await rawPool.query(text, params)).rows as unknown[]
          : async (text, params) => (await database.pglite!.query(text, params)).rows;

        const results: { probe: Probe; http: number[]; raw: number[]; total: string; plans: string[] }[] = [];
        for (const probe of probes) {
          const cookie = cookies[probe.user];
          const get = async () => {
            const reply = await client.request('GET', pathOf(probe), { headers: { cookie } });
            if (reply.status !== 200) throw new Error(`${pathOf(probe)}: ${reply.status} ${reply.body.slice(0, 300)}`);
            return reply;
          };
          const { list, count, limit, hasMore, page, pageSize } = listSql(database, actors[probe.user], probe.query, probe.query.areaId ? town.path : undefined);
          const rawOnce = () => Promise.all([run(list.sql, list.params), count ? run(count.sql, count.params) : Promise.resolve([])]);

          const first = JSON.parse((await get()).body) as { total: number; totalCapped?: boolean; items: unknown[] };
          const [rawList, rawCount] = await rawOnce();
          // What the API must answer, recomputed from the raw rows: the capped count, or has-more.
          const counted = count ? Number(Object.values((rawCount as Record<string, unknown>[])[0]!)[0]) : 0;
          const expected = hasMore
            ? { total: (page - 1) * pageSize + Math.min(rawList.length, pageSize), capped: rawList.length > pageSize }
            : { total: Math.min(counted, limit), capped: counted > limit };
          if (expected.total !== first.total || expected.capped !== !!first.totalCapped || Math.min(rawList.length, pageSize) !== first.items.length) {
            throw new Error(`${probe.key}: the raw SQL does not answer what the API does (total ${expected.total}${expected.capped ? '+' : ''} vs ${first.total}${first.totalCapped ? '+' : ''}, rows ${rawList.length} vs ${first.items.length})`);
          }
          await timed(WARMUP, 20, async () => void (await Promise.all([get(), rawOnce()])));
          ctx.log(`site-list: ${probe.label}: ${samples} sequential requests (total ${first.total.toLocaleString('en')}${first.totalCapped ? '+' : ''})`);
          const http = await timed(samples, BLOCK_SECONDS, async () => void (await get()));
          const raw = await timed(samples, BLOCK_SECONDS, async () => void (await rawOnce()));
          const plans: string[] = [];
          if (summarise(http).p95 > SLOW_MS || summarise(raw).p95 > SLOW_MS) {
            plans.push(`list:\n${await explain(run, list.sql, list.params)}`, ...(count ? [`count:\n${await explain(run, count.sql, count.params)}`] : []));
          }
          results.push({ probe, http, raw, total: `${first.total.toLocaleString('en')}${first.totalCapped ? '+' : ''}`, plans });
        }

        // The bare route: what HTTP + Fastify cost with no work behind them.
        const bareClient = httpClient(bareUrl);
        for (let i = 0; i < WARMUP; i++) await bareClient.request('GET', '/bare');
        const bareSeq = summarise(await timed(samples, 60, async () => void (await bareClient.request('GET', '/bare'))));
        bareClient.close();

        ctx.log(`site-list: autocannon -c 8 for ${duration} s over the mix, then the bare route`);
        const mix = await cannon({
          url: running.baseUrl,
          connections: 8,
          durationSeconds: duration,
          requests: probes.map((p) => ({ method: 'GET' as const, path: pathOf(p), headers: { cookie: cookies[p.user] } })),
        });
        const bareLoad = await cannon({ url: bareUrl, connections: 8, durationSeconds: duration, requests: [{ method: 'GET', path: '/bare', headers: {} }] });

        const httpAll = summarise(results.flatMap((r) => r.http));
        const rawAll = summarise(results.flatMap((r) => r.raw));
        const per = results.map((r) => ({ ...r, h: summarise(r.http), r: summarise(r.raw) }));
        const slow = per.filter((r) => r.h.p95 > SLOW_MS);
        const metrics: Metric[] = [
          {
            name: 'site_list_p95_ms',
            value: round(httpAll.p95, 2),
            unit: 'ms',
            baseline: 'site_list_raw_sql_p95_ms',
            reading: `p95 of ${httpAll.n} sequential GET /api/sites over the 5-query mix on ${seeded.sites.toLocaleString('en')} sites (p50 ${fmt(httpAll.p50)} ms)`,
          },
          {
            name: 'site_list_raw_sql_p95_ms',
            value: round(rawAll.p95, 2),
            unit: 'ms',
            baseline: 'is the baseline',
            reading: `p95 of the same list + count SQL sent straight to the database (${rawPool ? 'pg Pool' : 'pglite.query'}), p50 ${fmt(rawAll.p50)} ms`,
          },
          {
            name: 'site_list_ratio',
            value: round(httpAll.p95 / rawAll.p95, 3),
            unit: '× raw SQL',
            baseline: 'site_list_p95_ms / site_list_raw_sql_p95_ms',
            reading:
              httpAll.p95 / rawAll.p95 < 1.1
                ? `within noise of its own SQL (${fmt(httpAll.p95 - rawAll.p95)} ms at p95): the time is spent in the database`
                : `the API adds ${fmt(httpAll.p95 - rawAll.p95)} ms at p95 over its own SQL (session lookup, area lookup, validation, serialisation, HTTP)`,
          },
          {
            name: 'site_list_rps',
            value: round(mix.rps, 1),
            unit: 'req/s',
            baseline: 'bare_route_rps',
            reading: `autocannon -c 8 for ${duration} s cycling the 5 queries (${mix.total.toLocaleString('en')} requests${mix.non2xx || mix.errors ? `, ${mix.non2xx} non-2xx and ${mix.errors} errors/timeouts` : ', all 200'}, p50 ${mix.latencyP50} ms, p99 ${mix.latencyP99} ms); ${fmt((mix.rps / bareLoad.rps) * 100)} % of the bare route`,
          },
          {
            name: 'bare_route_rps',
            value: round(bareLoad.rps, 1),
            unit: 'req/s',
            baseline: 'is the baseline',
            reading: `a bare Fastify route returning a constant, same client and machine: the HTTP ceiling (sequential p95 ${fmt(bareSeq.p95)} ms)`,
          },
          ...per.flatMap((r): Metric[] => [
            {
              name: `site_list_${r.probe.key}_p95_ms`,
              value: round(r.h.p95, 2),
              unit: 'ms',
              baseline: `site_list_${r.probe.key}_raw_sql_p95_ms`,
              reading: `${r.probe.label}: p50 ${fmt(r.h.p50)} ms, n=${r.h.n}, ${r.total} matching sites${r.h.p95 > SLOW_MS ? ' — SLOW (> 100 ms)' : ''}`,
            },
            {
              name: `site_list_${r.probe.key}_raw_sql_p95_ms`,
              value: round(r.r.p95, 2),
              unit: 'ms',
              baseline: 'is the baseline',
              reading: `the same list + capped count SQL direct: p50 ${fmt(r.r.p50)} ms, n=${r.r.n}`,
            },
          ]),
        ];
        const notes = [
          `Seeded ${seeded.sites.toLocaleString('en')} sites (${scale}) in ${fmt(seeded.ms / 1000)} s, then \`vacuum analyze\`. Each query: up to ${WARMUP} warm-up requests (20 s at most), then ${samples} sequential ones over keep-alive HTTP and ${samples} of the raw SQL, each block stopped after ${BLOCK_SECONDS} s (n below says how many ran); the raw baseline runs the list and the count capped at 10,000 in parallel as listSites does (a keyword search: the list with one row more and no count). "10,000+" = the count stopped at the cap; "20+" = has-more paging.`,
          '',
          '| query | HTTP p50 / p95 ms | raw SQL p50 / p95 ms | API total |',
          '| --- | ---: | ---: | ---: |',
          ...per.map((r) => `| ${r.probe.label} | ${fmt(r.h.p50)} / ${fmt(r.h.p95)} | ${fmt(r.r.p50)} / ${fmt(r.r.p95)} | ${r.total} |`),
          ...(slow.length ? ['', `Slow at this scale (HTTP p95 > ${SLOW_MS} ms): ${slow.map((r) => r.probe.key).join(', ')}. EXPLAIN (ANALYZE, BUFFERS):`] : []),
          ...per
            .filter((r) => r.plans.length)
            .flatMap((r) => ['', `<details><summary>${r.probe.label}</summary>`, '', '```', ...r.plans, '```', '', '</details>']),
        ];
        return { database: info, metrics, notes };
      } finally {
        client.close();
        await bare.close();
        await running.close();
        await rawPool?.end();
      }
    });
  },
};
