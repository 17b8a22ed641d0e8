import { randomBytes } from 'node:crypto';
import { getTableName, sql } from 'drizzle-orm';
import { auditEvents } from '../modules/audit/schema.ts';
import { chainParts, GENESIS_HASH } from '../modules/audit/chain.ts';
import type { Tx } from './db/client.ts';
import type { RequestContext } from './context.ts';
import { publishChanges } from './changes.ts';

/** The advisory lock that orders the audit chain (seq order is commit order). */
const AUDIT_CHAIN_LOCK = 7305001;
const AUDIT_TABLE = getTableName(auditEvents);

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface WriteScope {
  tx: Tx;
  audit(entry: AuditEntry): void;
  /** Runs after a successful commit (queueing jobs, pushing live updates). */
  afterCommit(fn: () => Promise<void> | void): void;
}

/**
 * The one path every write takes: a transaction, the audit events of the change appended to the
 * hash chain inside it, and follow-ups only once it has committed. Permission and input checks
 * happen before any row is touched, inside `fn`, so a refusal rolls everything back.
 */
export async function write<T>(ctx: RequestContext, fn: (scope: WriteScope) => Promise<T>): Promise<T> {
  const entries: AuditEntry[] = [];
  const followUps: (() => Promise<void> | void)[] = [];
  const result = await ctx.database.db.transaction(async (tx) => {
    const value = await fn({ tx, audit: (e) => entries.push(e), afterCommit: (f) => followUps.push(f) });
    if (entries.length > 0) await appendAudit(tx, ctx, entries);
    return value;
  });
  publishChanges(ctx.database, entries);
  for (const followUp of followUps) await followUp();
  return result;
}

/**
 * Last in the transaction, so the chain lock is held only until commit. The append reads the chain's
 * last row in a statement that starts after the lock is granted (so it sees the previous holder's
 * commit) and hashes in SQL — sha256(prevHash + canonical JSON), the JSON assembled from parts made
 * before the lock (`chainParts`) — so no application work happens under the lock. `at` is taken
 * under the lock, so seq order is time order.
 *
 * On PostgreSQL lock, append and COMMIT go to the server as one message (the simple protocol runs
 * each statement with a fresh snapshot), so the lock is held for the server's own work only, never
 * for a round trip to this process; a `begin` at its end gives the transaction wrapper an empty
 * transaction to close. On PGlite (one connection, nothing waits) they are two plain statements.
 */
async function appendAudit(tx: Tx, ctx: RequestContext, entries: AuditEntry[]): Promise<void> {
  const rows = entries.map((entry, i) => {
    const fields = {
      actorId: ctx.actor.id,
      actorName: ctx.actor.displayName,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
      ip: ctx.ip,
      requestId: ctx.requestId,
    };
    return { i: i + 1, ...chainParts(fields), ...fields };
  });
  const append = appendStatement(JSON.stringify(rows));
  if (ctx.database.kind === 'postgres') {
    await tx.execute(sql.raw(`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}); ${append}; commit; begin`));
  } else {
    await tx.execute(sql.raw(`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`));
    await tx.execute(sql.raw(append));
  }
}

/**
 * The append as SQL text: it must travel in a multi-statement message, which takes no parameters,
 * so the rows are a dollar-quoted literal under a random tag that the JSON is checked not to contain.
 */
function appendStatement(json: string): string {
  let tag: string;
  do tag = `$j${randomBytes(8).toString('hex')}$`;
  while (json.includes(tag));
  return `
    with recursive
      input as (
        select * from json_to_recordset(${tag}${json}${tag}::json) as x(
          i int, head text, tail text, "actorId" uuid, "actorName" text, action text, "entityType" text,
          "entityId" text, before jsonb, after jsonb, ip text, "requestId" text)
      ),
      start as (
        select coalesce(last.seq, 0) as seq, coalesce(last.hash, '${GENESIS_HASH}') as hash, stamp.at,
               to_char(stamp.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at_text
        from (select date_trunc('milliseconds', clock_timestamp()) as at) stamp
        left join (select seq, hash from ${AUDIT_TABLE} order by seq desc limit 1) last on true
      ),
      chain (i, seq, prev_hash, hash) as (
        select 0, seq, null::text, hash from start
        union all
        select c.i + 1, c.seq + 1, c.hash,
               encode(sha256(convert_to(c.hash || x.head || '"' || s.at_text || '"' || x.tail || (c.seq + 1)::text || '}', 'UTF8')), 'hex')
        from chain c join input x on x.i = c.i + 1 cross join start s
      )
    insert into ${AUDIT_TABLE} (seq, at, actor_id, actor_name, action, entity_type, entity_id, before, after, ip, request_id, prev_hash, hash)
    select c.seq, s.at, x."actorId", x."actorName", x.action, x."entityType", x."entityId", x.before, x.after, x.ip, x."requestId", c.prev_hash, c.hash
    from chain c join input x on x.i = c.i cross join start s
    order by c.seq`;
}

/** Stored as jsonb, hashed as the same plain JSON (Dates become ISO strings). */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
