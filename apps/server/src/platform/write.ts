import { desc, sql } from 'drizzle-orm';
import { auditEvents } from '../modules/audit/schema.ts';
import { chainHash, GENESIS_HASH } from '../modules/audit/chain.ts';
import type { Tx } from './db/client.ts';
import type { RequestContext } from './context.ts';
import { publishChanges } from './changes.ts';

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

/** Last in the transaction, so the chain lock is held only until commit. */
async function appendAudit(tx: Tx, ctx: RequestContext, entries: AuditEntry[]): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7305001)`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  let seq = last?.seq ?? 0;
  const at = new Date().toISOString();
  const rows = entries.map((entry) => {
    seq += 1;
    const fields = {
      seq,
      at,
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
    const hash = chainHash(prevHash, fields);
    const row = { ...fields, at: new Date(at), prevHash, hash };
    prevHash = hash;
    return row;
  });
  await tx.insert(auditEvents).values(rows);
}

/** Stored as jsonb, hashed as the same plain JSON (Dates become ISO strings). */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
