import type { ScratchDatabase } from './db.ts';

/** One measured number. `baseline` says what it is compared with in the same run, or that it is a baseline ('' for neither). */
export interface Metric {
  name: string;
  value: number;
  unit: string;
  baseline: string;
  /** One line: what the number means. */
  reading: string;
}

export interface DatabaseInfo {
  kind: 'pglite' | 'postgres';
  version: string;
}

export interface Outcome {
  database: DatabaseInfo;
  metrics: Metric[];
  /** Extra lines for RESULTS.md (per-query breakdowns, EXPLAIN findings, profiles). */
  notes: string[];
}

export interface Skipped {
  skipped: string;
}

export interface BenchContext {
  /** The PostgreSQL server to create scratch databases on; undefined = PGlite in a temp dir. */
  serverUrl: string | undefined;
  log(message: string): void;
  /** A fresh, migrated application database (and a temp dir for files), removed afterwards. */
  withScratch<T>(label: string, fn: (scratch: ScratchDatabase) => Promise<T>): Promise<T>;
}

export interface Benchmark {
  name: string;
  summary: string;
  /** Hard limit for the whole benchmark, seeding included; past it the run is stopped. */
  timeLimitMinutes: number;
  run(ctx: BenchContext): Promise<Outcome | Skipped>;
}

export const isSkipped = (o: Outcome | Skipped): o is Skipped => 'skipped' in o;
