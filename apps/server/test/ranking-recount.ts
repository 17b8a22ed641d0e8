import { sql } from 'drizzle-orm';
import type { Executor } from '../src/platform/db/client.ts';

/*
 * An independent recount of the ranking figures from raw rows, written the plain way (load
 * everything, replay each hazard's events in order, count in JavaScript) so it shares no code and no
 * trick with the set-based query it checks. Definitions: docs/rankings.md.
 */

export interface RawCampaign {
  id: string;
  areaPath: string;
  startsOn: string;
  siteKinds: string[];
}

export interface Raw {
  villages: { id: string; name: string; path: string }[];
  squads: { id: string; name: string }[];
  sites: { id: string; kind: string; areaPath: string; createdAt: Date }[];
  assignments: { siteId: string; squadId: string; assignedAt: Date }[];
  inspections: { siteId: string; kind: string; endedAt: Date }[];
  hazards: { id: string; siteId: string; foundAt: Date }[];
  events: { hazardId: string; toStatus: string; at: Date }[];
}

export interface Figures {
  sitesInScope: number;
  sitesInspected: number;
  hazardsFound: number;
  hazardsClosed: number;
  inspectionRank: number;
  closeOutRank: number;
}

const rows = async <T>(db: Executor, query: ReturnType<typeof sql>) => (await db.execute(query)) as unknown as { rows: T[] };
const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

export async function loadRaw(db: Executor, campaign: RawCampaign): Promise<Raw> {
  const villages = (await rows<Raw['villages'][number]>(db, sql`select id, name, path from areas where level = 'village'`)).rows.filter((a) => a.path.startsWith(campaign.areaPath));
  const squads = (await rows<Raw['squads'][number]>(db, sql`select id, name from campaign_units where campaign_id = ${campaign.id} and kind = 'squad'`)).rows;
  const sites = (await rows<{ id: string; kind: string; area_path: string; created_at: unknown }>(db, sql`select id, kind, area_path, created_at from sites`)).rows.map((s) => ({
    id: s.id,
    kind: s.kind,
    areaPath: s.area_path,
    createdAt: date(s.created_at),
  }));
  const assignments = (await rows<{ site_id: string; squad_id: string; assigned_at: unknown }>(db, sql`select site_id, squad_id, assigned_at from campaign_sites where campaign_id = ${campaign.id}`)).rows.map(
    (a) => ({ siteId: a.site_id, squadId: a.squad_id, assignedAt: date(a.assigned_at) }),
  );
  const inspections = (await rows<{ site_id: string; kind: string; ended_at: unknown }>(db, sql`select site_id, kind, ended_at from inspections`)).rows.map((i) => ({
    siteId: i.site_id,
    kind: i.kind,
    endedAt: date(i.ended_at),
  }));
  const hazards = (await rows<{ id: string; site_id: string; found_at: unknown }>(db, sql`select id, site_id, found_at from hazards`)).rows.map((h) => ({ id: h.id, siteId: h.site_id, foundAt: date(h.found_at) }));
  const events = (await rows<{ hazard_id: string; to_status: string; at: unknown }>(db, sql`select hazard_id, to_status, at from hazard_events`)).rows.map((e) => ({
    hazardId: e.hazard_id,
    toStatus: e.to_status,
    at: date(e.at),
  }));
  return { villages, squads, sites, assignments, inspections, hazards, events };
}

/** 1 + the number of units with a strictly better rate; a unit with nothing to divide by is worse than any unit with a rate. */
function ranksOf(shares: { num: number; den: number }[]): number[] {
  const better = (v: { num: number; den: number }, u: { num: number; den: number }) => (u.den === 0 ? v.den > 0 : v.den > 0 && v.num * u.den > u.num * v.den);
  return shares.map((u) => 1 + shares.filter((v) => better(v, u)).length);
}

/** Every unit's figures as of `asOf`, counted from the raw rows. */
export function recount(raw: Raw, campaign: RawCampaign, unit: 'village' | 'squad', asOf: Date): Map<string, Figures> {
  const from = new Date(`${campaign.startsOn}T00:00:00+08:00`);
  const unitSites = new Map<string, Set<string>>();
  if (unit === 'village') {
    for (const v of raw.villages) {
      unitSites.set(v.id, new Set(raw.sites.filter((s) => s.areaPath.startsWith(v.path) && campaign.siteKinds.includes(s.kind) && s.createdAt < asOf).map((s) => s.id)));
    }
  } else {
    for (const q of raw.squads) unitSites.set(q.id, new Set(raw.assignments.filter((a) => a.squadId === q.id && a.assignedAt < asOf).map((a) => a.siteId)));
  }
  const statusAt = (hazardId: string) => {
    const before = raw.events.filter((e) => e.hazardId === hazardId && e.at < asOf).sort((a, b) => a.at.getTime() - b.at.getTime());
    return before.at(-1)?.toStatus ?? 'open';
  };
  const counts = [...unitSites.entries()].map(([unitId, siteIds]) => {
    const inspected = new Set(raw.inspections.filter((i) => i.kind === 'inspection' && i.endedAt >= from && i.endedAt < asOf && siteIds.has(i.siteId)).map((i) => i.siteId));
    const statuses = raw.hazards.filter((h) => siteIds.has(h.siteId) && h.foundAt >= from && h.foundAt < asOf).map((h) => statusAt(h.id)).filter((s) => s !== 'cancelled');
    return { unitId, sitesInScope: siteIds.size, sitesInspected: inspected.size, hazardsFound: statuses.length, hazardsClosed: statuses.filter((s) => s === 'closed').length };
  });
  const inspectionRanks = ranksOf(counts.map((c) => ({ num: c.sitesInspected, den: c.sitesInScope })));
  const closeOutRanks = ranksOf(counts.map((c) => ({ num: c.hazardsClosed, den: c.hazardsFound })));
  return new Map(counts.map(({ unitId, ...c }, i) => [unitId, { ...c, inspectionRank: inspectionRanks[i]!, closeOutRank: closeOutRanks[i]! }]));
}

/** 末三位 by hand: ranked units (with a denominator) with fewer than three ranked units strictly below. */
export function bottomByHand(figures: Map<string, Figures>, which: 'inspection' | 'closeOut'): Set<string> {
  const entries = [...figures.entries()].map(([id, f]) => ({ id, rank: which === 'inspection' ? f.inspectionRank : f.closeOutRank, den: which === 'inspection' ? f.sitesInScope : f.hazardsFound }));
  const ranked = entries.filter((e) => e.den > 0);
  return new Set(ranked.filter((e) => ranked.filter((o) => o.rank > e.rank).length < 3).map((e) => e.id));
}
