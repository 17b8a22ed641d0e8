/**
 * ingest: combined-inspection submissions (two hazards each) through POST /api/inspections over
 * HTTP, eight at a time, against pgbench's simple-update load on the same PostgreSQL server, the two
 * measured in alternating slices so that both see the same background load.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import sharp from 'sharp';
import type { SiteKind } from '@anxun/contracts';
import { seedDemo } from '../../apps/server/src/modules/demo/seed.ts';
import { GUALI_CODE } from '../../apps/server/src/modules/demo/scales.ts';
import { checkItems, checklists, checklistVersions } from '../../apps/server/src/modules/checklists/schema.ts';
import type { Executor } from '../../apps/server/src/platform/db/client.ts';
import { createServerDatabase, dropServerDatabase, rawRows, scratchName } from '../lib/db.ts';
import { countingJobs, httpClient, login, startApp, type HttpClient } from '../lib/http.ts';
import { ingestLoad } from '../lib/load.ts';
import type { IngestResult, IngestSite } from '../lib/load-client.ts';
import { startProfile } from '../lib/profile.ts';
import { recordStatements, removeWrittenSince, replayLoad, type Capture } from '../lib/sql-floor.ts';
import { fmt, round, since, summarise } from '../lib/stats.ts';
import type { Benchmark, Metric } from '../lib/types.ts';

const run = promisify(execFile);
const CONCURRENCY = 8;
const ITEMS = 6;
const FAILURES = 2;
const WARMUP = 100;
/** Measured ingest and pgbench alternate in this many slices each. */
const ROUNDS = 3;
const PGBENCH_WARMUP_SECONDS = 3;

/** A department checklist with one published version, as test/factories.ts insertChecklist makes it. */
async function insertChecklist(db: Executor, departmentId: string, count: number): Promise<string[]> {
  const checklistId = randomUUID();
  const versionId = randomUUID();
  await db.insert(checklists).values({ id: checklistId, departmentId, code: 'BENCH-CL', name: '基准检查表', nameEn: 'Benchmark checklist' });
  await db.insert(checklistVersions).values({ id: versionId, checklistId, version: 1, status: 'published', publishedAt: new Date() });
  const rows = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    versionId,
    sort: i,
    code: `BENCH-${i + 1}`,
    text: `检查项 ${i + 1}`,
    textEn: `Item ${i + 1}`,
    domain: 'fire' as const,
    siteKinds: ['enterprise', 'street_shop', 'rental_housing', 'high_rise', 'other'] as SiteKind[],
    answerType: 'pass_fail' as const,
    defaultLevel: 'general' as const,
    legalBasis: '《中华人民共和国消防法》',
    defaultMode: 'deadline' as const,
    defaultDays: 5,
  }));
  await db.insert(checkItems).values(rows);
  return rows.map((r) => r.id);
}

function multipart(field: string, fileName: string, type: string, data: Buffer) {
  const boundary = `----anxunbench${randomUUID()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function uploadPhotos(client: HttpClient, cookie: string, siteIds: readonly string[], jpeg: Buffer, parallel: number): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < siteIds.length) {
      const id = siteIds[next++]!;
      const { body, contentType } = multipart('file', 'site.jpg', 'image/jpeg', jpeg);
      const reply = await client.request('POST', `/api/sites/${id}/photos`, { headers: { cookie, 'content-type': contentType }, body });
      if (reply.status !== 201) throw new Error(`photo upload: ${reply.status} ${reply.body.slice(0, 300)}`);
      keys.set(id, (JSON.parse(reply.body) as { key: string }).key);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return keys;
}

/** Counts statements sent by every pg.Client in this process (the app's pool included) until stopped. */
function countStatements() {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let count = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    count += 1;
    return original.apply(this, args);
  };
  return {
    stop() {
      proto.query = original;
      return count;
    },
  };
}

/** Samples what the app's backends are doing (pg_stat_activity) every `everyMs` until stopped. */
function waitSampler(url: string, database: string, everyMs = 50) {
  const client = new pg.Client({ connectionString: url });
  const tally = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    await client.connect();
    while (!stopped) {
      const { rows } = await client.query<{ state: string | null; wait: string | null; query: string }>(
        `select state, coalesce(wait_event_type || ':' || wait_event, 'CPU') as wait, left(regexp_replace(query, '\\s+', ' ', 'g'), 60) as query
         from pg_stat_activity
         where datname = $1 and pid <> pg_backend_pid() and backend_type = 'client backend' and state <> 'idle'`,
        [database],
      );
      samples += 1;
      for (const r of rows) {
        // A lock wait names the statement that waits, so the contended row can be told apart.
        const key =
          r.state === 'active'
            ? `active ${r.wait}${r.wait?.startsWith('Lock:') ? ` in \`${r.query}…\`` : ''}`
            : `${r.state} ${r.wait === 'Client:ClientRead' ? '(waiting for the app)' : r.wait}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
    await client.end();
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return { samples, tally: [...tally.entries()].sort((a, b) => b[1] - a[1]) };
    },
  };
}

/**
 * A pgbench scale-10 database on the same server, kept for the whole run, so that the baseline can
 * be measured in slices between the slices of ingest (see ROUNDS).
 */
async function preparePgbench(serverUrl: string, log: (m: string) => void) {
  const name = scratchName('pgbench');
  const url = new URL(serverUrl);
  const bin = fs.existsSync('/usr/bin/pgbench') ? '/usr/bin/pgbench' : 'pgbench';
  const conn = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres')];
  const env = { ...process.env, ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}) };
  await createServerDatabase(serverUrl, name);
  log('ingest: pgbench -i -s 10');
  await run(bin, ['-i', '-s', '10', '-q', ...conn, name], { env, timeout: 300_000 });
  return {
    /** pgbench -N -c8 -j2 for `seconds`: transactions processed and the time they took. */
    async run(seconds: number): Promise<{ tps: number; tx: number; seconds: number }> {
      const { stdout } = await run(bin, ['-N', '-c8', '-j2', `-T${seconds}`, ...conn, name], { env, timeout: (seconds + 120) * 1000 });
      const tps = Number(stdout.match(/tps = ([\d.]+) \(without initial connection time\)/)?.[1] ?? stdout.match(/tps = ([\d.]+)/)?.[1]);
      const tx = Number(stdout.match(/number of transactions actually processed: (\d+)/)?.[1]);
      if (!Number.isFinite(tps) || !Number.isFinite(tx)) throw new Error(`could not read tps from pgbench:\n${stdout}`);
      return { tps, tx, seconds: tx / tps };
    },
    drop: () => dropServerDatabase(serverUrl, name),
  };
}

export const ingestBenchmark: Benchmark = {
  name: 'ingest',
  summary: 'POST /api/inspections (2 hazards each), 8 concurrent, vs pgbench -N -c8 on the same server',
  timeLimitMinutes: 30,
  async run(ctx) {
    if (!ctx.serverUrl) {
      return { skipped: 'ingest measures PostgreSQL against pgbench on the same server: set BENCH_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)' };
    }
    const serverUrl = ctx.serverUrl;
    const count = Number(process.env.BENCH_INGEST_COUNT ?? 3000);
    const siteCount = Number(process.env.BENCH_INGEST_SITES ?? 1000);
    const pgbenchSeconds = Number(process.env.BENCH_PGBENCH_SECONDS ?? 15);
    const profile = process.env.BENCH_CPU_PROF === '1';

    const pgbench = await preparePgbench(serverUrl, ctx.log);
    const outcome = await ctx.withScratch('ingest', async (scratch) => {
      const { database, info } = scratch;
      ctx.log(`ingest: seeding the town demo on ${info.version}`);
      await seedDemo(database, { scale: 'town' });
      // Only the benchmark's checklist is in force, so each submission answers its handful of items.
      await rawRows(database, `update checklist_versions set status = 'retired' where status = 'published'`);
      const [fire] = await rawRows<{ id: string }>(database, `select id from departments where code = 'fire'`);
      const itemIds = await insertChecklist(database.db, fire!.id, ITEMS);
      const [town] = await rawRows<{ id: string; path: string }>(database, 'select id, path from areas where code = $1', [GUALI_CODE]);
      const siteRows = await rawRows<{ id: string; lng: number | null; lat: number | null }>(
        database,
        `select id, lng, lat from sites where area_path like $1 order by id limit $2`,
        [`${town!.path}%`, siteCount],
      );
      // Submitted during a campaign, as in the field: every site is in its scope and assigned to a
      // squad, so each submission also appends the village and squad ranking tallies (migration 0005).
      const campaignId = randomUUID();
      const squadId = randomUUID();
      await rawRows(
        database,
        `insert into campaigns (id, name, area_id, area_path, starts_on, ends_on, site_kinds)
         values ($1, '基准测试行动', $2, $3, current_date - 1, current_date + 30, array['enterprise','street_shop','rental_housing','high_rise','other'])`,
        [campaignId, town!.id, town!.path],
      );
      await rawRows(database, `insert into campaign_units (id, campaign_id, kind, name, sort_order) values ($1, $2, 'squad', '第一小组', 1)`, [squadId, campaignId]);
      await rawRows(database, `insert into campaign_sites (campaign_id, site_id, squad_id) select $1, unnest($2::uuid[]), $3`, [campaignId, siteRows.map((r) => r.id), squadId]);

      const jobs = countingJobs();
      const running = await startApp(scratch, jobs);
      const client = httpClient(running.baseUrl, 4);
      try {
        // The squad leader inspects anywhere in the town.
        const cookie = await login(client, 'squad');
        const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 180, g: 90, b: 40 } } }).jpeg({ quality: 80 }).toBuffer();
        ctx.log(`ingest: uploading one photo for each of ${siteRows.length} sites`);
        const t = performance.now();
        const keys = await uploadPhotos(client, cookie, siteRows.map((s) => s.id), jpeg, 4);
        const uploadSeconds = since(t) / 1000;
        const sites: IngestSite[] = siteRows.map((s) => ({ id: s.id, lng: s.lng === null ? null : Number(s.lng), lat: s.lat === null ? null : Number(s.lat), photoKey: keys.get(s.id)! }));

        const job = { url: running.baseUrl, cookie, concurrency: CONCURRENCY, sites, itemIds, failures: FAILURES };
        ctx.log(`ingest: warm-up, ${WARMUP} submissions`);
        const warm = await ingestLoad({ ...job, count: WARMUP, maxSeconds: 120, offset: 0 });
        if (warm.created !== WARMUP) throw new Error(`warm-up: ${warm.created}/${WARMUP} created; first error: ${warm.firstError}`);

        // The baseline is measured in slices between the slices of ingest, so both see the same
        // background load on this shared machine (a baseline taken minutes later does not).
        ctx.log(`ingest: ${count} submissions, ${CONCURRENCY} at a time, in ${ROUNDS} slices alternating with pgbench${profile ? ' (CPU profile on)' : ''}`);
        await pgbench.run(PGBENCH_WARMUP_SECONDS);
        const profiler = profile ? await startProfile() : undefined;
        const statements = countStatements();
        const sampler = waitSampler(scratch.url!, new URL(scratch.url!).pathname.slice(1));
        const slices: { ingest: IngestResult; cpuMs: number; pgbench: { tps: number; tx: number; seconds: number } }[] = [];
        let sent = 0;
        for (let round = 0; round < ROUNDS; round++) {
          const n = Math.round((count * (round + 1)) / ROUNDS) - sent;
          const baseline = await pgbench.run(pgbenchSeconds / ROUNDS);
          const cpu0 = process.cpuUsage();
          const ingest = await ingestLoad({ ...job, count: n, maxSeconds: 300, offset: WARMUP + sent });
          const cpu = process.cpuUsage(cpu0);
          if (ingest.created !== n) throw new Error(`${ingest.created}/${n} submissions created (${JSON.stringify(ingest.statuses)}); first error: ${ingest.firstError}`);
          slices.push({ ingest, cpuMs: (cpu.user + cpu.system) / 1000, pgbench: baseline });
          sent += n;
        }
        const issued = statements.stop();
        const waits = await sampler.stop();
        const profileLines = profiler ? await profiler.stop('ingest', 'the server process during the measured run (pgbench slices included)') : [];
        const measured = {
          created: slices.reduce((a, s) => a + s.ingest.created, 0),
          seconds: slices.reduce((a, s) => a + s.ingest.seconds, 0),
          latency: summarise(slices.flatMap((s) => s.ingest.latencies)),
        };
        const baseline = {
          tps: slices.reduce((a, s) => a + s.pgbench.tx, 0) / slices.reduce((a, s) => a + s.pgbench.seconds, 0),
          seconds: slices.reduce((a, s) => a + s.pgbench.seconds, 0),
        };
        const sliceRatios = slices.map((s) => s.ingest.created / s.ingest.seconds / s.pgbench.tps);
        const [stored] = await rawRows<{ inspections: number; hazards: number; notices: number }>(
          database,
          `select (select count(*)::int from inspections) as inspections, (select count(*)::int from hazards) as hazards, (select count(*)::int from notices) as notices`,
        );
        const expected = WARMUP + count;
        if (stored!.inspections !== expected || stored!.hazards !== expected * FAILURES) {
          throw new Error(`stored ${stored!.inspections} inspections and ${stored!.hazards} hazards, expected ${expected} and ${expected * FAILURES}`);
        }
        // The SQL floor: the statements of one submission per connection, replayed without the app.
        const captures: Capture[] = [];
        const captureStart = new Date();
        for (let i = 0; i < CONCURRENCY; i++) {
          captures.push(await recordStatements(async () => void (await ingestLoad({ ...job, concurrency: 1, count: 1, maxSeconds: 60, offset: WARMUP + count + i }))));
        }
        await removeWrittenSince(scratch.url!, captureStart);
        const floorSlices: { tx: number; seconds: number; tps: number }[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          const baselineSlice = await pgbench.run(pgbenchSeconds / ROUNDS);
          floorSlices.push({ ...(await replayLoad(scratch.url!, captures, pgbenchSeconds / ROUNDS)), tps: baselineSlice.tps });
        }
        const floor = {
          perSecond: floorSlices.reduce((a, s) => a + s.tx, 0) / floorSlices.reduce((a, s) => a + s.seconds, 0),
          pgbenchTps: floorSlices.reduce((a, s) => a + s.tps, 0) / floorSlices.length,
          statements: captures[0]!.transaction.length + captures[0]!.outside.length,
        };
        const cpuPct = (slices.reduce((a, s) => a + s.cpuMs, 0) / (measured.seconds * 1000)) * 100;
        const perSecond = measured.created / measured.seconds;
        // The sampler's own queries go through pg.Client too: one per sample.
        const statementsPerSubmission = (issued - waits.samples) / measured.created;
        const waitTotal = waits.tally.reduce((s, [, n]) => s + n, 0) || 1;
        return { info, perSecond, measured, baseline, sliceRatios, floor, cpuPct, uploadSeconds, sites: sites.length, stored: stored!, jobs: jobs.count, statementsPerSubmission, waits, waitTotal, profileLines };
      } finally {
        client.close();
        await running.close();
      }
    }).finally(() => pgbench.drop());

    const bench = outcome.baseline;
    const ratio = outcome.perSecond / bench.tps;
    const m = outcome.measured;
    const metrics: Metric[] = [
      {
        name: 'ingest_per_s',
        value: round(outcome.perSecond, 1),
        unit: 'submissions/s',
        baseline: 'pgbench_tps',
        reading: `${m.created.toLocaleString('en')} inspections (6 answers, 2 hazards, notice, SMS, colour, 2 audit events each) in ${fmt(m.seconds)} s at concurrency ${CONCURRENCY}; latency p50 ${fmt(m.latency.p50)} ms, p95 ${fmt(m.latency.p95)} ms`,
      },
      {
        name: 'pgbench_tps',
        value: round(bench.tps, 1),
        unit: 'tx/s',
        baseline: 'is the baseline',
        reading: `pgbench -N -c8 -j2 on a -s 10 scratch database, same server, ${fmt(bench.seconds)} s in ${ROUNDS} slices alternating with the ingest slices (after a ${PGBENCH_WARMUP_SECONDS} s warm-up): what 8 clients of simple update transactions get`,
      },
      {
        name: 'ingest_ratio',
        value: round(ratio, 4),
        unit: '× pgbench tx',
        baseline: 'ingest_per_s / pgbench_tps',
        reading: `${ratio >= 0.5 ? 'meets' : 'BELOW'} the 0.5 target: one submission costs ${fmt(1 / ratio)} pgbench transactions of capacity; per slice ${outcome.sliceRatios.map((r) => fmt(r)).join(' / ')}`,
      },
      {
        name: 'ingest_sql_floor_ratio',
        value: round(outcome.floor.perSecond / outcome.floor.pgbenchTps, 4),
        unit: '× pgbench tx',
        baseline: 'pgbench_tps (own alternating slices)',
        reading: `the ${outcome.floor.statements} statements of one submission, recorded from the app and replayed from ${CONCURRENCY} plain pg connections (each its own site) with no HTTP, validation or application code, ending in ROLLBACK (no commit flush): ${fmt(outcome.floor.perSecond)} replays/s against pgbench ${fmt(outcome.floor.pgbenchTps)} tx/s — the ceiling for an application that sends these statements one after another (one server-side function would save their round trips, not the work the database does for them)`,
      },
      {
        name: 'ingest_p95_ms',
        value: round(m.latency.p95, 1),
        unit: 'ms',
        baseline: '',
        reading: `per-submission latency at concurrency ${CONCURRENCY} (p99 ${fmt(m.latency.p99)} ms, max ${fmt(m.latency.max)} ms)`,
      },
      {
        name: 'ingest_server_cpu_pct',
        value: round(outcome.cpuPct, 1),
        unit: '% of one core',
        baseline: '',
        reading: `CPU of the Node server process (user + system) over the measured run; 100 % = its one JS thread saturated`,
      },
    ];
    const notes = [
      `Town demo, ${outcome.sites.toLocaleString('en')} sites with one photo each uploaded over HTTP first (${fmt(outcome.uploadSeconds)} s), a ${ITEMS}-item checklist (library checklists retired), the squad leader's session; ${WARMUP} warm-up submissions, then ${m.created.toLocaleString('en')} measured. Stored afterwards: ${outcome.stored.inspections.toLocaleString('en')} inspections, ${outcome.stored.hazards.toLocaleString('en')} hazards, ${outcome.stored.notices.toLocaleString('en')} notices; ${outcome.jobs.toLocaleString('en')} job triggers counted, not run. ${fmt(outcome.statementsPerSubmission)} statements (round trips, BEGIN/COMMIT included) per submission, the session lookup included.`,
      '',
      `What the app's PostgreSQL backends were doing (pg_stat_activity every 50 ms, ${outcome.waits.samples} samples; share of non-idle backend samples): ${outcome.waits.tally
        .slice(0, 8)
        .map(([k, n]) => `${k} ${((n / outcome.waitTotal) * 100).toFixed(0)} %`)
        .join(', ')}.`,
      ...outcome.profileLines,
    ];
    return { database: outcome.info, metrics, notes };
  },
};
