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
