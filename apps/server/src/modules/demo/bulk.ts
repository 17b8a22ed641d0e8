import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../platform/db/client.ts';

/** Moved to platform/db: the inspection write path uses it too. */
export { bulkInsert } from '../../platform/db/bulk.ts';

/**
 * Runs a bulk load with the table's secondary indexes dropped, then rebuilds them from their own
 * stored definitions: one sorted build beats a million single-row index inserts. Indexes that back
 * constraints (the primary key, UNIQUE constraints) stay. Call inside a transaction, so a failure
 * restores the indexes and a duplicate still fails the load at rebuild.
 */
export async function withoutSecondaryIndexes<R>(tx: Tx, table: PgTable, load: () => Promise<R>): Promise<R> {
  // Both drivers answer raw queries with { rows }; the transaction type does not say so.
  const result = (await tx.execute(sql`
    select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = ${getTableName(table)}::regclass
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`)) as unknown as { rows: { name: string; definition: string }[] };
  for (const index of result.rows) await tx.execute(sql`drop index ${sql.identifier(index.name)}`);
  const value = await load();
  for (const index of result.rows) await tx.execute(sql.raw(index.definition));
  return value;
}

/**
 * Skips foreign-key checks for the rest of the transaction (session_replication_role = replica),
 * but only where that skips nothing else: the role must be a superuser (PGlite always is) and the
 * tables must have no triggers beyond the internal foreign-key ones. For a seed whose references
 * are correct by construction this saves a lookup per row; answers whether it applied.
 */
export async function skipForeignKeyChecks(tx: Tx, tables: readonly PgTable[]): Promise<boolean> {
  const names = tables.map((t) => getTableName(t));
  const check = (await tx.execute(sql`
    select (select rolsuper from pg_roles where rolname = current_user) as superuser,
      (select count(*)::int from pg_trigger
        where not tgisinternal and tgrelid in (select oid from pg_class where relname in (${sql.join(names.map((n) => sql`${n}`), sql`, `)}))) as triggers`)) as unknown as {
    rows: { superuser: boolean; triggers: number }[];
  };
  const row = check.rows[0];
  if (!row?.superuser || row.triggers > 0) return false;
  await tx.execute(sql`set local session_replication_role = replica`);
  return true;
}

/** Back to normal before anything else (the audit append, say) runs in the same transaction. */
export async function restoreForeignKeyChecks(tx: Tx): Promise<void> {
  await tx.execute(sql`set local session_replication_role = origin`);
}
