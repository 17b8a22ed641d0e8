import { randomUUID } from 'node:crypto';
import type { TestApp } from '../helpers.ts';
import type { areaTree } from '../factories.ts';
import { insertCampaign, insertNail } from '../nail-rows.ts';
import { nailMilestones } from '../../src/modules/nails/schema.ts';

/** More than the roles that run one endpoint in a row, so each allowed call gets a fresh target. */
const POOL = 24;

/**
 * A campaign over the town that has not started (key nails still allowed), nail A in village A
 * (every actor's scope) with a pool of open milestones to complete once each, and nail B in village B.
 */
export async function nailsFixture(t: TestApp, tree: Awaited<ReturnType<typeof areaTree>>) {
  const db = t.database.db;
  const campaign = await insertCampaign(db, tree.town, { startsOn: '2099-01-01', endsOn: '2099-12-31' });
  const nailA = await insertNail(db, campaign.id, tree.villageA);
  const nailB = await insertNail(db, campaign.id, tree.villageB);
  const milestone = (nailId: string, i: number) => ({ id: randomUUID(), nailId, title: `范围测试节点${i}`, dueOn: '2099-03-01', sortOrder: i });
  const poolA = Array.from({ length: POOL }, (_, i) => milestone(nailA.id, i));
  const milestoneB = milestone(nailB.id, 0);
  await db.insert(nailMilestones).values([...poolA, milestoneB]);
  return {
    nails: {
      campaignId: campaign.id,
      nailA: nailA.id,
      nailB: nailB.id,
      milestoneA: (n: number) => poolA[n % POOL]!.id,
      milestoneB: milestoneB.id,
    },
  };
}

export type NailsFixture = Awaited<ReturnType<typeof nailsFixture>>;
