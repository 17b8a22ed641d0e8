import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { auditEvents } from './schema.ts';
import { GENESIS_HASH, verifyChain, type ChainBreak } from './chain.ts';

/** Re-hashes the whole chain in pages; any edited, inserted or deleted row shows as a break. */
export async function verifyAuditLog(db: Db, pageSize = 5000): Promise<{ count: number; breaks: ChainBreak[] }> {
  let state = { prevHash: GENESIS_HASH, seq: 0 };
  let count = 0;
  const breaks: ChainBreak[] = [];
  for (;;) {
    const rows = await db.select().from(auditEvents).where(gt(auditEvents.seq, state.seq)).orderBy(asc(auditEvents.seq)).limit(pageSize);
    if (rows.length === 0) break;
    const result = verifyChain(
      rows.map((r) => ({ ...r, at: r.at.toISOString() })),
      state,
    );
    breaks.push(...result.breaks);
    count += result.count;
    state = result.last;
  }
  return { count, breaks };
}
