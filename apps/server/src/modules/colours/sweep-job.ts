import type { JobDefinition } from '../../platform/jobs.ts';
import type { Database } from '../../platform/db/client.ts';
import { SYSTEM_ACTOR } from '../../platform/context.ts';
import { write } from '../../platform/write.ts';
import { refreshSiteColour, sitesDueForColour } from './service.ts';

const BATCH = 500;
/** Each pass moves colourDueAt past `now`, so this bound is only a guard against a rule bug. */
const MAX_BATCHES = 10_000;

/** Refreshes every site whose colour may have changed by `now`; returns how many changed. */
export async function sweepColours(database: Database, now: Date): Promise<number> {
  const ctx = { database, actor: SYSTEM_ACTOR, ip: null, requestId: null };
  let changed = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const ids = await sitesDueForColour(database.db, now, BATCH);
    if (ids.length === 0) break;
    changed += await write(ctx, async ({ tx, audit }) => {
      let n = 0;
      for (const id of ids) {
        const result = await refreshSiteColour(tx, id, '整改期限或黄牌到期', now);
        if (result.changed) {
          n++;
          audit({ action: 'site.colour_changed', entityType: 'site', entityId: id, after: { colour: result.colour, reason: 'deadline passed' } });
        }
      }
      return n;
    });
  }
  return changed;
}

/** Turns sites orange (or back) when a deadline day or a yellow card expires; runs every minute. */
export const COLOUR_SWEEP_JOB: JobDefinition = {
  name: 'colour-sweep',
  cron: '* * * * *',
  async run({ database, log }) {
    const changed = await sweepColours(database, new Date());
    if (changed) log.info({ changed }, 'colour sweep changed sites');
  },
};
