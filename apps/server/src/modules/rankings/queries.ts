import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { RankingCounts, RankingUnitKind, SiteKind } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import { areas } from '../areas/schema.ts';
import { campaignUnits, campaigns, squadTargets } from '../campaigns/schema.ts';
import { rankingSnapshots, rankingTallies } from './schema.ts';
import { dayStart, type UnitCounts } from './rules.ts';

export type CampaignRow = typeof campaigns.$inferSelect;
export type SnapshotRow = typeof rankingSnapshots.$inferSelect;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

function unitsSql(campaign: CampaignRow, unit: RankingUnitKind): SQL {
  return unit === 'village'
    ? sql`select a.id, a.name, a.path collate "C" as lo, (left(a.path, -1) || '0') collate "C" as hi from ${areas} a where a.level = 'village' and a.path like ${`${campaign.areaPath}%`}`
    : sql`select cu.id, cu.name from ${campaignUnits} cu where cu.campaign_id = ${campaign.id} and cu.kind = 'squad'`;
}

/**
 * The units of a kind with their "sites in scope": villages are the village-level areas under the
 * campaign's area, holding the sites of the campaign's kinds under them; squads are the campaign's
 * squad units, holding the sites assigned to them (campaign_sites). A site or an assignment that did
 * not exist yet at `asOf` is not counted, so a back-filled day matches that night's snapshot.
 */
function scopeSql(campaign: CampaignRow, unit: RankingUnitKind, asOf: Date): { units: SQL; scope: SQL } {
  if (unit === 'village') {
    return {
      units: unitsSql(campaign, unit),
      // [path, path-with-the-last-'/'-as-'0') is "under this village" in byte order: one index range per village.
      scope: sql`select u.id as unit_id, s.id as site_id from units u join sites s on s.area_path >= u.lo and s.area_path < u.hi
                 where s.kind = any(${sql.raw(kindsArray(campaign.siteKinds))}) and s.created_at < ${asOf}`,
    };
  }
  return {
    units: unitsSql(campaign, unit),
    scope: sql`select cs.squad_id as unit_id, cs.site_id from campaign_sites cs where cs.campaign_id = ${campaign.id} and cs.assigned_at < ${asOf}`,
  };
}

const SITE_KIND = /^[a-z_]+$/;
function kindsArray(kinds: readonly SiteKind[]): string {
  // Site kinds are a closed enum; checked anyway because they are spliced into the statement.
  if (!kinds.every((k) => SITE_KIND.test(k))) throw new Error(`bad site kind in ${kinds.join(',')}`);
  return `array[${kinds.map((k) => `'${k}'`).join(',')}]::text[]`;
}

/**
 * The four counts of every unit of a kind as of the end of `day` (Asia/Shanghai): the sums of the
 * unit's tallies up to that day (ranking_tallies, kept by triggers from the raw records; the
 * definitions are in docs/rankings.md). A few thousand rows instead of every hazard and event.
 */
export async function countUnits(db: Executor, campaign: CampaignRow, unit: RankingUnitKind, day: string): Promise<UnitCounts[]> {
  const units = unitsSql(campaign, unit);
  return rowsOf<UnitCounts>(
    await db.execute(sql`
      with units as (${units}),
      sums as (
        select t.unit_id, sum(t.sites) as sites, sum(t.inspected) as inspected, sum(t.found) as found, sum(t.closed) as closed
        from ${rankingTallies} t where t.campaign_id = ${campaign.id} and t.unit_kind = ${unit} and t.day <= ${day}
        group by t.unit_id
      )
      select u.id as "unitId", u.name,
             coalesce(s.sites, 0)::int as "sitesInScope", coalesce(s.inspected, 0)::int as "sitesInspected",
             coalesce(s.found, 0)::int as "hazardsFound", coalesce(s.closed, 0)::int as "hazardsClosed"
      from units u left join sums s on s.unit_id = u.id
      order by u.name, u.id`),
  );
}

/** Folds the appended tally deltas into one row per unit and day; returns how many rows went. */
export async function compactTallies(db: Executor): Promise<number> {
  const [row] = rowsOf<{ removed: number }>(await db.execute(sql`select ranking_compact() as removed`));
  return row?.removed ?? 0;
}

/**
 * The same counts straight from the raw records as of one instant, in one set-based statement:
 * what the tallies must always equal (`anxun rankings verify`, the tests, the bench baseline).
 * - inspected: at least one inspection (not re-inspection) ended in [from, asOf);
 * - found: hazards found in [from, asOf), less those cancelled before asOf;
 * - closed: every move into `closed` before asOf adds one and every reopen takes one away, so per
 *   hazard the sum is 1 exactly when it was closed at asOf — the state at any past instant comes
 *   from hazard_events alone. A cancelled hazard was live when cancelled, so it sums to 0.
 * Everything is summed straight into the unit (a few thousand groups), never per site or per
 * hazard (a million groups would spill to disk).
 */
export async function recountFromRecords(db: Executor, campaign: CampaignRow, unit: RankingUnitKind, asOf: Date): Promise<UnitCounts[]> {
  return rowsOf<UnitCounts>(await inCountSettings(db, countStatement(campaign, unit, asOf)));
}

/** Runs the count with the settings it is tuned for. */
function inCountSettings(db: Executor, statement: SQL) {
  // One big read: JIT compilation costs more than it saves here, and the hashes fit in memory.
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '256MB'`);
    return tx.execute(statement);
  });
}

/** The campaign period runs from its start date's 00:00 Asia/Shanghai to `asOf`. */
function countStatement(campaign: CampaignRow, unit: RankingUnitKind, asOf: Date): SQL {
  const { units, scope } = scopeSql(campaign, unit, asOf);
  const from = dayStart(campaign.startsOn);
  // Inspections and hazards carry their site's path: for villages the campaign's prefix keeps a town's
  // count off the rest of the city. Squads need no filter: both are joined to the assigned sites anyway.
  const under = `${campaign.areaPath}%`;
  const ofScope = (alias: string) => (unit === 'village' ? sql`and ${sql.raw(alias)}.area_path like ${under}` : sql``);
  return sql`
    with units as (${units}),
    scope as (${scope}),
    hz as (
      select h.id, sc.unit_id from hazards h join scope sc on sc.site_id = h.site_id
      where h.found_at >= ${from} and h.found_at < ${asOf} ${ofScope('h')}
    ),
    moves as (
      select hz.unit_id,
             sum(case when e.to_status = 'closed' then 1 when e.from_status = 'closed' then -1 else 0 end) as closed,
             count(*) filter (where e.to_status = 'cancelled') as cancelled
      from hazard_events e join hz on hz.id = e.hazard_id
      where e.at < ${asOf} and (e.to_status in ('closed', 'cancelled') or e.from_status = 'closed')
      group by hz.unit_id
    ),
    found as (select unit_id, count(*) as n from hz group by unit_id),
    sites as (
      select sc.unit_id, count(*) as n,
             count(*) filter (where sc.site_id in (
               select i.site_id from inspections i
               where i.kind = 'inspection' and i.ended_at >= ${from} and i.ended_at < ${asOf} ${ofScope('i')})) as inspected
      from scope sc group by sc.unit_id
    )
    select u.id as "unitId", u.name,
           coalesce(s.n, 0)::int as "sitesInScope", coalesce(s.inspected, 0)::int as "sitesInspected",
           (coalesce(f.n, 0) - coalesce(m.cancelled, 0))::int as "hazardsFound", coalesce(m.closed, 0)::int as "hazardsClosed"
    from units u
    left join sites s on s.unit_id = u.id
    left join found f on f.unit_id = u.id
    left join moves m on m.unit_id = u.id
    order by u.name, u.id`;
}

export async function findCampaign(db: Executor, id: string): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  return row;
}

export async function listCampaigns(db: Executor): Promise<CampaignRow[]> {
  return db.select().from(campaigns).orderBy(asc(campaigns.startsOn), asc(campaigns.id));
}

/** Days of a campaign that already have a snapshot of a unit kind. */
export async function storedDays(db: Executor, campaignId: string, unit: RankingUnitKind): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ day: rankingSnapshots.day })
    .from(rankingSnapshots)
    .where(and(eq(rankingSnapshots.campaignId, campaignId), eq(rankingSnapshots.unitKind, unit)));
  return new Set(rows.map((r) => r.day));
}

export async function snapshotsBetween(db: Executor, campaignId: string, unit: RankingUnitKind, from: string, to: string, unitIds?: readonly string[]): Promise<SnapshotRow[]> {
  return db
    .select()
    .from(rankingSnapshots)
    .where(
      and(
        eq(rankingSnapshots.campaignId, campaignId),
        eq(rankingSnapshots.unitKind, unit),
        gte(rankingSnapshots.day, from),
        lte(rankingSnapshots.day, to),
        unitIds ? inArray(rankingSnapshots.unitId, [...unitIds]) : undefined,
      ),
    )
    .orderBy(asc(rankingSnapshots.day));
}

export interface SnapshotFigures extends RankingCounts {
  unitId: string;
  inspectionRank: number;
  closeOutRank: number;
}

/**
 * Stores one day's figures of a unit kind. `replace` recomputes a stored day on purpose (the CLI
 * with --from/--to); otherwise a stored day is what was aired that night and is left as it is.
 */
export async function storeSnapshot(db: Executor, campaignId: string, day: string, unit: RankingUnitKind, rows: readonly SnapshotFigures[], replace: boolean): Promise<number> {
  if (rows.length === 0) return 0;
  const values = rows.map((r) => ({ campaignId, day, unitKind: unit, ...r }));
  const target = [rankingSnapshots.campaignId, rankingSnapshots.day, rankingSnapshots.unitKind, rankingSnapshots.unitId];
  const insert = db.insert(rankingSnapshots).values(values);
  const stored = replace
    ? await insert
        .onConflictDoUpdate({
          target,
          set: {
            sitesInScope: sql`excluded.sites_in_scope`,
            sitesInspected: sql`excluded.sites_inspected`,
            hazardsFound: sql`excluded.hazards_found`,
            hazardsClosed: sql`excluded.hazards_closed`,
            inspectionRank: sql`excluded.inspection_rank`,
            closeOutRank: sql`excluded.close_out_rank`,
            computedAt: sql`now()`,
          },
        })
        .returning({ unitId: rankingSnapshots.unitId })
    : await insert.onConflictDoNothing({ target }).returning({ unitId: rankingSnapshots.unitId });
  return stored.length;
}

export interface NamedSnapshotRow extends SnapshotFigures {
  day: string;
  /** Null when the unit has been removed since. */
  name: string | null;
}

/**
 * The stored rows of some days with each unit's name joined in: one statement over the primary key
 * (campaign, day, kind, unit) instead of the rows and then an IN list of thousands of unit ids.
 */
export async function namedSnapshotsOn(db: Executor, campaignId: string, unit: RankingUnitKind, days: readonly string[]): Promise<NamedSnapshotRow[]> {
  if (days.length === 0) return [];
  const s = rankingSnapshots;
  const figures = {
    day: s.day,
    unitId: s.unitId,
    sitesInScope: s.sitesInScope,
    sitesInspected: s.sitesInspected,
    hazardsFound: s.hazardsFound,
    hazardsClosed: s.hazardsClosed,
    inspectionRank: s.inspectionRank,
    closeOutRank: s.closeOutRank,
  };
  const where = and(eq(s.campaignId, campaignId), eq(s.unitKind, unit), inArray(s.day, [...days]));
  return unit === 'village'
    ? db.select({ ...figures, name: areas.name }).from(s).leftJoin(areas, eq(areas.id, s.unitId)).where(where)
    : db.select({ ...figures, name: campaignUnits.name }).from(s).leftJoin(campaignUnits, eq(campaignUnits.id, s.unitId)).where(where);
}

/** Names of the units that appear in snapshots (a unit may have been renamed or removed since). */
export async function unitNames(db: Executor, unit: RankingUnitKind, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows =
    unit === 'village'
      ? await db.select({ id: areas.id, name: areas.name }).from(areas).where(inArray(areas.id, [...ids]))
      : await db.select({ id: campaignUnits.id, name: campaignUnits.name }).from(campaignUnits).where(inArray(campaignUnits.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function targetsOfWeek(db: Executor, campaignId: string, weekStart: string) {
  return db.select().from(squadTargets).where(and(eq(squadTargets.campaignId, campaignId), eq(squadTargets.weekStart, weekStart)));
}
