import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { SiteOrdersView, SuspensionBody, YellowCardBody } from '@anxun/contracts';
import { nowOf, type Actor, type RequestContext } from '../../platform/context.ts';

import type { Executor } from '../../platform/db/client.ts';
import { write } from '../../platform/write.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { findSite, type SiteRow } from '../sites/queries.ts';
import { canSite } from '../sites/policy.ts';
import { isYellowCardOverdue } from '../colours/colour.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { colourHistoryOf, refreshSiteColour } from '../colours/service.ts';
import { canSiteOrder, siteOrdersAllowed, type SiteOrderAction } from './policy.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { activeSuspension, findYellowCard, listSiteInspections, listSiteNotices, listSuspensions, listYellowCards } from './queries.ts';
import { allocateDocumentNumber } from './numbers.ts';
import { suspensions, yellowCards } from './schema.ts';

export const noticePdfUrl = (noticeId: string) => `/api/notices/${noticeId}/pdf`;

const refused = () =>
  forbidden('只有部门、镇街、指挥部可以发出或解除黄牌、停业整改令', 'Only departments, towns and the command centre may issue or lift yellow cards and suspension orders');

const yellowCardNotFound = () => new AppError(404, 'not_found', '黄牌不存在或无权查看', 'yellow card not found');

/** 404 for a site the actor cannot read (hidden looks like absent), 403 when they may read but not act. */
async function loadSiteFor(ctx: RequestContext, db: Executor, siteId: string, action?: SiteOrderAction): Promise<SiteRow> {
  const found = await findSite(db, siteId);
  if (!found || !canSite(ctx.actor, 'read', found.site)) throw notFound('site');
  if (action && !canSiteOrder(ctx.actor, action, found.site)) throw refused();
  return found.site;
}

async function buildView(db: Executor, actor: Actor, site: SiteRow, now: Date): Promise<SiteOrdersView> {
  const [cards, orders, history, noticeRows, visits] = await Promise.all([
    listYellowCards(db, site.id),
    listSuspensions(db, site.id),
    colourHistoryOf(db, site.id),
    listSiteNotices(db, site.id),
    listSiteInspections(db, site.id),
  ]);
  const openYellowCards = cards.filter((c) => c.resolvedAt === null).length;
  const suspended = orders.some((o) => o.liftedAt === null);
  return {
    yellowCards: cards.map((c) => ({
      id: c.id,
      number: c.number,
      deadline: c.deadline,
      reason: c.reason,
      issuedAt: c.issuedAt.toISOString(),
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
      overdue: isYellowCardOverdue({ deadline: c.deadline, resolved: c.resolvedAt !== null }, now),
    })),
    suspensions: orders.map((o) => ({
      id: o.id,
      reason: o.reason,
      orderedAt: o.orderedAt.toISOString(),
      liftedAt: o.liftedAt?.toISOString() ?? null,
      liftReason: o.liftReason,
    })),
    colourHistory: history.map((h) => ({ colour: h.colour, previous: h.previous, reason: h.reason, at: h.at.toISOString() })),
    notices: noticeRows.map((n) => ({ id: n.id, number: n.number, createdAt: n.createdAt.toISOString(), url: noticePdfUrl(n.id) })),
    inspections: visits.map((v) => ({ ...v, endedAt: v.endedAt.toISOString() })),
    allowed: siteOrdersAllowed(actor, site, { suspended, openYellowCards }),
  };
}

/** GET /api/sites/:id/orders: readable by whoever may read the site, the party included. */
export async function getSiteOrders(ctx: RequestContext, siteId: string, now = new Date()): Promise<SiteOrdersView> {
  const db = ctx.database.db;
  const site = await loadSiteFor(ctx, db, siteId);
  return buildView(db, ctx.actor, site, now);
}

export async function issueYellowCard(ctx: RequestContext, siteId: string, body: z.infer<typeof YellowCardBody>, now = nowOf(ctx)): Promise<SiteOrdersView> {
  await write(ctx, async ({ tx, audit }) => {
    const site = await loadSiteFor(ctx, tx, siteId, 'yellow_card');
    // ISO dates compare correctly as strings.
    if (body.deadline < shanghaiDate(now)) {
      throw badRequest('deadline_in_past', '整改期限不能早于今天', 'The deadline must not be in the past', [
        { path: 'body.deadline', message: '整改期限不能早于今天', messageEn: 'The deadline must not be in the past' },
      ]);
    }
    const { number } = await allocateDocumentNumber(tx, site.areaPath, 'yellow_card', now);
    const id = randomUUID();
    await tx.insert(yellowCards).values({ id, siteId, number, deadline: body.deadline, reason: body.reason, issuedBy: ctx.actor.id, issuedAt: now });
    audit({ action: 'yellow_card.issued', entityType: 'site', entityId: siteId, after: { yellowCard: { id, number, deadline: body.deadline, reason: body.reason } } });
    await refreshSiteColour(tx, siteId, `发出黄牌 ${number}`, now);
  });
  return getSiteOrders(ctx, siteId, now);
}

export async function resolveYellowCard(ctx: RequestContext, cardId: string, now = nowOf(ctx)): Promise<SiteOrdersView> {
  const siteId = await write(ctx, async ({ tx, audit }) => {
    const card = await findYellowCard(tx, cardId);
    const found = card ? await findSite(tx, card.siteId) : undefined;
    if (!card || !found || !canSite(ctx.actor, 'read', found.site)) throw yellowCardNotFound();
    if (!canSiteOrder(ctx.actor, 'resolve_yellow_card', found.site)) throw refused();
    // The guard in the WHERE makes a concurrent second resolve update nothing instead of re-stamping.
    const [done] = await tx
      .update(yellowCards)
      .set({ resolvedAt: now, resolvedBy: ctx.actor.id })
      .where(and(eq(yellowCards.id, cardId), isNull(yellowCards.resolvedAt)))
      .returning({ id: yellowCards.id });
    if (!done) throw conflict('already_resolved', `黄牌 ${card.number} 已解除`, `Yellow card ${card.number} is already resolved`);
    audit({
      action: 'yellow_card.resolved',
      entityType: 'site',
      entityId: card.siteId,
      before: { yellowCard: { id: card.id, number: card.number, resolvedAt: null } },
      after: { yellowCard: { id: card.id, number: card.number, resolvedAt: now.toISOString() } },
    });
    await refreshSiteColour(tx, card.siteId, `黄牌 ${card.number} 已解除`, now);
    return card.siteId;
  });
  return getSiteOrders(ctx, siteId, now);
}

const alreadySuspended = () =>
  conflict('already_suspended', '该单位已在停业整改中，请先解除现有停业整改令', 'The site is already suspended; lift the current order first');

export async function suspendSite(ctx: RequestContext, siteId: string, body: z.infer<typeof SuspensionBody>, now = nowOf(ctx)): Promise<SiteOrdersView> {
  await write(ctx, async ({ tx, audit }) => {
    await loadSiteFor(ctx, tx, siteId, 'suspend');
    if (await activeSuspension(tx, siteId)) throw alreadySuspended();
    const id = randomUUID();
    try {
      await tx.insert(suspensions).values({ id, siteId, reason: body.reason, orderedBy: ctx.actor.id, orderedAt: now });
    } catch (error) {
      // Two orders racing past the check above: the partial unique index lets only one in.
      if (isUniqueViolation(error, 'suspensions_one_active')) throw alreadySuspended();
      throw error;
    }
    audit({ action: 'site.suspended', entityType: 'site', entityId: siteId, after: { suspension: { id, reason: body.reason } } });
    await refreshSiteColour(tx, siteId, `责令停业整改：${body.reason}`, now);
  });
  return getSiteOrders(ctx, siteId, now);
}

export async function liftSuspension(ctx: RequestContext, siteId: string, body: z.infer<typeof SuspensionBody>, now = nowOf(ctx)): Promise<SiteOrdersView> {
  await write(ctx, async ({ tx, audit }) => {
    await loadSiteFor(ctx, tx, siteId, 'lift');
    const order = await activeSuspension(tx, siteId);
    if (!order) throw conflict('not_suspended', '该单位当前没有停业整改令', 'The site has no active suspension order');
    await tx.update(suspensions).set({ liftedAt: now, liftedBy: ctx.actor.id, liftReason: body.reason }).where(eq(suspensions.id, order.id));
    audit({
      action: 'site.resumed',
      entityType: 'site',
      entityId: siteId,
      before: { suspension: { id: order.id, reason: order.reason, liftedAt: null } },
      after: { suspension: { id: order.id, reason: order.reason, liftedAt: now.toISOString(), liftReason: body.reason } },
    });
    await refreshSiteColour(tx, siteId, `解除停业整改：${body.reason}`, now);
  });
  return getSiteOrders(ctx, siteId, now);
}
