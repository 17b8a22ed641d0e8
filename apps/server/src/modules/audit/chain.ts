import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
}

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function chainHash(prevHash: string, event: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(event)).digest('hex');
}

/**
 * The canonical JSON of an event split around its two database-assigned fields: `at` (the 5th key in
 * sorted order) and `seq` (the last), so that
 *   canonicalJson(event) = head + JSON.stringify(at) + tail + String(seq) + '}'.
 * The writer hashes in SQL under the chain lock from these parts, so nothing is computed in the
 * application while the lock is held; the chain itself is unchanged.
 */
export function chainParts(e: Omit<ChainedFields, 'seq' | 'at'>): { head: string; tail: string } {
  const head = canonicalJson({ action: e.action, actorId: e.actorId, actorName: e.actorName, after: e.after });
  const tail = canonicalJson({ before: e.before, entityId: e.entityId, entityType: e.entityType, ip: e.ip, requestId: e.requestId });
  return { head: `${head.slice(0, -1)},"at":`, tail: `,${tail.slice(1, -1)},"seq":` };
}

export interface StoredEvent extends ChainedFields {
  prevHash: string;
  hash: string;
}

export type ChainBreak = { seq: number; reason: 'edited' | 'missing_before' | 'relinked' };

/**
 * Walks events in seq order. An edited row no longer matches its hash; a deleted row leaves the
 * next one pointing at a hash that is not its predecessor's (or a gap in seq).
 */
export function verifyChain(events: Iterable<StoredEvent>, start = { prevHash: GENESIS_HASH, seq: 0 }): {
  breaks: ChainBreak[];
  last: { prevHash: string; seq: number };
  count: number;
} {
  const breaks: ChainBreak[] = [];
  let { prevHash, seq } = start;
  let count = 0;
  for (const event of events) {
    count++;
    if (event.prevHash !== prevHash) {
      breaks.push({ seq: event.seq, reason: event.seq !== seq + 1 ? 'missing_before' : 'relinked' });
    }
    if (chainHash(event.prevHash, pickChained(event)) !== event.hash) breaks.push({ seq: event.seq, reason: 'edited' });
    prevHash = event.hash;
    seq = event.seq;
  }
  return { breaks, last: { prevHash, seq }, count };
}

function pickChained(e: ChainedFields): ChainedFields {
  return {
    seq: e.seq,
    at: e.at,
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
    ip: e.ip,
    requestId: e.requestId,
  };
}
