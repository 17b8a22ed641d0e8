import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { createStorage } from '../../platform/storage/index.ts';
import { seedDemo } from '../demo/seed.ts';
import { GUALI_CODE } from '../demo/scales.ts';
import { simulateCampaign, type SimulationResult } from './engine.ts';

/** The first villages of the demo town (the site stream runs village by village), three days. */
const RUN = { start: '2026-03-02', days: 3, seed: 'test', townCode: GUALI_CODE } as const;
const SITES = 60;

async function run(): Promise<{ t: TestApp; result: SimulationResult }> {
  const t = await buildTestApp();
  await seedDemo(t.database, { scale: 'town', maxSites: SITES });
  const result = await simulateCampaign(t.database, { ...RUN, storage: createStorage(t.config) });
  return { t, result };
}

let first: { t: TestApp; result: SimulationResult };
let second: { t: TestApp; result: SimulationResult };

beforeAll(async () => {
  first = await run();
  second = await run();
}, 600_000);
afterAll(async () => {
  await first?.t.close();
  await second?.t.close();
});

const rows = async <T>(t: TestApp, query: ReturnType<typeof sql>) => ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

describe('simulateCampaign at a tiny scale', () => {
  it('does real work: sites inspected, hazards found and closed, a snapshot every night', () => {
    const { totals, counts } = first.result;
    expect(totals.sitesInScope).toBe(SITES);
    expect(totals.sitesInspected).toBeGreaterThan(SITES / 2);
    expect(totals.hazardsFound).toBeGreaterThan(totals.sitesInspected);
    expect(totals.hazardsClosed).toBeGreaterThan(0);
    expect(counts.inspections).toBe(totals.sitesInspected);
    expect(counts.snapshotDays).toBe(RUN.days);
  });

  it('reports totals equal to a recount from the raw records', async () => {
    const { t, result } = first;
    const { totals } = result;
    const asOfDay = '2026-03-05';
    const [town] = await rows<{ path: string }>(t, sql`select path from areas where code = ${GUALI_CODE}`);
    const scope = `${town!.path}%`;
    const [recount] = await rows<Record<string, number>>(
      t,
      sql`select
        (select count(*)::int from sites where area_path like ${scope}) as "sitesInScope",
        (select count(distinct site_id)::int from inspections where kind = 'inspection' and area_path like ${scope}) as "sitesInspected",
        (select count(*)::int from hazards where status <> 'cancelled' and area_path like ${scope}) as "hazardsFound",
        (select count(*)::int from hazards where status = 'closed' and area_path like ${scope}) as "hazardsClosed",
        (select count(*)::int from hazards where status in ('open', 'pending_review') and deadline < ${asOfDay}::date) as "hazardsOverdue",
        (select count(*)::int from hazards where status in ('open', 'pending_review') and level = 'major') as "openMajorHazards",
        (select count(*)::int from hazard_extensions) as "extensionsRequested",
        (select count(*)::int from hazard_extensions where status = 'approved') as "extensionsApproved",
        (select count(*)::int from yellow_cards) as "yellowCards",
        (select count(*)::int from suspensions where lifted_at is null) as "suspensions"`,
    );
    expect(recount).toEqual({
      sitesInScope: totals.sitesInScope,
      sitesInspected: totals.sitesInspected,
      hazardsFound: totals.hazardsFound,
      hazardsClosed: totals.hazardsClosed,
      hazardsOverdue: totals.hazardsOverdue,
      openMajorHazards: totals.openMajorHazards,
      extensionsRequested: totals.extensionsRequested,
      extensionsApproved: totals.extensionsApproved,
      yellowCards: totals.yellowCards,
      suspensions: totals.suspensions,
    });
    // The stored colours, after the last midnight sweep, are the ledger's colours.
    const colours = await rows<{ colour: string; n: number }>(t, sql`select colour, count(*)::int as n from sites where area_path like ${scope} group by colour`);
    const stored = Object.fromEntries(Object.keys(totals.sitesByColour).map((c) => [c, colours.find((r) => r.colour === c)?.n ?? 0]));
    expect(stored).toEqual(totals.sitesByColour);
    // Per squad, from the campaign's own assignment table.
    const squads = await rows<{ name: string; inspected: number; found: number; closed: number }>(
      t,
      sql`select u.name,
          count(distinct i.site_id)::int as inspected,
          (select count(*)::int from hazards h join campaign_sites c2 on c2.site_id = h.site_id where c2.squad_id = u.id and h.status <> 'cancelled') as found,
          (select count(*)::int from hazards h join campaign_sites c2 on c2.site_id = h.site_id where c2.squad_id = u.id and h.status = 'closed') as closed
        from campaign_units u join campaign_sites c on c.squad_id = u.id
        left join inspections i on i.site_id = c.site_id and i.kind = 'inspection'
        where u.kind = 'squad' group by u.id, u.name`,
    );
    for (const squad of totals.squads) {
      const raw = squads.find((s) => s.name === squad.name)!;
      expect({ name: squad.name, inspected: raw.inspected, found: raw.found, closed: raw.closed }).toEqual({ name: squad.name, inspected: squad.sitesInspected, found: squad.hazardsFound, closed: squad.hazardsClosed });
    }
    // The last night's ranking snapshot counts what the ledger counts.
    const [night] = await rows<Record<string, number>>(
      t,
      sql`select sum(sites_in_scope)::int as "sitesInScope", sum(sites_inspected)::int as "sitesInspected", sum(hazards_found)::int as "hazardsFound", sum(hazards_closed)::int as "hazardsClosed"
        from ranking_snapshots where unit_kind = 'squad' and day = '2026-03-04'`,
    );
    expect(night).toEqual({ sitesInScope: totals.sitesInScope, sitesInspected: totals.sitesInspected, hazardsFound: totals.hazardsFound, hazardsClosed: totals.hazardsClosed });
    // Every stamped time lies inside the simulated days.
    const [span] = await rows<{ first: string; last: string }>(t, sql`select min(at)::text as first, max(at)::text as last from hazard_events`);
    expect(span!.first >= '2026-03-02').toBe(true);
    expect(span!.last < '2026-03-06').toBe(true);
  });

  it('replays exactly for the same seed', () => {
    expect(second.result.totals).toEqual(first.result.totals);
    expect(second.result.counts).toEqual(first.result.counts);
  });
});
