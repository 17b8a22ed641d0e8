import { randomUUID } from 'node:crypto';
import type { TestApp } from '../helpers.ts';
import type { areas } from '../../src/modules/areas/schema.ts';
import { campaigns } from '../../src/modules/campaigns/schema.ts';

type Area = typeof areas.$inferSelect;

/** A campaign over village A (inside every actor's scope) and its twin over village B. */
export async function campaignsFixture(t: TestApp, villageA: Area, villageB: Area) {
  const db = t.database.db;
  const campaign = async (area: Area, name: string) => {
    const id = randomUUID();
    await db.insert(campaigns).values({ id, name, areaId: area.id, areaPath: area.path, startsOn: '2026-01-05', endsOn: '2099-12-31', siteKinds: ['enterprise', 'street_shop'] });
    return id;
  };
  return { campaigns: { a: await campaign(villageA, '范围测试行动A'), b: await campaign(villageB, '范围测试行动B') } };
}

export type CampaignsFixture = Awaited<ReturnType<typeof campaignsFixture>>;
