import { RANKING_UNIT_KINDS, type RankingUnitKind } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import { countUnits, recountFromRecords, type CampaignRow } from './queries.ts';
import { dayEnd, daysBetween, minDay, type UnitCounts } from './rules.ts';

export interface TallyMismatch {
  unit: RankingUnitKind;
  day: string;
  unitId: string;
  tallied: UnitCounts | null;
  recounted: UnitCounts | null;
}

/**
 * The tallies of a campaign against a recount from the raw records, for both unit kinds and every
 * day from the start to `lastDay` (the end date at the latest): every unit whose figures differ.
 */
export async function verifyTallies(db: Executor, campaign: CampaignRow, lastDay: string): Promise<{ days: number; mismatches: TallyMismatch[] }> {
  const days = daysBetween(campaign.startsOn, minDay(lastDay, campaign.endsOn));
  const mismatches: TallyMismatch[] = [];
  for (const unit of RANKING_UNIT_KINDS) {
    for (const day of days) {
      const tallied = new Map((await countUnits(db, campaign, unit, day)).map((u) => [u.unitId, u]));
      const recounted = await recountFromRecords(db, campaign, unit, dayEnd(day));
      for (const raw of recounted) {
        const kept = tallied.get(raw.unitId) ?? null;
        tallied.delete(raw.unitId);
        if (JSON.stringify(kept) !== JSON.stringify(raw)) mismatches.push({ unit, day, unitId: raw.unitId, tallied: kept, recounted: raw });
      }
      for (const kept of tallied.values()) mismatches.push({ unit, day, unitId: kept.unitId, tallied: kept, recounted: null });
    }
  }
  return { days: days.length, mismatches };
}
