import { inArray, sql } from 'drizzle-orm';
import type { ChangeKind } from '@anxun/contracts';
import type { Database } from '../../platform/db/client.ts';
import { subscribeChanges, type Change } from '../../platform/changes.ts';
import { pathInScope } from '../../platform/scope.ts';
import { sites } from '../sites/schema.ts';
import { hazards } from '../hazards/schema.ts';
import { inspections } from '../inspections/schema.ts';
import type { Lens } from './queries.ts';
import { changeKind } from './rules.ts';

/** Changes are gathered this long, so a burst (an inspection with twenty findings) is one signal. */
export const LIVE_DEBOUNCE_MS = 1000;

export type LiveListener = (kinds: ChangeKind[]) => void;

interface Watcher {
  lens: Lens;
  send: LiveListener;
}

/** Where each changed entity lies now: one query per burst, shared by every open dashboard. */
async function locate(database: Database, changes: readonly Change[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(changes.filter((c) => c.entityType === type).map((c) => c.entityId))];
  const [siteIds, hazardIds, inspectionIds] = [ids('site'), ids('hazard'), ids('inspection')];
  const paths = new Map<string, string>();
  const db = database.db;
  if (siteIds.length) for (const r of await db.select({ id: sites.id, path: sites.areaPath }).from(sites).where(inArray(sites.id, siteIds))) paths.set(`site:${r.id}`, r.path);
  if (hazardIds.length) {
    const rows = await db.select({ id: hazards.id, path: sql<string>`(select ${sites.areaPath} from ${sites} where ${sites.id} = ${hazards.siteId})` }).from(hazards).where(inArray(hazards.id, hazardIds));
    for (const r of rows) paths.set(`hazard:${r.id}`, r.path);
  }
  if (inspectionIds.length) {
    const rows = await db.select({ id: inspections.id, path: sql<string>`(select ${sites.areaPath} from ${sites} where ${sites.id} = ${inspections.siteId})` }).from(inspections).where(inArray(inspections.id, inspectionIds));
    for (const r of rows) paths.set(`inspection:${r.id}`, r.path);
  }
  return paths;
}

/** Does a site at `path` count in this dashboard? (Site kinds are not checked: a spare refetch is harmless.) */
export function pathInLens(lens: Lens, path: string): boolean {
  return pathInScope(lens.actor, path) && (!lens.areaPath || path.startsWith(lens.areaPath)) && (!lens.campaign || path.startsWith(lens.campaign.areaPath));
}

/**
 * One hub per database listens to the change feed while at least one dashboard is open, gathers a
 * burst, finds where the changed things are, and tells each dashboard the kinds of change in its scope.
 */
class LiveHub {
  private readonly watchers = new Set<Watcher>();
  private pending: Change[] = [];
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  private readonly database: Database;
  private readonly onError: (error: unknown) => void;

  constructor(database: Database, onError: (error: unknown) => void) {
    this.database = database;
    this.onError = onError;
  }

  watch(lens: Lens, send: LiveListener): () => void {
    const watcher = { lens, send };
    this.watchers.add(watcher);
    this.unsubscribe ??= subscribeChanges(this.database, (changes) => this.gather(changes));
    return () => {
      this.watchers.delete(watcher);
      if (this.watchers.size === 0) this.stop();
    };
  }

  private gather(changes: readonly Change[]) {
    this.pending.push(...changes.filter((c) => changeKind(c.action) !== null));
    if (this.pending.length && !this.timer) this.timer = setTimeout(() => void this.flush(), LIVE_DEBOUNCE_MS);
  }

  private async flush() {
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    try {
      const paths = await locate(this.database, batch);
      for (const watcher of this.watchers) {
        const kinds = new Set<ChangeKind>();
        for (const change of batch) {
          const path = paths.get(`${change.entityType}:${change.entityId}`);
          if (path !== undefined && pathInLens(watcher.lens, path)) kinds.add(changeKind(change.action)!);
        }
        if (kinds.size) watcher.send([...kinds].sort());
      }
    } catch (error) {
      this.onError(error);
    }
  }

  private stop() {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }
}

const hubs = new WeakMap<Database, LiveHub>();

export function watchDashboard(database: Database, lens: Lens, send: LiveListener, onError: (error: unknown) => void): () => void {
  let hub = hubs.get(database);
  if (!hub) hubs.set(database, (hub = new LiveHub(database, onError)));
  return hub.watch(lens, send);
}
