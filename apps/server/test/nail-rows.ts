import { randomUUID } from 'node:crypto';
import type { NailKind } from '@anxun/contracts';
import type { Executor } from '../src/platform/db/client.ts';
import type { areas } from '../src/modules/areas/schema.ts';
import { campaigns } from '../src/modules/campaigns/schema.ts';
import { nails } from '../src/modules/nails/schema.ts';

type Area = typeof areas.$inferSelect;

let seq = 0;

/** A campaign row over an area, written straight to the table (the nails tests need no campaign API). */
export async function insertCampaign(db: Executor, area: Area, dates: { startsOn: string; endsOn: string }) {
  seq += 1;
  const [row] = await db
    .insert(campaigns)
    .values({ id: randomUUID(), name: `测试专项行动${seq}`, areaId: area.id, areaPath: area.path, siteKinds: ['enterprise', 'street_shop'], ...dates })
    .returning();
  return row!;
}

export const nailPlan = { target: '年底前拆除违章搭建', measures: '镇村联动，先清后拆', funds: '镇财政20万元', responsible: '王镇长' };

/** An open nail at 0 %, as if just created. */
export async function insertNail(db: Executor, campaignId: string, area: Area, kind: NailKind = 'key') {
  seq += 1;
  const [row] = await db
    .insert(nails)
    .values({ id: randomUUID(), campaignId, kind, title: `测试钉${seq}`, description: '长期未解决的问题', areaId: area.id, areaPath: area.path, plan: nailPlan })
    .returning();
  return row!;
}
