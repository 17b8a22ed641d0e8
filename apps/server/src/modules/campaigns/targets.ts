import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CampaignTargets, TargetEditBody, TargetPlanBody } from '@anxun/contracts';
import type { RequestContext } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/client.ts';
import { write } from '../../platform/write.ts';
import { conflict } from '../../platform/errors.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { campaignSites, campaignUnits, squadTargets } from './schema.ts';
import { shanghaiStart, type CampaignRow } from './queries.ts';
import { attainment, campaignWeeks, isMonday, mondayOf, planTargets, planWeeks } from './rules.ts';
import { campaignAllowed } from './policy.ts';
import { loadCampaign, unprocessable } from './service.ts';

/** The Monday (Asia/Shanghai) of a timestamp column, as 'YYYY-MM-DD'; China keeps UTC+8 all year. */
const weekOf = (column: unknown) => sql<string>`to_char(date_trunc('week', (${column} at time zone 'UTC') + interval '8 hours'), 'YYYY-MM-DD')`;

type Counts = { sitesInspected: number; hazardsClosed: number };

/**
 * What each squad still has to do as of 00:00 on a Monday, from raw records: its assigned sites
 * not inspected (combined inspection, not re-inspection) since the campaign began, and the hazards
 * on its sites not closed by then (still open now, or closed since that Monday).
 */
export async function remainingWork(db: Executor, campaign: CampaignRow, weekStart: string): Promise<Map<string, Counts & { assigned: number }>> {
  const from = shanghaiStart(campaign.startsOn);
  const monday = shanghaiStart(weekStart);
  const siteRows = await db
    .select({
      squadId: campaignSites.squadId,
      assigned: sql<number>`count(*)::int`,
      inspected: sql<number>`count(*) filter (where exists (select 1 from inspections i where i.site_id = campaign_sites.site_id and i.kind = 'inspection' and i.ended_at >= ${from} and i.ended_at < ${monday}))::int`,
    })
    .from(campaignSites)
    .where(eq(campaignSites.campaignId, campaign.id))
    .groupBy(campaignSites.squadId);
  const hazardRows = await db.execute(sql`
    select cs.squad_id, count(*)::int as n
    from hazards h join campaign_sites cs on cs.site_id = h.site_id and cs.campaign_id = ${campaign.id}
    where h.status in ('open', 'pending_review') or (h.status = 'closed' and h.closed_at >= ${monday})
    group by cs.squad_id`);
  const result = new Map<string, Counts & { assigned: number }>();
  for (const r of siteRows) result.set(r.squadId, { assigned: r.assigned, sitesInspected: r.assigned - r.inspected, hazardsClosed: 0 });
  for (const r of rowsOf<{ squad_id: string; n: number }>(hazardRows)) {
    const entry = result.get(r.squad_id) ?? { assigned: 0, sitesInspected: 0, hazardsClosed: 0 };
    entry.hazardsClosed = Number(r.n);
    result.set(r.squad_id, entry);
  }
  return result;
}

/** Raw execute answers { rows } on both drivers. */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Actual work per squad and week, counted from raw records over the squad's current sites: a site
 * counts in the week of its first combined inspection in the campaign period; a hazard in the week
 * it was closed (销号) within the period.
 */
async function actualWork(db: Executor, campaign: CampaignRow): Promise<Map<string, Counts>> {
  const from = shanghaiStart(campaign.startsOn);
  const until = shanghaiStart(campaign.endsOn, 1);
  const sitesDone = rowsOf<{ squad_id: string; week: string; n: number }>(
    await db.execute(sql`
      select cs.squad_id, ${weekOf(sql`fi.first`)} as week, count(*)::int as n
      from campaign_sites cs
      join (select site_id, min(ended_at) as first from inspections
            where kind = 'inspection' and ended_at >= ${from} and ended_at < ${until}
              and site_id in (select site_id from campaign_sites where campaign_id = ${campaign.id})
            group by site_id) fi on fi.site_id = cs.site_id
      where cs.campaign_id = ${campaign.id}
      group by 1, 2`),
  );
  const hazardsDone = rowsOf<{ squad_id: string; week: string; n: number }>(
    await db.execute(sql`
      select cs.squad_id, ${weekOf(sql`h.closed_at`)} as week, count(*)::int as n
      from hazards h join campaign_sites cs on cs.site_id = h.site_id and cs.campaign_id = ${campaign.id}
      where h.status = 'closed' and h.closed_at >= ${from} and h.closed_at < ${until}
      group by 1, 2`),
  );
  const actual = new Map<string, Counts>();
  const at = (squadId: string, week: string) => {
    const key = `${squadId}|${week}`;
    if (!actual.has(key)) actual.set(key, { sitesInspected: 0, hazardsClosed: 0 });
    return actual.get(key)!;
  };
  for (const r of sitesDone) at(r.squad_id, r.week).sitesInspected += Number(r.n);
  for (const r of hazardsDone) at(r.squad_id, r.week).hazardsClosed += Number(r.n);
  return actual;
}

export async function getTargets(ctx: RequestContext, campaignId: string, now = new Date()): Promise<CampaignTargets> {
  const db = ctx.database.db;
  const { campaign } = await loadCampaign(ctx, db, campaignId);
  const today = shanghaiDate(now);
  const weeks = campaignWeeks(campaign);
  const currentWeek = weeks.includes(mondayOf(today)) ? mondayOf(today) : null;
  const squads = await db.select().from(campaignUnits).where(and(eq(campaignUnits.campaignId, campaignId), eq(campaignUnits.kind, 'squad'))).orderBy(asc(campaignUnits.sortOrder), asc(campaignUnits.createdAt), asc(campaignUnits.name));
  const zones = new Map((await db.select().from(campaignUnits).where(and(eq(campaignUnits.campaignId, campaignId), eq(campaignUnits.kind, 'zone')))).map((z) => [z.id, z.name]));
  const targets = await db.select().from(squadTargets).where(eq(squadTargets.campaignId, campaignId));
  const [actual, remaining] = await Promise.all([actualWork(db, campaign), remainingWork(db, campaign, planWeeks(campaign, today)[0] ?? mondayOf(campaign.endsOn))]);
  return {
    weeks,
    currentWeek,
    squads: squads.map((squad) => ({
      squadId: squad.id,
      squadName: squad.name,
      zoneName: squad.parentId ? (zones.get(squad.parentId) ?? null) : null,
      sitesAssigned: remaining.get(squad.id)?.assigned ?? 0,
      remaining: { sitesInspected: remaining.get(squad.id)?.sitesInspected ?? 0, hazardsClosed: remaining.get(squad.id)?.hazardsClosed ?? 0 },
      weeks: weeks.map((weekStart) => {
        const target = targets.find((t) => t.squadId === squad.id && t.weekStart === weekStart);
        const done = actual.get(`${squad.id}|${weekStart}`) ?? { sitesInspected: 0, hazardsClosed: 0 };
        return {
          squadId: squad.id,
          weekStart,
          target: target ? { sitesInspected: target.sitesInspected, hazardsClosed: target.hazardsClosed } : null,
          actual: done,
          attainment: { sitesInspected: attainment(done.sitesInspected, target?.sitesInspected), hazardsClosed: attainment(done.hazardsClosed, target?.hazardsClosed) },
        };
      }),
    })),
    allowed: campaignAllowed(ctx.actor, campaign),
  };
}

async function squadOf(tx: Tx, campaignId: string, squadId: string) {
  const [squad] = await tx.select().from(campaignUnits).where(and(eq(campaignUnits.id, squadId), eq(campaignUnits.campaignId, campaignId), eq(campaignUnits.kind, 'squad')));
  if (!squad) throw unprocessable('squad_not_found', 'body.squadId', '所选小组不属于本专项行动', 'The squad is not part of this campaign');
  return squad;
}

/**
 * 倒排: replaces the targets of this week onwards with the remaining work spread evenly over the
 * weeks left (rules.ts spreadEvenly); past weeks keep their targets as history.
 */
export async function planCampaignTargets(ctx: RequestContext, campaignId: string, body: z.infer<typeof TargetPlanBody>, now = new Date()): Promise<CampaignTargets> {
  await write(ctx, async ({ tx, audit }) => {
    const { campaign } = await loadCampaign(ctx, tx, campaignId, 'manage');
    const weeks = planWeeks(campaign, shanghaiDate(now));
    if (weeks.length === 0) throw conflict('campaign_finished', '专项行动已结束，不能再倒排目标', 'The campaign is over; there are no weeks left to plan');
    const squads = body.squadId
      ? [await squadOf(tx, campaignId, body.squadId)]
      : await tx.select().from(campaignUnits).where(and(eq(campaignUnits.campaignId, campaignId), eq(campaignUnits.kind, 'squad')));
    if (squads.length === 0) throw conflict('no_squads', '专项行动还没有小组', 'The campaign has no squads yet');
    const remaining = await remainingWork(tx, campaign, weeks[0]!);
    const squadIds = squads.map((s) => s.id);
    const replaced = and(eq(squadTargets.campaignId, campaignId), inArray(squadTargets.squadId, squadIds), gte(squadTargets.weekStart, weeks[0]!));
    const before = await tx.select().from(squadTargets).where(replaced);
    await tx.delete(squadTargets).where(replaced);
    const rows = squads.flatMap((squad) =>
      planTargets(remaining.get(squad.id) ?? { sitesInspected: 0, hazardsClosed: 0 }, weeks).map((t) => ({ id: randomUUID(), campaignId, squadId: squad.id, ...t })),
    );
    await tx.insert(squadTargets).values(rows);
    const view = (r: { squadId: string; weekStart: string; sitesInspected: number; hazardsClosed: number }) => ({ squadId: r.squadId, weekStart: r.weekStart, sitesInspected: r.sitesInspected, hazardsClosed: r.hazardsClosed });
    audit({ action: 'campaign.targets_planned', entityType: 'campaign', entityId: campaignId, before: { targets: before.map(view) }, after: { fromWeek: weeks[0], targets: rows.map(view) } });
  });
  return getTargets(ctx, campaignId, now);
}

/** Sets one squad's target for one week by hand. */
export async function editTarget(ctx: RequestContext, campaignId: string, body: z.infer<typeof TargetEditBody>, now = new Date()): Promise<CampaignTargets> {
  await write(ctx, async ({ tx, audit }) => {
    const { campaign } = await loadCampaign(ctx, tx, campaignId, 'manage');
    await squadOf(tx, campaignId, body.squadId);
    if (!isMonday(body.weekStart) || !campaignWeeks(campaign).includes(body.weekStart)) {
      throw unprocessable('not_a_campaign_week', 'body.weekStart', '周起始日必须是专项行动期间某一周的星期一', "The week must start on a Monday of one of the campaign's weeks");
    }
    const [old] = await tx.select().from(squadTargets).where(and(eq(squadTargets.campaignId, campaignId), eq(squadTargets.squadId, body.squadId), eq(squadTargets.weekStart, body.weekStart)));
    const values = { sitesInspected: body.sitesInspected, hazardsClosed: body.hazardsClosed };
    await tx
      .insert(squadTargets)
      .values({ id: randomUUID(), campaignId, squadId: body.squadId, weekStart: body.weekStart, ...values })
      .onConflictDoUpdate({ target: [squadTargets.campaignId, squadTargets.squadId, squadTargets.weekStart], set: values });
    audit({
      action: 'campaign.target_set',
      entityType: 'campaign',
      entityId: campaignId,
      before: old ? { squadId: body.squadId, weekStart: body.weekStart, sitesInspected: old.sitesInspected, hazardsClosed: old.hazardsClosed } : undefined,
      after: { squadId: body.squadId, weekStart: body.weekStart, ...values },
    });
  });
  return getTargets(ctx, campaignId, now);
}
