import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/client.ts';
import { createStorage } from '../../platform/storage/index.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { isDatabaseEmpty, seedDemo } from '../demo/seed.ts';
import { GUALI_CODE } from '../demo/scales.ts';
import { addDays } from './plan.ts';
import { simulateCampaign, type SimulationResult } from './engine.ts';
import type { UnitFigures } from './ledger.ts';

const SCALES = ['town', 'guali'] as const;

export const SIMULATE_HELP = `--scale town|guali (default guali): on an empty database the demo of that scale is loaded first
  (areas, sites, accounts, checklists); a database seeded with "seed-demo" at that scale is used as it is,
  as long as nothing has been inspected yet.
--days N (default 15): simulated days; --start YYYY-MM-DD (default: N days before today, so the last day is yesterday)
--seed S (default 1): the same seed replays the same campaign
--fraction F (0 < F ≤ 1, default 1): inspect only that share of the sites, for a quick run
--out FILE (default simulation-<start>-<N>d.json): where the ground-truth totals are written`;

export async function simulateCommand(args: string[], config: Config, withDatabase: <T>(fn: (database: Database) => Promise<T>) => Promise<T>): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      scale: { type: 'string', default: 'guali' },
      days: { type: 'string', default: '15' },
      seed: { type: 'string', default: '1' },
      start: { type: 'string' },
      fraction: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  });
  const scale = values.scale as (typeof SCALES)[number];
  if (!SCALES.includes(scale)) throw new Error(`--scale must be one of ${SCALES.join(', ')}`);
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 120) throw new Error('--days must be a whole number from 1 to 120');
  const fraction = Number(values.fraction);
  if (!(fraction > 0 && fraction <= 1)) throw new Error('--fraction must be in (0, 1]');
  const start = values.start ?? addDays(shanghaiDate(), -days);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new Error('--start must be YYYY-MM-DD');
  const out = values.out ?? `simulation-${start}-${days}d.json`;

  await withDatabase(async (database) => {
    if (await isDatabaseEmpty(database.db)) await seedDemo(database, { scale, log: console.log });
    const counted = await database.db.execute(sql`select count(*)::int as n from inspections`);
    const [visited] = (counted as unknown as { rows: { n: number }[] }).rows;
    if (visited!.n > 0) throw new Error('数据库已有检查记录 The database already has inspections; simulate needs a fresh demo database (empty, or just "seed-demo").');
    const result = await simulateCampaign(database, { start, days, seed: values.seed!, fraction, townCode: GUALI_CODE, storage: createStorage(config), log: console.log });
    await writeFile(out, JSON.stringify(result, null, 2));
    console.log(report(result, database.kind));
    console.log(`\n写入 Written to ${out}`);
  });
}

const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const n = (v: number) => v.toLocaleString('en');
const unitLine = (u: UnitFigures) => `  ${u.name.padEnd(6, '　')} 排查 ${n(u.sitesInspected)}/${n(u.sitesInScope)} ${pct(u.inspectionRate).padStart(6)}   销号 ${n(u.hazardsClosed)}/${n(u.hazardsFound)} ${pct(u.closeOutRate).padStart(6)}`;

/** The ground truth, as printed for comparison with the dashboard. */
export function report(result: SimulationResult, engine: string): string {
  const t = result.totals;
  const colours = Object.entries(t.sitesByColour).map(([c, k]) => `${c} ${n(k)}`).join(', ');
  return [
    `\n== 模拟结果 Ground truth: ${result.start} + ${result.days} days, seed ${result.seed}${result.fraction < 1 ? `, fraction ${result.fraction}` : ''} (as of ${t.asOf}) ==`,
    `campaign ${result.campaignId}: ${n(result.members)} members`,
    `sites in scope ${n(t.sitesInScope)}, inspected ${n(t.sitesInspected)}, 排查率 ${pct(t.inspectionRate)}`,
    `hazards found ${n(t.hazardsFound)} (immediate ${n(t.hazardsByMode.immediate)}, centralised ${n(t.hazardsByMode.centralised)}, deadline ${n(t.hazardsByMode.deadline)}), closed ${n(t.hazardsClosed)}, 销号率 ${pct(t.closeOutRate)}`,
    `overdue ${n(t.hazardsOverdue)}, open majors ${n(t.openMajorHazards)}, extensions ${n(t.extensionsApproved)}/${n(t.extensionsRequested)} approved, yellow cards ${n(t.yellowCards)}, suspensions ${n(t.suspensions)}`,
    `sites by colour: ${colours}`,
    `villages (${t.villages.count}), top:`,
    ...t.villages.top.map(unitLine),
    'bottom:',
    ...t.villages.bottom.map(unitLine),
    'squads:',
    ...t.squads.map(unitLine),
    `service calls: ${Object.entries(result.counts).map(([k, v]) => `${k} ${n(v)}`).join(', ')}`,
    `time on ${engine}: set-up ${(result.timings.setupMs / 1000).toFixed(1)} s, days ${result.timings.daysMs.map((ms) => (ms / 1000).toFixed(0)).join('/')} s, total ${(result.timings.totalMs / 1000).toFixed(1)} s`,
    `  by phase: ${Object.entries(result.timings.phasesMs).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')}`,
  ].join('\n');
}
