import type { Database } from './db/client.ts';
import type { AuditEntry } from './write.ts';

/** What a committed write changed, as its audit entries name it (no row data). */
export interface Change {
  action: string;
  entityType: string;
  entityId: string;
}

export type ChangeListener = (changes: readonly Change[]) => void;

// One feed per database, so several apps in one process (tests) never hear each other.
const feeds = new WeakMap<Database, Set<ChangeListener>>();

/**
 * In-process change feed: every write publishes its audit entries here after commit, so live
 * views (dashboard, map) learn that something changed without polling. Listeners must be cheap
 * and must not throw; they decide themselves what to re-read.
 */
export function subscribeChanges(database: Database, listener: ChangeListener): () => void {
  let listeners = feeds.get(database);
  if (!listeners) feeds.set(database, (listeners = new Set()));
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function publishChanges(database: Database, entries: readonly AuditEntry[]): void {
  const listeners = feeds.get(database);
  if (!listeners?.size || entries.length === 0) return;
  const changes = entries.map(({ action, entityType, entityId }) => ({ action, entityType, entityId }));
  for (const listener of listeners) {
    // The write has committed: a failing live view must not turn it into an error response.
    try {
      listener(changes);
    } catch (error) {
      process.emitWarning(`change listener failed: ${String(error)}`);
    }
  }
}
