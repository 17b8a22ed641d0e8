/**
 * npm run bench [-- <name>…]: runs the benchmarks in bench/benchmarks/, prints a table, merges the
 * metrics into bench/results.json and appends a dated section to bench/RESULTS.md.
 *
 *   BENCH_DATABASE_URL  a PostgreSQL server; each benchmark creates and drops its own scratch
 *                       database there. Unset: PGlite in a temp dir.
 *   BENCH_IMPORT_ROWS   roster rows for `import` (100,000)
 *   BENCH_SCALE         demo scale for `site-list`: town | guali | city (city)
 *   BENCH_INGEST_COUNT  submissions for `ingest` (3,000)
 *   BENCH_CPU_PROF      1: write a CPU profile of the measured phase to bench/results/<name>.cpuprofile
 *   BENCH_NO_RECORD     1: print only, leave results.json and RESULTS.md alone (trying things out)
 */
import { importBenchmark } from './benchmarks/import.ts';
import { siteListBenchmark } from './benchmarks/site-list.ts';
import { ingestBenchmark } from './benchmarks/ingest.ts';
import { rankingsBenchmark } from './benchmarks/rankings.ts';
import { mapBenchmark } from './benchmarks/map.ts';
import { dropLiveDatabases, withScratch } from './lib/db.ts';
import { appendResultsMd, commandLine, commit, machine, printTable, writeResultsJson, type RunRecord } from './lib/report.ts';
import { isSkipped, type BenchContext, type Benchmark } from './lib/types.ts';

const BENCHMARKS: readonly Benchmark[] = [importBenchmark, siteListBenchmark, ingestBenchmark, rankingsBenchmark, mapBenchmark];

const args = process.argv.slice(2);
const wanted = args.filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !BENCHMARKS.some((b) => b.name === w));
if (unknown.length || args.includes('--help')) {
  console.log(`usage: npm run bench [-- ${BENCHMARKS.map((b) => b.name).join(' | ')} …]`);
  for (const b of BENCHMARKS) console.log(`  ${b.name.padEnd(10)} ${b.summary}`);
  process.exit(unknown.length ? 2 : 0);
}
const selected = wanted.length ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS;
const serverUrl = process.env.BENCH_DATABASE_URL || undefined;

const started = new Date();
const t0 = performance.now();
const stamp = () => `[${((performance.now() - t0) / 1000).toFixed(0).padStart(5)} s]`;
const ctx: BenchContext = {
  serverUrl,
  log: (message) => console.log(`${stamp()} ${message}`),
  withScratch: (label, fn) => withScratch(serverUrl, label, fn),
};

process.on('SIGINT', () => {
  console.error('interrupted: dropping scratch databases');
  void dropLiveDatabases(serverUrl).finally(() => process.exit(130));
});

console.log(`machine: ${machine()}`);
console.log(
  serverUrl
    ? `database: PostgreSQL at ${new URL(serverUrl).host} (BENCH_DATABASE_URL); each benchmark uses its own scratch database`
    : 'database: PGlite (embedded PostgreSQL in WebAssembly) in a temp dir — BENCH_DATABASE_URL is not set',
);

const record: RunRecord = { command: commandLine(args), commit: commit(), startedAt: started, seconds: 0, outcomes: [] };
for (const bench of selected) {
  ctx.log(`── ${bench.name}: ${bench.summary}`);
  // Bounded in time: a benchmark that overruns its limit ends the run (scratch databases dropped).
  const watchdog = setTimeout(() => {
    console.error(`${bench.name} overran its ${bench.timeLimitMinutes}-minute limit; stopping`);
    void dropLiveDatabases(serverUrl).finally(() => process.exit(3));
  }, bench.timeLimitMinutes * 60_000);
  try {
    const outcome = await bench.run(ctx);
    if (isSkipped(outcome)) ctx.log(`${bench.name}: skipped — ${outcome.skipped}`);
    else for (const line of outcome.notes) if (!line.startsWith('<') && !line.startsWith('```')) console.log(`    ${line}`);
    record.outcomes.push({ name: bench.name, summary: bench.summary, outcome });
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`${bench.name} failed:\n${text}`);
    record.outcomes.push({ name: bench.name, summary: bench.summary, outcome: { failed: text } });
  } finally {
    clearTimeout(watchdog);
  }
}
record.seconds = (performance.now() - t0) / 1000;

printTable(record);
if (process.env.BENCH_NO_RECORD === '1') {
  console.log('BENCH_NO_RECORD=1: results.json and RESULTS.md left alone');
} else {
  writeResultsJson(record);
  appendResultsMd(record);
  console.log('written: bench/results.json, bench/RESULTS.md');
}
process.exit(record.outcomes.some(({ outcome }) => 'failed' in outcome) ? 1 : 0);
