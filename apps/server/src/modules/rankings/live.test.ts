import { describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client.ts';
import { LIVE_MAX_AGE_MS, forgetStoredDays, liveRanking, storedDayCache } from './live.ts';
import type { RankedUnit } from './rules.ts';

const unit = (sitesInspected: number): RankedUnit => ({ unitId: 'u', name: '一村', sitesInScope: 10, sitesInspected, hazardsFound: 0, hazardsClosed: 0, inspectionRank: 1, closeOutRank: 1 });

/** A counter standing in for the recount: each call returns the next figure and remembers its cut-off. */
function counter() {
  const cutOffs: Date[] = [];
  return { cutOffs, count: async (asOf: Date) => (cutOffs.push(asOf), [unit(cutOffs.length)]) };
}

describe('live ranking cache', () => {
  const t0 = new Date('2026-05-04T02:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it('shares one count for a minute, then counts again as of the new request', async () => {
    const db = {} as Database;
    const c = counter();
    const first = await liveRanking(db, 'c1', 'village', t0, c.count);
    const again = await liveRanking(db, 'c1', 'village', at(LIVE_MAX_AGE_MS - 1), c.count);
    expect(again).toBe(first);
    expect(first.asOf).toEqual(t0);
    const later = await liveRanking(db, 'c1', 'village', at(LIVE_MAX_AGE_MS), c.count);
    expect(later.asOf).toEqual(at(LIVE_MAX_AGE_MS));
    expect(later.units[0]!.sitesInspected).toBe(2);
    expect(c.cutOffs).toEqual([t0, at(LIVE_MAX_AGE_MS)]);
  });

  it('keeps campaigns, unit kinds and databases apart', async () => {
    const db = {} as Database;
    const c = counter();
    await liveRanking(db, 'c1', 'village', t0, c.count);
    await liveRanking(db, 'c1', 'squad', t0, c.count);
    await liveRanking(db, 'c2', 'village', t0, c.count);
    await liveRanking({} as Database, 'c1', 'village', t0, c.count);
    expect(c.cutOffs).toHaveLength(4);
  });

  it('shares a count still running, and never serves a request whose clock is before the count', async () => {
    const db = {} as Database;
    const c = counter();
    const [a, b] = await Promise.all([liveRanking(db, 'c1', 'village', t0, c.count), liveRanking(db, 'c1', 'village', at(5), c.count)]);
    expect(b).toBe(a);
    const earlier = await liveRanking(db, 'c1', 'village', at(-1), c.count);
    expect(earlier.asOf).toEqual(at(-1));
    expect(c.cutOffs).toHaveLength(2);
  });

  it('does not keep a failed count', async () => {
    const db = {} as Database;
    await expect(liveRanking(db, 'c1', 'village', t0, () => Promise.reject(new Error('statement timeout')))).rejects.toThrow('statement timeout');
    const c = counter();
    expect((await liveRanking(db, 'c1', 'village', at(1), c.count)).asOf).toEqual(at(1));
  });
});

describe('stored day cache', () => {
  const t0 = Date.parse('2026-05-04T02:00:00Z');

  it('keeps a stored day for a minute per database, and forgets it when snapshots are stored', () => {
    const db = {} as Database;
    const other = {} as Database;
    storedDayCache(db, t0).set('c1:village:2026-05-03', [unit(3)]);
    expect(storedDayCache(db, t0 + LIVE_MAX_AGE_MS - 1).get('c1:village:2026-05-03')).toEqual([unit(3)]);
    expect(storedDayCache(db, t0 + LIVE_MAX_AGE_MS).get('c1:village:2026-05-03')).toBeUndefined();
    expect(storedDayCache(db, t0 - 1).get('c1:village:2026-05-03')).toBeUndefined();
    expect(storedDayCache(other, t0).get('c1:village:2026-05-03')).toBeUndefined();
    forgetStoredDays(db);
    expect(storedDayCache(db, t0 + 1).get('c1:village:2026-05-03')).toBeUndefined();
  });
});
