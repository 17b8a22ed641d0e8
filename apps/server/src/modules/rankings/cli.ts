import { parseArgs } from 'node:util';
import type { Database } from '../../platform/db/client.ts';
import { takeSnapshots } from './snapshot-job.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `npx anxun rankings snapshot [--campaign ID] [--from YYYY-MM-DD --to YYYY-MM-DD]`. */
export async function rankingsCommand(args: string[], withDatabase: <T>(fn: (database: Database) => Promise<T>) => Promise<T>): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'snapshot') throw new Error('Usage: npx anxun rankings snapshot [--campaign ID] [--from YYYY-MM-DD --to YYYY-MM-DD]');
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
