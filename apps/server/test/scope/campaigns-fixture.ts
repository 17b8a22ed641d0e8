import { randomUUID } from 'node:crypto';
import type { TestApp } from '../helpers.ts';
import { insertSite } from '../factories.ts';
import type { areas } from '../../src/modules/areas/schema.ts';
import type { sites } from '../../src/modules/sites/schema.ts';
import { batchDecisions, campaignMembers, campaigns, campaignSites, campaignUnits } from '../../src/modules/campaigns/schema.ts';

type Area = typeof areas.$inferSelect;
type Site = typeof sites.$inferSelect;
/** More than the roles that run one endpoint in a row, so each allowed call gets a fresh target. */
const POOL = 24;

/**
 * A campaign over village A (inside every actor's scope) and its twin over village B, each with a
 * zone, a squad, members and an assigned site; in A also pools of one-shot targets: empty working
 * groups and members to delete, assigned sites to unassign, and proposals to sign.
 */
export async function campaignsFixture(t: TestApp, villageA: Area, villageB: Area, microA: Area, siteB: Site) {
  const db = t.database.db;
  const campaign = async (area: Area, name: string) => {
    const id = randomUUID();
    await db.insert(campaigns).values({ id, name, areaId: area.id, areaPath: area.path, startsOn: '2026-01-05', endsOn: '2027-06-30', siteKinds: ['enterprise', 'street_shop'] });
    const unit = async (kind: (typeof campaignUnits.$inferInsert)['kind'], unitName: string, parentId: string | null = null) => {
      const unitId = randomUUID();
      await db.insert(campaignUnits).values({ id: unitId, campaignId: id, kind, name: unitName, parentId });
      return unitId;
    };
    const zone = await unit('zone', '范围测试片区');
    const squad = await unit('squad', '范围测试小组', zone);
    const member = randomUUID();
    await db.insert(campaignMembers).values({ id: member, unitId: squad, name: '范围测试成员' });
    return { id, zone, squad, member, unit };
  };
  const a = await campaign(villageA, '范围测试行动A');
  const b = await campaign(villageB, '范围测试行动B');
  const workingGroupB = await b.unit('working_group', '范围测试工作组B');
  await db.insert(campaignSites).values({ campaignId: b.id, siteId: siteB.id, squadId: b.squad });
  const decisionB = randomUUID();
  await db.insert(batchDecisions).values({ id: decisionB, campaignId: b.id, siteId: siteB.id, batch: 'upgrade', reason: '范围测试' });

  const workingGroups: string[] = [];
  const members: string[] = [];
  const assigned: string[] = [];
  const decisions: string[] = [];
  for (let i = 0; i < POOL; i += 1) {
    workingGroups.push(await a.unit('working_group', `范围测试工作组${i}`));
    const member = randomUUID();
    await db.insert(campaignMembers).values({ id: member, unitId: a.squad, name: `范围测试待删成员${i}` });
    members.push(member);
    const site = await insertSite(db, microA);
    await db.insert(campaignSites).values({ campaignId: a.id, siteId: site.id, squadId: a.squad });
    assigned.push(site.id);
    // A proposal on its own enterprise (one current proposal per site), unassigned so no squad leader is named.
    const proposed = await insertSite(db, microA);
    const decision = randomUUID();
    await db.insert(batchDecisions).values({ id: decision, campaignId: a.id, siteId: proposed.id, batch: 'model', reason: '范围测试' });
    decisions.push(decision);
  }
  return {
    campaigns: {
      a: a.id,
      b: b.id,
      zoneA: a.zone,
      zoneB: b.zone,
      squadA: a.squad,
      squadB: b.squad,
      memberA: a.member,
      memberB: b.member,
      workingGroupB,
      decisionB,
      workingGroupA: (n: number) => workingGroups[n % POOL]!,
      deletableMemberA: (n: number) => members[n % POOL]!,
      assignedA: (n: number) => assigned[n % POOL]!,
      decisionA: (n: number) => decisions[n % POOL]!,
    },
  };
}

export type CampaignsFixture = Awaited<ReturnType<typeof campaignsFixture>>;
