import { randomUUID } from 'node:crypto';
import { and, eq, ne, or, sql } from 'drizzle-orm';
import type { CampaignDetail, CampaignMemberWriteBody, CampaignUnitUpdateBody, CampaignUnitWriteBody } from '@anxun/contracts';
import type { RequestContext } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/client.ts';
import { write } from '../../platform/write.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { findArea } from '../areas/queries.ts';
import { users } from '../users/schema.ts';
import { campaignMembers, campaignSites, campaignUnits, squadTargets } from './schema.ts';
import { findUnit, type CampaignRow, type UnitRow } from './queries.ts';
import { unitProblems, unitProblemText } from './rules.ts';
import { getCampaign, loadCampaign, unprocessable } from './service.ts';

/** Units and members are answered as 404 like their campaign when the actor cannot read it. */
const unitNotFound = () => new AppError(404, 'not_found', '组织单元不存在或无权查看', 'campaign unit not found');
const memberNotFound = () => new AppError(404, 'not_found', '成员不存在或无权查看', 'campaign member not found');

async function loadUnit(ctx: RequestContext, db: Executor, unitId: string): Promise<{ unit: UnitRow; campaign: CampaignRow }> {
  const unit = await findUnit(db, unitId);
  if (!unit) throw unitNotFound();
  try {
    const { campaign } = await loadCampaign(ctx, db, unit.campaignId, 'manage');
    return { unit, campaign };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw unitNotFound();
    throw error;
  }
}

/** Checks a unit's place in the tree; 422 naming every problem. */
async function checkPlacement(tx: Tx, campaign: CampaignRow, unit: { id: string; kind: UnitRow['kind']; parentId: string | null; areaId: string | null }) {
  let parentKind: UnitRow['kind'] | null = null;
  if (unit.parentId) {
    const parent = await findUnit(tx, unit.parentId);
    if (!parent || parent.campaignId !== campaign.id) {
      throw unprocessable('parent_not_found', 'body.parentId', '上级单元不属于本专项行动', 'The parent unit is not part of this campaign');
    }
    parentKind = parent.kind;
  }
  const areaRow = unit.areaId ? await findArea(tx, unit.areaId) : undefined;
  if (unit.areaId && !areaRow) throw unprocessable('area_not_found', 'body.areaId', '所选区域不存在', 'The area does not exist');
  const [offices] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(campaignUnits)
    .where(and(eq(campaignUnits.campaignId, campaign.id), eq(campaignUnits.kind, 'office'), ne(campaignUnits.id, unit.id)));
  const problems = unitProblems({ kind: unit.kind, parentKind, area: areaRow ? { level: areaRow.level, path: areaRow.path } : null, otherOffices: offices!.n }, campaign.areaPath);
  if (problems.length > 0) {
    const details = problems.map((p) => {
      const text = unitProblemText(p);
      return { path: p.code === 'parent_kind' || p.code === 'second_office' ? 'body.parentId' : 'body.areaId', message: text.zh, messageEn: text.en };
    });
    throw new AppError(422, 'invalid_unit', details.map((d) => d.message).join('；'), details.map((d) => d.messageEn).join('; '), details);
  }
}

const unitView = (u: Pick<UnitRow, 'kind' | 'parentId' | 'name' | 'areaId' | 'sortOrder'>) => ({ kind: u.kind, parentId: u.parentId, name: u.name, areaId: u.areaId, sortOrder: u.sortOrder });

export async function createUnit(ctx: RequestContext, campaignId: string, body: CampaignUnitWriteBody): Promise<CampaignDetail> {
  await write(ctx, async ({ tx, audit }) => {
    const { campaign } = await loadCampaign(ctx, tx, campaignId, 'manage');
    const row = { id: randomUUID(), campaignId, kind: body.kind, parentId: body.parentId ?? null, name: body.name, areaId: body.areaId ?? null, sortOrder: body.sortOrder ?? 0 };
    await checkPlacement(tx, campaign, row);
    await tx.insert(campaignUnits).values(row);
    audit({ action: 'campaign.unit_created', entityType: 'campaign', entityId: campaignId, after: { unitId: row.id, ...unitView(row) } });
  });
  return getCampaign(ctx, campaignId);
}

export async function updateUnit(ctx: RequestContext, unitId: string, body: CampaignUnitUpdateBody): Promise<CampaignDetail> {
  const campaignId = await write(ctx, async ({ tx, audit }) => {
    const { unit, campaign } = await loadUnit(ctx, tx, unitId);
    const next = {
      ...unit,
      name: body.name ?? unit.name,
      sortOrder: body.sortOrder ?? unit.sortOrder,
      parentId: body.parentId === undefined ? unit.parentId : body.parentId,
      areaId: body.areaId === undefined ? unit.areaId : body.areaId,
    };
    await checkPlacement(tx, campaign, next);
    if (unit.kind === 'village_team' && next.areaId !== unit.areaId) {
      const [assigned] = await tx.select({ n: sql<number>`count(*)::int` }).from(campaignSites).where(eq(campaignSites.villageTeamId, unitId));
      if (assigned!.n > 0) {
        throw conflict('team_has_sites', `该村社队已分配 ${assigned!.n} 个受检单位，请先调整后再更换村社`, `The village team has ${assigned!.n} assigned sites; move them before changing its village`);
      }
    }
    await tx.update(campaignUnits).set({ name: next.name, sortOrder: next.sortOrder, parentId: next.parentId, areaId: next.areaId }).where(eq(campaignUnits.id, unitId));
    // A village team moved to another squad takes its sites with it.
    if (unit.kind === 'village_team' && next.parentId !== unit.parentId && next.parentId) {
      await tx.update(campaignSites).set({ squadId: next.parentId }).where(and(eq(campaignSites.campaignId, campaign.id), eq(campaignSites.villageTeamId, unitId)));
    }
    audit({ action: 'campaign.unit_updated', entityType: 'campaign', entityId: campaign.id, before: { unitId, ...unitView(unit) }, after: { unitId, ...unitView(next) } });
    return campaign.id;
  });
  return getCampaign(ctx, campaignId);
}

/** Only an empty unit goes: no sub-units, no assigned sites, no targets; its members go with it. */
export async function deleteUnit(ctx: RequestContext, unitId: string): Promise<CampaignDetail> {
  const campaignId = await write(ctx, async ({ tx, audit }) => {
    const { unit, campaign } = await loadUnit(ctx, tx, unitId);
    const [usage] = await tx
      .select({
        children: sql<number>`(select count(*)::int from ${campaignUnits} where ${campaignUnits.parentId} = ${unitId})`,
        sites: sql<number>`(select count(*)::int from ${campaignSites} where ${or(eq(campaignSites.squadId, unitId), eq(campaignSites.villageTeamId, unitId))})`,
        targets: sql<number>`(select count(*)::int from ${squadTargets} where ${squadTargets.squadId} = ${unitId})`,
      })
      .from(sql`(select 1) as one`);
    if (usage!.children > 0 || usage!.sites > 0 || usage!.targets > 0) {
      throw conflict(
        'unit_in_use',
        `该单元还有 ${usage!.children} 个下级单元、${usage!.sites} 个已分配的受检单位、${usage!.targets} 条周目标，不能删除`,
        `The unit still has ${usage!.children} sub-units, ${usage!.sites} assigned sites and ${usage!.targets} weekly targets`,
      );
    }
    const members = await tx.select().from(campaignMembers).where(eq(campaignMembers.unitId, unitId));
    await tx.delete(campaignUnits).where(eq(campaignUnits.id, unitId));
    audit({ action: 'campaign.unit_deleted', entityType: 'campaign', entityId: campaign.id, before: { unitId, ...unitView(unit), members: members.map((m) => m.name) } });
    return campaign.id;
  });
  return getCampaign(ctx, campaignId);
}

async function checkUserLink(tx: Tx, userId: string | null | undefined) {
  if (!userId) return;
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) throw unprocessable('user_not_found', 'body.userId', '关联的账号不存在', 'The linked account does not exist');
}

const memberView = (m: CampaignMemberWriteBody | typeof campaignMembers.$inferSelect) => ({
  name: m.name,
  phone: m.phone ?? null,
  duty: m.duty ?? null,
  isLeader: m.isLeader ?? false,
  userId: m.userId ?? null,
});

export async function addMember(ctx: RequestContext, unitId: string, body: CampaignMemberWriteBody): Promise<CampaignDetail> {
  const campaignId = await write(ctx, async ({ tx, audit }) => {
    const { campaign } = await loadUnit(ctx, tx, unitId);
    await checkUserLink(tx, body.userId);
    const id = randomUUID();
    await tx.insert(campaignMembers).values({ id, unitId, ...memberView(body) });
    audit({ action: 'campaign.member_added', entityType: 'campaign', entityId: campaign.id, after: { memberId: id, unitId, ...memberView(body) } });
    return campaign.id;
  });
  return getCampaign(ctx, campaignId);
}

async function loadMember(ctx: RequestContext, tx: Tx, memberId: string) {
  const [member] = await tx.select().from(campaignMembers).where(eq(campaignMembers.id, memberId));
  if (!member) throw memberNotFound();
  try {
    return { member, ...(await loadUnit(ctx, tx, member.unitId)) };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw memberNotFound();
    throw error;
  }
}

export async function updateMember(ctx: RequestContext, memberId: string, body: Partial<CampaignMemberWriteBody>): Promise<CampaignDetail> {
  const campaignId = await write(ctx, async ({ tx, audit }) => {
    const { member, campaign } = await loadMember(ctx, tx, memberId);
    await checkUserLink(tx, body.userId);
    const next = memberView({
      name: body.name ?? member.name,
      phone: body.phone === undefined ? member.phone : body.phone,
      duty: body.duty === undefined ? member.duty : body.duty,
      isLeader: body.isLeader ?? member.isLeader,
      userId: body.userId === undefined ? member.userId : body.userId,
    });
    await tx.update(campaignMembers).set(next).where(eq(campaignMembers.id, memberId));
    audit({ action: 'campaign.member_updated', entityType: 'campaign', entityId: campaign.id, before: { memberId, ...memberView(member) }, after: { memberId, ...next } });
    return campaign.id;
  });
  return getCampaign(ctx, campaignId);
}

export async function removeMember(ctx: RequestContext, memberId: string): Promise<CampaignDetail> {
  const campaignId = await write(ctx, async ({ tx, audit }) => {
    const { member, campaign } = await loadMember(ctx, tx, memberId);
    await tx.delete(campaignMembers).where(eq(campaignMembers.id, memberId));
    audit({ action: 'campaign.member_removed', entityType: 'campaign', entityId: campaign.id, before: { memberId, unitId: member.unitId, ...memberView(member) } });
    return campaign.id;
  });
  return getCampaign(ctx, campaignId);
}
