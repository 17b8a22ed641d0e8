import { parseArgs } from 'node:util';
import type { Database } from '../../platform/db/client.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { findCampaign, listCampaigns } from './queries.ts';
import { takeSnapshots } from './snapshot-job.ts';
import { verifyTallies } from './verify.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const USAGE = 'Usage: npx anxun rankings snapshot [--campaign ID] [--from YYYY-MM-DD --to YYYY-MM-DD] | npx anxun rankings verify [--campaign ID]';

/** `npx anxun rankings snapshot …` stores days; `npx anxun rankings verify` checks the tallies against the raw records. */
export async function rankingsCommand(args: string[], withDatabase: <T>(fn: (database: Database) => Promise<T>) => Promise<T>): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'verify') return verifyCommand(rest, withDatabase);
  if (sub !== 'snapshot') throw new Error(USAGE);
  const { values } = parseArgs({ args: rest, options: { campaign: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } } });
  for (const key of ['from', 'to'] as const) {
    if (values[key] !== undefined && !DAY.test(values[key])) throw new Error(`--${key} 须为 YYYY-MM-DD | --${key} must be YYYY-MM-DD`);
  }
  await withDatabase(async (database) => {
    const reports = await takeSnapshots(database, { campaignId: values.campaign, from: values.from, to: values.to });
    for (const r of reports) console.log(`${r.campaignId} ${r.day} ${r.unit.padEnd(7)} ${r.units} units, ${r.stored} stored`);
    console.log(`排名快照完成 Ranking snapshots done: ${reports.length} campaign-days, ${reports.filter((r) => r.stored > 0).length} written.`);
  });
}

async function verifyCommand(args: string[], withDatabase: <T>(fn: (database: Database) => Promise<T>) => Promise<T>): Promise<void> {
  const { values } = parseArgs({ args, options: { campaign: { type: 'string' } } });
  await withDatabase(async (database) => {
    const campaigns = values.campaign ? [await findCampaign(database.db, values.campaign)].filter((c) => c !== undefined) : await listCampaigns(database.db);
    if (values.campaign && campaigns.length === 0) throw new Error(`专项行动不存在 No campaign ${values.campaign}`);
    let wrong = 0;
    for (const campaign of campaigns) {
      const { days, mismatches } = await verifyTallies(database.db, campaign, shanghaiDate(new Date()));
      wrong += mismatches.length;
      for (const m of mismatches.slice(0, 20)) console.log(`  ${m.day} ${m.unit} ${m.unitId}: tallies ${JSON.stringify(m.tallied)} ≠ records ${JSON.stringify(m.recounted)}`);
      console.log(`${campaign.id} ${campaign.name}: ${days} days × 2 unit kinds, ${mismatches.length} differences`);
    }
    if (wrong > 0) throw new Error(`排名台账与原始记录不一致 ${wrong} figures of the tallies differ from the raw records`);
    console.log('排名台账与原始记录一致 The tallies equal a recount from the raw records.');
  });
}
