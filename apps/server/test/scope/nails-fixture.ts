import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { TestApp } from '../helpers.ts';
import type { areaTree } from '../factories.ts';
import { insertCampaign, insertNail } from '../nail-rows.ts';
import { nailDepartments, nailMilestones, nailSites, nailUpdates, nails } from '../../src/modules/nails/schema.ts';

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
  /** Everything about nail B, to show that no refused write touched it. */
  const stateOfB = async () => ({
    nail: await db.select().from(nails).where(eq(nails.id, nailB.id)),
    sites: await db.select().from(nailSites).where(eq(nailSites.nailId, nailB.id)),
    departments: await db.select().from(nailDepartments).where(eq(nailDepartments.nailId, nailB.id)),
    milestones: await db.select().from(nailMilestones).where(eq(nailMilestones.nailId, nailB.id)).orderBy(asc(nailMilestones.id)),
    updates: await db.select().from(nailUpdates).where(eq(nailUpdates.nailId, nailB.id)),
  });
  const initialB = await stateOfB();
  return {
    nails: {
      campaignId: campaign.id,
      nailA: nailA.id,
      nailB: nailB.id,
      milestoneA: (n: number) => poolA[n % POOL]!.id,
      milestoneB: milestoneB.id,
      initialB,
      stateOfB,
    },
  };
}

export type NailsFixture = Awaited<ReturnType<typeof nailsFixture>>;
