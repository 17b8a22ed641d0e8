import { sql, type SQL } from 'drizzle-orm';
import type { MapColourEvent, RiskLevel, SiteColour, SiteKind } from '@anxun/contracts';
import type { Database } from '../../platform/db/client.ts';
import { SiteIndex, type IndexedSite } from './site-index.ts';
import { advanceFeed, newFeed, type IdFeed } from './rules.ts';

/** A colour change with where it happened, so each listener can check it against its own scope. */
export interface ColourChange extends MapColourEvent {
  areaPath: string;
}
export type ColourListener = (change: ColourChange) => void;

/** A hole in colour_history ids older than this is a rolled-back transaction, not a late commit. */
const ID_GRACE_MS = 60_000;
/** Sites edited within this long are read again: a transaction that started earlier may commit late. */
const SITE_WINDOW_SECONDS = 60;
const LOAD_CHUNK = 100_000;
const POLL_MS = 1000;
/** The whole index is rebuilt this often, bounding what a transaction longer than the window could hide. */
const REBUILD_MS = 30 * 60_000;

interface SiteRow {
  id: string;
  lng: number | null;
  lat: number | null;
  colour: SiteColour;
  kind: SiteKind;
  risk_level: RiskLevel | null;
  area_path: string;
}

const toIndexed = (r: SiteRow): IndexedSite => ({ id: r.id, lng: r.lng, lat: r.lat, colour: r.colour, kind: r.kind, riskLevel: r.risk_level, areaPath: r.area_path });

async function rows<T>(database: Database, query: SQL): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

interface Loaded {
  index: SiteIndex;
  colours: IdFeed;
  /** The newest updated_at applied (ms) and what was applied in the trailing window. */
  siteWatermark: number;
  applied: Map<string, number>;
  loadedAt: number;
}

/**
 * The map's view of the sites table, kept current from two feeds: colour_history (every colour
 * change, written in the changing transaction) and sites.updated_at (created and edited sites).
 * One instance per app: all viewers share it, and one poller serves every live connection.
 */
export class MapFeed {
  private loaded: Promise<Loaded> | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private listeners = new Set<ColourListener>();
  private timer: NodeJS.Timeout | null = null;
  private rebuilding = false;

  private readonly database: Database;

  constructor(database: Database) {
    this.database = database;
  }

  /** The index, current as of a moment after this call began. */
  async current(): Promise<SiteIndex> {
    await this.sync();
    return (await this.state()).index;
  }

  subscribe(listener: ColourListener): () => void {
    this.listeners.add(listener);
    this.timer ??= setInterval(() => void this.sync().catch(() => {}), POLL_MS);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  close() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private state(): Promise<Loaded> {
    this.loaded ??= this.load().catch((error: unknown) => {
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  private async load(): Promise<Loaded> {
    // Both high-water marks are taken before reading, so anything committed during the read is read again.
    const [mark] = await rows<{ id: number | string; now: string | Date }>(this.database, sql`select coalesce(max(id), 0) as id, now() as now from colour_history`);
    const index = new SiteIndex();
    let after: { path: string; id: string } | null = null;
    for (;;) {
      const chunk: SiteRow[] = await rows<SiteRow>(
        this.database,
        sql`select id, lng, lat, colour, kind, risk_level, area_path from sites
            ${after ? sql`where (area_path, id) > (${after.path}, ${after.id}::uuid)` : sql``}
            order by area_path, id limit ${LOAD_CHUNK}`,
      );
      for (const r of chunk) index.put(toIndexed(r));
      if (chunk.length < LOAD_CHUNK) break;
      const last = chunk[chunk.length - 1]!;
      after = { path: last.area_path, id: last.id };
    }
    index.markSorted();
    return { index, colours: newFeed(Number(mark!.id)), siteWatermark: new Date(mark!.now).getTime(), applied: new Map(), loadedAt: Date.now() };
  }

  /** Catches up with both feeds; concurrent callers share a run, and a call during a run gets the next one. */
  sync(): Promise<void> {
    if (!this.running) {
      this.running = this.syncOnce().finally(() => (this.running = null));
      return this.running;
    }
    this.queued ??= this.running.then(() => {
      this.queued = null;
      return this.sync();
    });
    return this.queued;
  }

  private async syncOnce() {
    const state = await this.state();
    // Both feeds are read together: on PostgreSQL they run on two pool connections at once.
    await Promise.all([this.syncSites(state), this.syncColours(state)]);
    if (Date.now() - state.loadedAt > REBUILD_MS && !this.rebuilding) void this.rebuild();
  }

  private async rebuild() {
    this.rebuilding = true;
    try {
      const fresh = await this.load();
      this.loaded = Promise.resolve(fresh);
    } catch {
      // The old index keeps serving; the next sync tries again.
    } finally {
      this.rebuilding = false;
    }
  }

  private async syncSites(state: Loaded) {
    const since = new Date(state.siteWatermark).toISOString();
    const changed = await rows<{ id: string; updated_at: string | Date }>(
      this.database,
      sql`select id, updated_at from sites where updated_at > least(${since}::timestamptz, now() - make_interval(secs => ${SITE_WINDOW_SECONDS}))`,
    );
    const fresh: string[] = [];
    for (const r of changed) {
      const at = new Date(r.updated_at).getTime();
      if (state.applied.get(r.id) === at) continue;
      state.applied.set(r.id, at);
      if (at > state.siteWatermark) state.siteWatermark = at;
      fresh.push(r.id);
    }
    const horizon = state.siteWatermark - 2 * SITE_WINDOW_SECONDS * 1000;
    for (const [id, at] of state.applied) if (at < horizon) state.applied.delete(id);
    for (let i = 0; i < fresh.length; i += 5000) {
      const ids = fresh.slice(i, i + 5000);
      const found = await rows<SiteRow>(
        this.database,
        sql`select id, lng, lat, colour, kind, risk_level, area_path from sites where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`,
      );
      for (const r of found) state.index.put(toIndexed(r));
    }
  }

  private async syncColours(state: Loaded) {
    const found = await rows<{ id: number | string; site_id: string; colour: SiteColour; previous: SiteColour | null; reason: string; at: string | Date; current: SiteColour; area_path: string }>(
      this.database,
      sql`select h.id, h.site_id, h.colour, h.previous, h.reason, h.at, s.colour as current, s.area_path
          from colour_history h join sites s on s.id = h.site_id
          where h.id > ${state.colours.lowWater} order by h.id limit 10000`,
    );
    const fresh = new Set(advanceFeed(state.colours, found.map((r) => Number(r.id)), Date.now(), ID_GRACE_MS));
    for (const r of found) {
      if (!fresh.has(Number(r.id))) continue;
      // The site's stored colour, not the history row's: rows of one site may arrive out of order.
      state.index.setColour(r.site_id, r.current);
      const change: ColourChange = {
        id: Number(r.id),
        siteId: r.site_id,
        colour: r.colour,
        previous: r.previous,
        reason: r.reason,
        at: new Date(r.at).toISOString(),
        areaPath: r.area_path,
      };
      for (const listener of this.listeners) listener(change);
    }
  }
}
