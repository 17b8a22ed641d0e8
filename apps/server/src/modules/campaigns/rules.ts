import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import type { AreaLevel, BatchSignoffRole, CampaignStatus, CampaignUnitKind, SiteKind } from '@anxun/contracts';
import { BATCH_SIGNOFF_ROLES } from '@anxun/contracts';

dayjs.extend(utc);

/** Pure campaign rules: no I/O, dates as Asia/Shanghai 'YYYY-MM-DD' strings (ISO dates compare as strings). */

export function campaignStatus(campaign: { startsOn: string; endsOn: string }, today: string): CampaignStatus {
  if (today < campaign.startsOn) return 'planned';
  if (today > campaign.endsOn) return 'finished';
  return 'active';
}

/** A site is in a campaign's scope when it lies under the campaign's area and is of a kind the campaign covers. */
export function siteInCampaignScope(campaign: { areaPath: string; siteKinds: readonly SiteKind[] }, site: { areaPath: string; kind: SiteKind }): boolean {
  return site.areaPath.startsWith(campaign.areaPath) && campaign.siteKinds.includes(site.kind);
}

/** Two area subtrees overlap when one path is a prefix of the other. */
export const pathsIntersect = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

// --- the organisation ---------------------------------------------------------------------------

/** The parent kind each unit kind must hang under; null = top level. */
export const PARENT_KIND: Record<CampaignUnitKind, CampaignUnitKind | null> = {
  office: null,
  working_group: null,
  zone: null,
  squad: 'zone',
  village_team: 'squad',
};

export type UnitProblem =
  | { code: 'parent_kind'; expected: CampaignUnitKind | null }
  | { code: 'second_office' }
  | { code: 'area_not_allowed' }
  | { code: 'area_required' }
  | { code: 'area_not_village' }
  | { code: 'area_outside_campaign' };

export interface UnitCandidate {
  kind: CampaignUnitKind;
  parentKind: CampaignUnitKind | null;
  area: { level: AreaLevel; path: string } | null;
  /** Other offices of the campaign, not counting this unit. */
  otherOffices: number;
}

/**
 * Where a unit may sit: the office (one per campaign) and working groups at the top, zone → squad →
 * village team below, and a village team works one village inside the campaign's area. Only village
 * teams carry an area, so "who answers for this village" has one source.
 */
export function unitProblems(unit: UnitCandidate, campaignAreaPath: string): UnitProblem[] {
  const problems: UnitProblem[] = [];
  const expected = PARENT_KIND[unit.kind];
  if (unit.parentKind !== expected) problems.push({ code: 'parent_kind', expected });
  if (unit.kind === 'office' && unit.otherOffices > 0) problems.push({ code: 'second_office' });
  if (unit.kind === 'village_team') {
    if (!unit.area) problems.push({ code: 'area_required' });
    else {
      if (unit.area.level !== 'village') problems.push({ code: 'area_not_village' });
      if (!unit.area.path.startsWith(campaignAreaPath)) problems.push({ code: 'area_outside_campaign' });
    }
  } else if (unit.area) problems.push({ code: 'area_not_allowed' });
  return problems;
}

const KIND_ZH: Record<CampaignUnitKind, string> = { office: '指挥部办公室', working_group: '工作组', zone: '片区', squad: '小组', village_team: '村社队' };

export function unitProblemText(p: UnitProblem): { zh: string; en: string } {
  switch (p.code) {
    case 'parent_kind':
      return p.expected
        ? { zh: `上级必须是${KIND_ZH[p.expected]}`, en: `The parent must be a ${p.expected.replace('_', ' ')}` }
        : { zh: '该类单元必须在最上层，不能有上级', en: 'This kind of unit sits at the top level and has no parent' };
    case 'second_office':
      return { zh: '一个专项行动只有一个指挥部办公室', en: 'A campaign has one command office' };
    case 'area_not_allowed':
      return { zh: '只有村社队对应一个村社区域', en: 'Only a village team is tied to an area' };
    case 'area_required':
      return { zh: '村社队必须指定所负责的村社', en: 'A village team needs the village it works' };
    case 'area_not_village':
      return { zh: '村社队的区域必须是村社一级', en: "A village team's area must be a village/community" };
    case 'area_outside_campaign':
      return { zh: '村社队的区域必须在专项行动范围内', en: "A village team's village must lie inside the campaign's area" };
  }
}

// --- weeks and targets (倒排) -------------------------------------------------------------------

/** Monday of the ISO week holding a calendar date. */
export function mondayOf(day: string): string {
  const d = dayjs.utc(day);
  return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');
}

export const addDays = (day: string, n: number) => dayjs.utc(day).add(n, 'day').format('YYYY-MM-DD');

export const isMonday = (day: string) => dayjs.utc(day).day() === 1;

/** Mondays of every week touching [from, to], in order. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let w = mondayOf(from); w <= to; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

/** The weeks a campaign spans (its first week may start before startsOn). */
export const campaignWeeks = (campaign: { startsOn: string; endsOn: string }) => weeksBetween(campaign.startsOn, campaign.endsOn);

/**
 * The weeks a 倒排 plan made today covers: from this week (or the campaign's first week, if it has not
 * started) to the week of the end date. Empty once the campaign is over.
 */
export function planWeeks(campaign: { startsOn: string; endsOn: string }, today: string): string[] {
  if (today > campaign.endsOn) return [];
  return weeksBetween(today < campaign.startsOn ? campaign.startsOn : today, campaign.endsOn);
}

/**
 * Splits `total` over `weeks` so the parts sum to it exactly: an even share each, and the remainder
 * one apiece to the earliest weeks (front-loaded by at most one), so a squad is never asked for more
 * in the last week, when there is no slack left, than in the first.
 */
export function spreadEvenly(total: number, weeks: number): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total must be a non-negative integer, got ${total}`);
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError(`weeks must be a positive integer, got ${weeks}`);
  const base = Math.floor(total / weeks);
  const extra = total % weeks;
  return Array.from({ length: weeks }, (_, i) => base + (i < extra ? 1 : 0));
}

export interface WeekTarget {
  weekStart: string;
  sitesInspected: number;
  hazardsClosed: number;
}

/** 倒排: the remaining work of a squad spread over the weeks left until the end date. */
export function planTargets(remaining: { sitesInspected: number; hazardsClosed: number }, weeks: readonly string[]): WeekTarget[] {
  if (weeks.length === 0) return [];
  const sites = spreadEvenly(remaining.sitesInspected, weeks.length);
  const hazards = spreadEvenly(remaining.hazardsClosed, weeks.length);
  return weeks.map((weekStart, i) => ({ weekStart, sitesInspected: sites[i]!, hazardsClosed: hazards[i]! }));
}

/** Attainment = actual ÷ target; no target (or a target of 0) has no attainment. May exceed 1. */
export function attainment(actual: number, target: number | null | undefined): number | null {
  if (!target) return null;
  return actual / target;
}

// --- three batches (三个一批) ----------------------------------------------------------------------

export interface SignoffState {
  signed: readonly BatchSignoffRole[];
  superseded: boolean;
}

/** Roles still to sign, in the fixed order. */
export const pendingRoles = (signed: readonly BatchSignoffRole[]) => BATCH_SIGNOFF_ROLES.filter((r) => !signed.includes(r));

/** A decision stands only once all three have signed and no newer proposal replaced it. */
export function isDecided(state: SignoffState): boolean {
  return !state.superseded && pendingRoles(state.signed).length === 0;
}

export type SignRefusal = 'superseded' | 'already_signed';

/** Whether a role may still sign; a decision replaced by a newer proposal takes no more sign-offs. */
export function signRefusal(state: SignoffState, role: BatchSignoffRole): SignRefusal | null {
  if (state.superseded) return 'superseded';
  if (state.signed.includes(role)) return 'already_signed';
  return null;
}
