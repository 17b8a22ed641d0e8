import path from 'node:path';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.ts';
import { lockDataDir } from './lock.ts';

export type Schema = typeof schema;
/** One query type for both drivers: feature code never knows which one it runs on. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  pglite?: PGlite;
  pool?: pg.Pool;
  /**
   * PostgreSQL only: a second, small pool for single autocommit statements that a transaction needs
   * done outside itself (a document number, so the counter row is not locked until that commit).
   * Separate from `pool`, so a transaction holding a connection never waits for another one there.
   */
  sidecar?: Db;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../drizzle');

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite directory; undefined = in memory (tests). */
  dataDir?: string | undefined;
  /** A dumped, migrated PGlite data dir to start from (fast test databases). */
  loadDataDir?: Blob | File | undefined;
  poolSize?: number;
}

// pg returns int8 and numeric as strings; counts here never exceed 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('error', () => {}); // idle client errors surface on the next query
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    const sidecarPool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
    sidecarPool.on('error', () => {});
    const sidecar = drizzlePg({ client: sidecarPool, schema }) as unknown as Db;
    return { db, kind: 'postgres', pool, sidecar, close: async () => void (await Promise.all([pool.end(), sidecarPool.end()])) };
  }
  let unlock = () => {};
  if (options.dataDir) {
    unlock = lockDataDir(options.dataDir);
    fs.mkdirSync(path.join(options.dataDir, 'pgdata'), { recursive: true });
  }
  try {
    const pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: path.join(options.dataDir, 'pgdata') } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm },
    });
    const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      pglite,
      close: async () => {
        await pglite.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    await migratePg(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  }
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** The tag of the newest applied migration, e.g. "0000_foundation". */
export async function migrationVersion(db: Db): Promise<string | null> {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as Journal;
  const result = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  const applied = Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  return applied > 0 ? (journal.entries[applied - 1]?.tag ?? null) : null;
}
