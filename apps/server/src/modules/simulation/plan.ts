import type { HazardLevel, RectificationMode, SiteKind } from '@anxun/contracts';
import { apportion, type Rng } from '../demo/random.ts';

/**
 * The shape of a simulated campaign, modelled on Guali's (DOMAIN.md): pure numbers and choices, no
 * I/O, so the engine only replays them through the services.
 */

/** Hazards per inspected site by kind: with Guali's site mix this gives about 49,000 hazards. */
export const HAZARDS_PER_SITE: Readonly<Record<SiteKind, number>> = { enterprise: 3.6, street_shop: 1.6, rental_housing: 1.75, high_rise: 3, other: 1.5 };

/** Share of sites the teams could not get into during the campaign (locked, owner away). */
export const NEVER_INSPECTED = 0.008;

/** 80% were fixed centrally or by demolition, the harder 20% got deadlines; a few fixed on the spot. */
export const MODE_WEIGHTS: Readonly<Record<RectificationMode, number>> = { centralised: 76, deadline: 20, immediate: 4 };
export const MAJOR_SHARE = 0.015;

export interface OrgPlan {
  zones: { name: string; squads: number[] }[];
  /** Per squad: the villages (indexes) it answers for. */
  squads: { name: string; villages: number[] }[];
  /** Members of each village team (leader first). */
  teamSizes: number[];
}

const ZONE_NAMES = ['东片', '中片', '西片'];
const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/**
 * 3 zones → up to 12 squads → one team per village, as in Guali (74 villages, 12 squads). Villages
 * are dealt to squads in order, so a squad works neighbouring villages; teams of 9–12 make about
 * 800 people at Guali's scale.
 */
export function planOrg(villages: number, rng: Rng): OrgPlan {
  const squadCount = Math.min(12, Math.max(1, Math.ceil(villages / 2)));
  const zoneCount = Math.min(3, squadCount);
  const perSquad = apportion(villages, new Array(squadCount).fill(1));
  let next = 0;
  const squads = perSquad.map((n, i) => ({ name: `第${CN_NUMBERS[i] ?? i + 1}小组`, villages: Array.from({ length: n }, () => next++) }));
  const perZone = apportion(squadCount, new Array(zoneCount).fill(1));
  let s = 0;
  const zones = perZone.map((n, i) => ({ name: ZONE_NAMES[i] ?? `第${i + 1}片区`, squads: Array.from({ length: n }, () => s++) }));
  const teamSizes = Array.from({ length: villages }, () => rng.int(9, 12));
  return { zones, squads, teamSizes };
}

/**
 * The day (0-based) each site is inspected, or null for never. Villages differ in pace, so the
 * rankings have something to show: a quick village finishes early, a slow one late.
 */
export function scheduleInspections(siteVillages: readonly number[], villagePace: readonly number[], days: number, rng: Rng, fraction = 1): (number | null)[] {
  // The teams need the last days for re-inspection: inspections end by about 80% of the period.
  const inspectDays = Math.max(1, Math.ceil(days * 0.8));
  return siteVillages.map((v) => {
    if (fraction < 1 && !rng.chance(fraction)) return null;
    if (rng.chance(NEVER_INSPECTED)) return null;
    return Math.min(inspectDays - 1, Math.floor(rng.next() ** villagePace[v]! * inspectDays));
  });
}

/** How many items fail at one site: Poisson around the kind's mean, at most what the form holds. */
export function failureCount(kind: SiteKind, available: number, rng: Rng): number {
  const limit = Math.exp(-HAZARDS_PER_SITE[kind]);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return Math.min(k, available);
}

export function hazardChoice(rng: Rng): { level: HazardLevel; mode: RectificationMode } {
  const level: HazardLevel = rng.chance(MAJOR_SHARE) ? 'major' : 'general';
  return { level, mode: level === 'major' ? 'deadline' : rng.weighted(MODE_WEIGHTS) };
}

/** The day daily rankings and weekly targets start pushing (Guali: after close-out stalled). */
export const rankingsStartDay = (days: number) => Math.max(1, Math.round(days / 3));

/**
 * Share of the hazards found so far that should be closed by the end of `day`: creeping up to 22%
 * while nobody is ranked, then climbing past 80% once the rankings and targets bite.
 */
export function closeOutGoal(day: number, days: number): number {
  const start = rankingsStartDay(days);
  if (day < start) return 0.22 * ((day + 1) / start);
  const left = Math.max(1, days - 1 - start);
  return 0.22 + (0.84 - 0.22) * Math.min(1, (day - start + 1) / left);
}

/** Wall-clock time (Shanghai) of the i-th of n events spread between two hours of a day. */
export function timeOfDay(day: string, i: number, n: number, fromHour: number, toHour: number): Date {
  const start = Date.parse(`${day}T00:00:00+08:00`) + fromHour * 3_600_000;
  const span = (toHour - fromHour) * 3_600_000;
  return new Date(start + Math.floor(((i + 0.5) / Math.max(1, n)) * span));
}

/** The calendar day `n` days after `day` (YYYY-MM-DD, no time zone involved). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
