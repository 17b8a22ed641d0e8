import type { RankingUnitKind } from '@anxun/contracts';
import type { Database } from '../../platform/db/client.ts';
import type { RankedUnit } from './rules.ts';

/** How old today's live ranking may be: the page refreshes it every 60 s. */
export const LIVE_MAX_AGE_MS = 60_000;

export interface LiveCount {
  /** The cut-off the figures were counted as of (shown to viewers as the ranking's time). */
  asOf: Date;
  units: RankedUnit[];
}

interface Entry {
  asOf: Date;
  count: Promise<LiveCount>;
}

// Per database (a test app or a bench run has its own) and per campaign and unit kind.
const caches = new WeakMap<Database, Map<string, Entry>>();

/**
 * Today's ranking is read from the tallies once and shared by every viewer for up to
 * LIVE_MAX_AGE_MS, so a room of officials refreshing the page costs one read a minute, not one
 * each. A read still running is shared too. The figures are those as of `asOf`, exactly; only
 * `asOf` may lag the request by up to a minute. A failed read is not kept.
 */
export function liveRanking(database: Database, campaignId: string, unit: RankingUnitKind, now: Date, count: (asOf: Date) => Promise<RankedUnit[]>): Promise<LiveCount> {
  let cache = caches.get(database);
  if (!cache) caches.set(database, (cache = new Map()));
  const key = `${campaignId}:${unit}`;
  const held = cache.get(key);
  const age = held ? now.getTime() - held.asOf.getTime() : Infinity;
  // A request with an earlier clock than the held count (age < 0) must not see later records.
  if (held && age >= 0 && age < LIVE_MAX_AGE_MS) return held.count;
  const entry: Entry = { asOf: now, count: count(now).then((units) => ({ asOf: now, units })) };
  cache.set(key, entry);
  entry.count.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return entry.count;
}

interface StoredDay {
  at: number;
  units: RankedUnit[];
}

const storedDays = new WeakMap<Database, Map<string, StoredDay>>();

/**
 * A completed day's stored snapshot rows, as read, per database, campaign, unit kind and day: what
 * was aired only changes by a forced re-run (`anxun rankings snapshot --from --to`), so a day is
 * kept for LIVE_MAX_AGE_MS — dropped at once when this process stores snapshots, and within the
 * minute when another process does.
 */
export function storedDayCache(database: Database, now = Date.now()) {
  let cache = storedDays.get(database);
  if (!cache) storedDays.set(database, (cache = new Map()));
  const fresh = (entry: StoredDay) => now - entry.at >= 0 && now - entry.at < LIVE_MAX_AGE_MS;
  return {
    get(key: string): RankedUnit[] | undefined {
      const entry = cache.get(key);
      return entry && fresh(entry) ? entry.units : undefined;
    },
    set(key: string, units: RankedUnit[]): void {
      for (const [k, entry] of cache) if (!fresh(entry)) cache.delete(k);
      cache.set(key, { at: now, units });
    },
  };
}

export function forgetStoredDays(database: Database): void {
  storedDays.delete(database);
}
