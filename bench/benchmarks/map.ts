/**
 * map: GET /api/map/clusters over HTTP on a seeded demo (city scale ≈ 1M sites) against the same
 * grid aggregate written as one raw PostgreSQL query over the same rows, and the time a town's map
 * takes to paint in headless Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { SITE_COLOURS, type MapClusters, type SiteColour, type SiteKind } from '@anxun/contracts';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/platform/config.ts';
import { seedDemo } from '../../apps/server/src/modules/demo/seed.ts';
import { DEMO_SCALES, GUALI_CODE, type DemoScale } from '../../apps/server/src/modules/demo/scales.ts';
import { DEMO_PASSWORD } from '../../apps/server/src/modules/demo/accounts.ts';
import { CELL_PX } from '../../apps/server/src/modules/map/rules.ts';
import { MapFeed } from '../../apps/server/src/modules/map/feed.ts';
import { rawRows, type ScratchDatabase } from '../lib/db.ts';
import { countingJobs, httpClient, listen, login } from '../lib/http.ts';
import { fmt, round, since, summarise } from '../lib/stats.ts';
import type { Benchmark, Metric } from '../lib/types.ts';

const WEB_DIST = path.resolve(import.meta.dirname, '../../apps/web/dist');
/** Sites edited within the last minute are re-read by the index (modules/map/feed.ts); a fresh seed is one big edit. */
const SETTLE_MS = 65_000;
const PAINT_RUNS = 5;

interface Probe {
  key: string;
  label: string;
  user: 'admin' | 'town' | 'village';
  bbox: [number, number, number, number];
  zoom: number;
  filters?: { kind?: SiteKind; colours?: SiteColour[] };
}

/** The grid aggregate the index computes, as one SQL statement: the baseline. */
function rawAggregate(scopePath: string, probe: Probe) {
  const perAxis = (2 ** probe.zoom * 256) / CELL_PX;
  const [w, s, e, n] = probe.bbox;
  const params: unknown[] = [`${scopePath}%`, w, e, s, n, perAxis];
  let extra = '';
  if (probe.filters?.kind) {
    params.push(probe.filters.kind);
    extra += ` and kind = $${params.length}`;
  }
  if (probe.filters?.colours) {
    params.push(probe.filters.colours);
    extra += ` and colour = any($${params.length}::text[])`;
  }
  const text = `select floor((lng + 180) / 360 * $6) as cx,
      floor((1 - ln(tan(radians(lat)) + 1 / cos(radians(lat))) / pi()) / 2 * $6) as cy,
      colour, count(*)::int as n, avg(lng) as lng, avg(lat) as lat
    from sites
    where area_path like $1 and lng between $2 and $3 and lat between $4 and $5${extra}
    group by 1, 2, 3`;
  return { text, params };
}

async function startWebApp(scratch: ScratchDatabase) {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: path.join(scratch.dir, 'app'),
    HOST: '127.0.0.1',
    PORT: '0',
    SEED_DEMO: 'never',
    WEB_DIST,
    ...(scratch.url ? { DATABASE_URL: scratch.url } : {}),
  } as NodeJS.ProcessEnv);
  const app = await buildApp({ config, database: scratch.database, jobs: countingJobs() });
  return { app, baseUrl: await listen(app) };
}

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

/** Navigation start → the first answer drawn after the map fitted the town's sites, in a fresh page each run. */
async function paintTimes(baseUrl: string, runs: number): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-username').fill('town');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-sites').waitFor();
    // One visit to warm the browser cache for the scripts, as a returning official would have it.
    await page.goto(`${baseUrl}/map`);
    await page.locator('[data-testid="one-map"][data-painted]').waitFor({ state: 'attached', timeout: 60_000 });
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(`${baseUrl}/map`);
      const map = page.locator('[data-testid="one-map"][data-painted]');
      await map.waitFor({ state: 'attached', timeout: 60_000 });
      out.push(Number(await map.getAttribute('data-painted')));
    }
    return out;
  } finally {
    await browser.close();
  }
}

export const mapBenchmark: Benchmark = {
  name: 'map',
  summary: 'GET /api/map/clusters over HTTP vs the same grid aggregate in raw SQL; a town map painted in headless Chromium',
  timeLimitMinutes: 60,
  async run(ctx) {
    const scale = (process.env.BENCH_SCALE ?? 'city') as DemoScale;
    if (!DEMO_SCALES.includes(scale)) throw new Error(`BENCH_SCALE must be one of ${DEMO_SCALES.join(', ')}`);
    const samples = Number(process.env.BENCH_REQUESTS ?? 100);
    return ctx.withScratch('map', async (scratch) => {
      const { database, info } = scratch;
      ctx.log(`map: seeding the ${scale} demo on ${info.version}`);
      const seeded = await seedDemo(database, { scale, log: (line) => ctx.log(`  ${line}`) });
      const seededAt = performance.now();
      await rawRows(database, 'vacuum analyze');
      const [extent] = await rawRows<{ w: number; s: number; e: number; n: number }>(database, 'select min(lng) w, min(lat) s, max(lng) e, max(lat) n from sites');
      const [town] = await rawRows<{ path: string; lng: number; lat: number }>(database, 'select path, centre_lng lng, centre_lat lat from areas where code = $1', [GUALI_CODE]);
      const [district] = await rawRows<{ path: string }>(database, `select path from areas where level = 'district' order by path limit 1`);
      const [village] = await rawRows<{ path: string; lng: number; lat: number }>(
        database,
        `select a.path, a.centre_lng lng, a.centre_lat lat from users u join user_scopes us on us.user_id = u.id join areas a on a.id = us.area_id where u.username = 'village'`,
      );
      if (!extent || !town || !district || !village) throw new Error('the demo is missing its areas or extent');
      const wait = SETTLE_MS - since(seededAt);
      if (wait > 0) {
        ctx.log(`map: waiting ${fmt(wait / 1000)} s for the seed to leave the index's re-read window`);
        await new Promise((r) => setTimeout(r, wait));
      }

      const running = await startWebApp(scratch);
      const client = httpClient(running.baseUrl);
      try {
        const cookies = { admin: await login(client, 'admin'), town: await login(client, 'town'), village: await login(client, 'village') };
        const scopes = { admin: district.path, town: town.path, village: village.path };
        // Rounded as the URL carries them, so the raw query filters exactly the same box.
        const box = (b: number[]) => b.map((v) => Number(v.toFixed(6))) as [number, number, number, number];
        const around = (lng: number, lat: number, half: number) => box([lng - half, lat - half * 0.8, lng + half, lat + half * 0.8]);
        const city = box([extent.w, extent.s, extent.e, extent.n]);
        const probes: Probe[] = [
          { key: 'city_z10', label: 'whole city (admin), zoom 10', user: 'admin', bbox: city, zoom: 10 },
          { key: 'city_z12_shops', label: 'whole city (admin), zoom 12, ?kind=street_shop', user: 'admin', bbox: city, zoom: 12, filters: { kind: 'street_shop' } },
          { key: 'town_z13', label: 'the town (town official), zoom 13', user: 'town', bbox: around(town.lng, town.lat, 0.06), zoom: 13 },
          { key: 'town_z15_red', label: 'the town (town official), zoom 15, ?colours=red,orange', user: 'town', bbox: around(town.lng, town.lat, 0.015), zoom: 15, filters: { colours: ['red', 'orange'] } },
          { key: 'village_z16', label: 'a village (village official), zoom 16', user: 'village', bbox: around(village.lng, village.lat, 0.006), zoom: 16 },
          { key: 'admin_z17_pins', label: 'street level (admin), zoom 17, pins', user: 'admin', bbox: around(town.lng, town.lat, 0.003), zoom: 17 },
        ];
        const url = (p: Probe) => {
          const q = new URLSearchParams({ bbox: p.bbox.join(','), zoom: String(p.zoom) });
          if (p.filters?.kind) q.set('kind', p.filters.kind);
          if (p.filters?.colours) q.set('colours', p.filters.colours.join(','));
          return `/api/map/clusters?${q.toString()}`;
        };
        const get = async (p: Probe) => {
          const reply = await client.request('GET', url(p), { headers: { cookie: cookies[p.user] } });
          if (reply.status !== 200) throw new Error(`${url(p)}: ${reply.status} ${reply.body.slice(0, 300)}`);
          return JSON.parse(reply.body) as MapClusters;
        };
        const raw = (p: Probe) => {
          const { text, params } = rawAggregate(scopes[p.user], p);
          return rawRows<{ n: number }>(database, text, params);
        };

        ctx.log('map: first request loads the index');
        const loadStart = performance.now();
        await get(probes[0]!);
        const loadMs = since(loadStart);
        const heap = process.memoryUsage();

        const results: { probe: Probe; http: number[]; raw: number[]; sites: number; drawn: number }[] = [];
        for (const probe of probes) {
          const answer = await get(probe);
          const drawn = answer.clusters.reduce((a, c) => a + c.count, 0) + answer.pins.length;
          const rawCount = (await raw(probe)).reduce((a, r) => a + r.n, 0);
          // The same rows, or the comparison means nothing.
          if (rawCount !== drawn) throw new Error(`${probe.key}: raw SQL counts ${rawCount} sites, the API drew ${drawn}`);
          await timed(10, 20, async () => void (await Promise.all([get(probe), raw(probe)])));
          ctx.log(`map: ${probe.label}: ${samples} sequential requests (${drawn.toLocaleString('en')} sites in view, ${answer.clusters.length} clusters, ${answer.pins.length} pins)`);
          const http = await timed(samples, 90, async () => void (await get(probe)));
          const rawTimes = await timed(samples, 90, async () => void (await raw(probe)));
          results.push({ probe, http, raw: rawTimes, sites: SITE_COLOURS.reduce((a, c) => a + answer.legend[c], 0), drawn });
        }

        // The index alone, in this process: wall time and CPU time (the machine is shared, so CPU time says what a free core would take).
        const feed = new MapFeed(database);
        const index = await feed.current();
        feed.close();
        const cpu: number[] = [];
        const wall: number[] = [];
        for (const probe of probes) {
          const scopePath = scopes[probe.user];
          for (let i = 0; i < samples; i++) {
            const c = process.cpuUsage();
            const t = performance.now();
            index.query({ prefixes: [scopePath], kind: probe.filters?.kind, colours: probe.filters?.colours, bbox: probe.bbox, zoom: probe.zoom });
            wall.push(since(t));
            const used = process.cpuUsage(c);
            cpu.push((used.user + used.system) / 1000);
          }
        }
        const cpuSummary = summarise(cpu);
        const wallSummary = summarise(wall);

        let paint: number[] = [];
        let paintNote = '';
        if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
          ctx.log(`map: painting the town's map ${PAINT_RUNS} times in headless Chromium`);
          paint = await paintTimes(running.baseUrl, PAINT_RUNS);
        } else {
          paintNote = 'map_paint_ms not measured: apps/web/dist is missing (run `npm run build` first).';
        }
        // The paint's baseline: the raw aggregate of the town's rows at the zoom the page fits them at.
        const townProbe: Probe = { key: 'town_all', label: '', user: 'town', bbox: city, zoom: 12 };
        const townRaw = summarise(await timed(20, 60, async () => void (await raw(townProbe))));

        const httpAll = summarise(results.flatMap((r) => r.http));
        const rawAll = summarise(results.flatMap((r) => r.raw));
        const paintSummary = summarise(paint);
        const metrics: Metric[] = [
          {
            name: 'map_viewport_p95_ms',
            value: round(httpAll.p95, 2),
            unit: 'ms',
            baseline: 'map_viewport_raw_sql_p95_ms',
            reading: `p95 of ${httpAll.n} sequential GET /api/map/clusters over ${probes.length} viewports/zooms on ${seeded.sites.toLocaleString('en')} sites (p50 ${fmt(httpAll.p50)} ms); target ≤ 30 ms`,
          },
          {
            name: 'map_viewport_raw_sql_p95_ms',
            value: round(rawAll.p95, 2),
            unit: 'ms',
            baseline: 'is the baseline',
            reading: `p95 of the same grid aggregate (GROUP BY cell, colour over the same rows) sent straight to the database, p50 ${fmt(rawAll.p50)} ms`,
          },
          {
            name: 'map_index_query_cpu_p95_ms',
            value: round(cpuSummary.p95, 2),
            unit: 'ms',
            baseline: 'map_viewport_raw_sql_p95_ms',
            reading: `CPU time of the in-memory index query alone over the same ${probes.length} viewports (n=${cpuSummary.n}, p50 ${fmt(cpuSummary.p50)} ms; wall p50 / p95 ${fmt(wallSummary.p50)} / ${fmt(wallSummary.p95)} ms on the shared machine)`,
          },
          {
            name: 'map_index_load_ms',
            value: round(loadMs, 0),
            unit: 'ms',
            baseline: '',
            reading: `first map request after start: loads ${seeded.sites.toLocaleString('en')} sites into the in-memory index (heap ${fmt(heap.heapUsed / 2 ** 20)} MiB, rss ${fmt(heap.rss / 2 ** 20)} MiB after it)`,
          },
          ...(paint.length
            ? [
                {
                  name: 'map_paint_ms',
                  value: round(paintSummary.p50, 0),
                  unit: 'ms',
                  baseline: 'map_paint_raw_sql_ms',
                  reading: `median of ${paint.length} loads of /map as the town official (${results.find((r) => r.probe.key === 'town_z13')?.sites.toLocaleString('en')} sites), navigation → fitted clusters drawn: ${paint.map((v) => fmt(v)).join(', ')} ms; target ≤ 1,000 ms`,
                },
                {
                  name: 'map_paint_raw_sql_ms',
                  value: round(townRaw.p50, 1),
                  unit: 'ms',
                  baseline: 'is the baseline',
                  reading: `median of the raw grid aggregate over the town's rows at zoom 12 (n=${townRaw.n}, p95 ${fmt(townRaw.p95)} ms)`,
                },
              ]
            : []),
          ...results.flatMap((r): Metric[] => [
            {
              name: `map_${r.probe.key}_p95_ms`,
              value: round(summarise(r.http).p95, 2),
              unit: 'ms',
              baseline: `map_${r.probe.key}_raw_sql_p95_ms`,
              reading: `${r.probe.label}: p50 ${fmt(summarise(r.http).p50)} ms, n=${r.http.length}, ${r.drawn.toLocaleString('en')} sites in view of ${r.sites.toLocaleString('en')} in scope`,
            },
            {
              name: `map_${r.probe.key}_raw_sql_p95_ms`,
              value: round(summarise(r.raw).p95, 2),
              unit: 'ms',
              baseline: 'is the baseline',
              reading: `the grid aggregate in raw SQL: p50 ${fmt(summarise(r.raw).p50)} ms, n=${r.raw.length}`,
            },
          ]),
        ];
        const notes = [
          `Seeded ${seeded.sites.toLocaleString('en')} sites (${scale}) in ${fmt(seeded.ms / 1000)} s, then \`vacuum analyze\`. Each viewport: 10 warm-up rounds, then ${samples} sequential HTTP requests and ${samples} raw aggregates; the raw query counts exactly the sites the API drew (checked before timing).`,
          '',
          '| viewport | HTTP p50 / p95 ms | raw SQL p50 / p95 ms | sites in view |',
          '| --- | ---: | ---: | ---: |',
          ...results.map((r) => {
            const h = summarise(r.http);
            const q = summarise(r.raw);
            return `| ${r.probe.label} | ${fmt(h.p50)} / ${fmt(h.p95)} | ${fmt(q.p50)} / ${fmt(q.p95)} | ${r.drawn.toLocaleString('en')} |`;
          }),
          ...(paintNote ? ['', paintNote] : []),
        ];
        return { database: info, metrics, notes };
      } finally {
        client.close();
        await running.app.close();
      }
    });
  },
};
