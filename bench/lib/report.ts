import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fmt } from './stats.ts';
import type { Outcome } from './types.ts';

export const BENCH_DIR = path.resolve(import.meta.dirname, '..');
export const RESULTS_JSON = path.join(BENCH_DIR, 'results.json');
export const RESULTS_MD = path.join(BENCH_DIR, 'RESULTS.md');

export interface RunRecord {
  command: string;
  /** Taken at the start of the run. */
  commit: string;
  startedAt: Date;
  seconds: number;
  outcomes: { name: string; summary: string; outcome: Outcome | { skipped: string } | { failed: string } }[];
}

export function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const gib = (os.totalmem() / 2 ** 30).toFixed(1);
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  return `${cpus.length} cores (${model}), ${gib} GiB memory, Node ${process.version}, ${os.platform()} ${os.arch()} ${os.release()}; load average ${load} (1/5/15 min) when written`;
}

/** HEAD when the run starts (others may commit while it runs), and whether the work tree differs from it. */
export function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: BENCH_DIR, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: BENCH_DIR, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} + uncommitted changes in the work tree` : head;
  } catch {
    return 'unknown';
  }
}

/** The command as typed: the BENCH_* variables that were set, then npm run bench (or node bench/run.ts) and the arguments. */
export function commandLine(args: readonly string[]): string {
  const env = Object.entries(process.env)
    .filter(([k, v]) => k.startsWith('BENCH_') && v !== undefined && v !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`);
  const base = process.env.npm_lifecycle_event === 'bench' ? `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}` : `node bench/run.ts${args.length ? ` ${args.join(' ')}` : ''}`;
  return [...env, base].join(' ');
}

/** PostgreSQL results keep the plain metric names; PGlite ones are stored as name@pglite. */
export const storedName = (metric: string, kind: 'pglite' | 'postgres') => (kind === 'pglite' ? `${metric}@pglite` : metric);

export function printTable(record: RunRecord): void {
  const rows: string[][] = [['benchmark', 'metric', 'value', 'unit', 'database', 'baseline (same run)']];
  for (const { name, outcome } of record.outcomes) {
    if ('skipped' in outcome) rows.push([name, '(skipped)', '', '', '', outcome.skipped]);
    else if ('failed' in outcome) rows.push([name, '(FAILED)', '', '', '', outcome.failed.split('\n')[0]!]);
    else for (const m of outcome.metrics) rows.push([name, m.name, fmt(m.value), m.unit, outcome.database.kind, m.baseline]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  console.log('');
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
  console.log('');
}

export function writeResultsJson(record: RunRecord): void {
  let existing: Record<string, number> = {};
  try {
    existing = JSON.parse(fs.readFileSync(RESULTS_JSON, 'utf8')) as Record<string, number>;
  } catch {}
  for (const { outcome } of record.outcomes) {
    if ('metrics' in outcome) for (const m of outcome.metrics) existing[storedName(m.name, outcome.database.kind)] = m.value;
  }
  const sorted = Object.fromEntries(Object.entries(existing).sort(([a], [b]) => a.localeCompare(b)));
  fs.writeFileSync(RESULTS_JSON, `${JSON.stringify(sorted, null, 2)}\n`);
}

const HEADER = `# Benchmark results

Written by \`npm run bench\` (bench/run.ts): each run appends a dated section with the exact command,
the database, the machine, every metric, the baseline it is compared with and a one-line reading.
Every baseline is measured in the same run, on the same machine and database server, so ratios
are comparable across machines while absolute numbers are not. \`bench/results.json\` keeps the
latest value of each metric (PGlite runs as \`name@pglite\`).
`;

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function appendResultsMd(record: RunRecord): void {
  const out: string[] = [];
  if (!fs.existsSync(RESULTS_MD)) out.push(HEADER);
  const kinds = new Set(record.outcomes.flatMap(({ outcome }) => ('database' in outcome ? [outcome.database.version] : [])));
  out.push('');
  out.push(`## ${record.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC — \`${record.command}\``);
  out.push('');
  out.push(`- command: \`${record.command}\``);
  out.push(`- database: ${kinds.size ? [...kinds].join('; ') : 'none'}${process.env.BENCH_DATABASE_URL ? ' (one scratch database per benchmark, created and dropped by the run)' : ' (PGlite in a temp dir: BENCH_DATABASE_URL was not set)'}`);
  out.push(`- machine: ${machine()}`);
  out.push(`- commit at start: ${record.commit}`);
  out.push(`- duration: ${Math.round(record.seconds)} s`);
  for (const { name, summary, outcome } of record.outcomes) {
    out.push('');
    out.push(`### ${name} — ${summary}`);
    out.push('');
    if ('skipped' in outcome) {
      out.push(`Skipped: ${outcome.skipped}`);
      continue;
    }
    if ('failed' in outcome) {
      out.push('FAILED:');
      out.push('');
      out.push('```');
      out.push(outcome.failed);
      out.push('```');
      continue;
    }
    out.push(`Database: ${outcome.database.version}.`);
    out.push('');
    out.push('| metric | value | unit | baseline (same run) | reading |');
    out.push('| --- | ---: | --- | --- | --- |');
    for (const m of outcome.metrics) out.push(`| \`${m.name}\` | ${fmt(m.value)} | ${cell(m.unit)} | ${cell(m.baseline || '—')} | ${cell(m.reading)} |`);
    if (outcome.notes.length) {
      out.push('');
      for (const note of outcome.notes) out.push(note);
    }
  }
  out.push('');
  fs.appendFileSync(RESULTS_MD, out.join('\n'));
}
