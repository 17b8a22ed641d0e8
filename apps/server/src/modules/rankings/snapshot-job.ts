import { RANKING_UNIT_KINDS, type RankingUnitKind } from '@anxun/contracts';
import type { JobDefinition } from '../../platform/jobs.ts';
import { SYSTEM_ACTOR, type RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/client.ts';
import { write } from '../../platform/write.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { compactTallies, findCampaign, listCampaigns, storeSnapshot, storedDays, type CampaignRow } from './queries.ts';
import { daysBetween, lastCompleteDay, maxDay, minDay, missingSnapshotDays } from './rules.ts';
import { forgetStoredDays } from './live.ts';
import { rankDay } from './service.ts';

export interface SnapshotRequest {
  campaignId?: string | undefined;
  /** With from/to: recompute exactly these days (stored ones are overwritten). Without: fill in missing days. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface SnapshotReport {
  campaignId: string;
  unit: RankingUnitKind;
  day: string;
  units: number;
  stored: number;
}

/**
 * Stores the night's figures of every campaign and unit kind. Without a range it fills every day
 * from the campaign's start to yesterday that has no snapshot yet (the missed nights included), and
 * leaves stored days alone: they are what was aired. With a range it recomputes those days and
 * overwrites them — the same figures unless the records changed. Either way, running it twice
 * changes nothing.
 */
export async function takeSnapshots(database: Database, request: SnapshotRequest = {}, now = new Date()): Promise<SnapshotReport[]> {
  const today = shanghaiDate(now);
  const campaigns: CampaignRow[] = request.campaignId
    ? [await findCampaign(database.db, request.campaignId)].filter((c): c is CampaignRow => c !== undefined)
    : await listCampaigns(database.db);
  if (request.campaignId && campaigns.length === 0) throw new Error(`专项行动不存在 No campaign ${request.campaignId}`);
  const ctx: RequestContext = { database, actor: SYSTEM_ACTOR, ip: null, requestId: null };
  const reports: SnapshotReport[] = [];
  for (const campaign of campaigns) {
    for (const unit of RANKING_UNIT_KINDS) {
      const replace = request.from !== undefined || request.to !== undefined;
      const days = replace ? rangeInCampaign(campaign, request.from, request.to, today) : missingSnapshotDays(campaign, today, await storedDays(database.db, campaign.id, unit));
      for (const day of days) {
        // Read outside the write transaction: it needs no lock.
        const ranked = await rankDay(database.db, campaign, unit, day);
        const stored = await write(ctx, async ({ tx, audit }) => {
          const n = await storeSnapshot(tx, campaign.id, day, unit, ranked, replace);
          if (n > 0) audit({ action: 'ranking.snapshot_stored', entityType: 'campaign', entityId: campaign.id, after: { day, unit, units: ranked.length, replaced: replace } });
          return n;
        });
        if (stored > 0) forgetStoredDays(database);
        reports.push({ campaignId: campaign.id, unit, day, units: ranked.length, stored });
      }
    }
  }
  return reports;
}

/** Days of an explicit range that a snapshot can exist for: inside the campaign, ended by now. */
function rangeInCampaign(campaign: CampaignRow, from: string | undefined, to: string | undefined, today: string): string[] {
  const first = maxDay(from ?? campaign.startsOn, campaign.startsOn);
  const last = minDay(minDay(to ?? campaign.endsOn, campaign.endsOn), lastCompleteDay(today));
  return first <= last ? daysBetween(first, last) : [];
}

/** 每日排名晾晒: at 00:00 Asia/Shanghai, the day just ended — and any day a stopped server missed. */
export const RANKING_SNAPSHOT_JOB: JobDefinition = {
  name: 'ranking-snapshot',
  cron: '0 0 * * *',
  runOnStart: true,
  async run({ database, log }) {
    // The day's appended tally deltas fold into one row per unit and day, so reads stay a few thousand rows.
    const folded = await compactTallies(database.db);
    if (folded > 0) log.info({ rows: folded }, 'ranking tallies folded');
    const reports = await takeSnapshots(database);
    const stored = reports.filter((r) => r.stored > 0);
    if (stored.length) log.info({ days: stored.length, first: stored[0]!.day, last: stored.at(-1)!.day }, 'ranking snapshots stored');
  },
};
