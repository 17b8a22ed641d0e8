import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../../apps/server/src/platform/db/client.ts';
import type { DatabaseInfo } from './types.ts';

/** A fresh application database for one benchmark, plus a temp dir for uploaded files. */
export interface ScratchDatabase {
  database: Database;
  info: DatabaseInfo;
  /** postgres://… of the scratch database (PostgreSQL only). */
  url: string | undefined;
  /** Temp dir the benchmark may use (DATA_DIR for the app, generated files). */
  dir: string;
}

/** Databases created by this process and not yet dropped, for the exit handler. */
const live = new Set<string>();

export const scratchName = (label: string) => `anxun_bench_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}`;

export function withDatabaseName(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on the server's maintenance connection (create/drop database). */
export async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createServerDatabase(serverUrl: string, name: string): Promise<string> {
  await adminQuery(serverUrl, `drop database if exists "${name}" with (force)`);
  await adminQuery(serverUrl, `create database "${name}"`);
  live.add(name);
  return withDatabaseName(serverUrl, name);
}

export async function dropServerDatabase(serverUrl: string, name: string): Promise<void> {
  await adminQuery(serverUrl, `drop database if exists "${name}" with (force)`);
  live.delete(name);
}

/** Best effort on an interrupted run: nothing of ours is left on the server. */
export async function dropLiveDatabases(serverUrl: string | undefined): Promise<void> {
  if (!serverUrl) return;
  for (const name of [...live]) await dropServerDatabase(serverUrl, name).catch(() => {});
}

export async function databaseInfo(database: Database): Promise<DatabaseInfo> {
  const [row] = await rawRows<{ v: string }>(database, 'select version() as v');
  const full = row?.v ?? 'unknown';
  const server = full.match(/^PostgreSQL [\d.]+/)?.[0] ?? full;
  if (database.kind === 'pglite') {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
    return { kind: 'pglite', version: `PGlite ${pkg.version} (${server}, WebAssembly, in-process)` };
  }
  return { kind: 'postgres', version: `${server} server` };
}

export async function withScratch<T>(serverUrl: string | undefined, label: string, fn: (scratch: ScratchDatabase) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `anxun-bench-${label}-`));
  const name = scratchName(label);
  let database: Database | undefined;
  try {
    const url = serverUrl ? await createServerDatabase(serverUrl, name) : undefined;
    database = url ? await openDatabase({ databaseUrl: url, poolSize: 10 }) : await openDatabase({ dataDir: path.join(dir, 'data') });
    await migrateDatabase(database);
    return await fn({ database, info: await databaseInfo(database), url, dir });
  } finally {
    await database?.close().catch(() => {});
    if (serverUrl) await dropServerDatabase(serverUrl, name).catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows of a raw query on either driver. */
export async function rawRows<R>(database: Database, text: string, params: unknown[] = []): Promise<R[]> {
  if (database.pglite) return (await database.pglite.query<R>(text, params)).rows;
  return (await database.pool!.query(text, params)).rows as R[];
}
