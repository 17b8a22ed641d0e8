import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { OPEN_HAZARD_STATUSES, type SiteColour } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import { sites } from '../sites/schema.ts';
import { hazards } from '../hazards/schema.ts';
import { suspensions, yellowCards } from '../site-orders/schema.ts';
import { colourHistory } from './schema.ts';
import { nextColourChangeAt, siteColour, type SiteColourState } from './colour.ts';

/** Everything the colour rule needs about one site, read in the caller's transaction. */
export async function loadColourState(db: Executor, siteId: string): Promise<SiteColourState | null> {
  const [site] = await db.select({ inspectedAt: sites.inspectedAt }).from(sites).where(eq(sites.id, siteId));
  if (!site) return null;
  // Sequential: inside a transaction they share one connection anyway, and pg refuses overlapping queries there.
  const open = await db
    .select({ status: hazards.status, level: hazards.level, mode: hazards.mode, deadline: hazards.deadline })
    .from(hazards)
    .where(and(eq(hazards.siteId, siteId), inArray(hazards.status, [...OPEN_HAZARD_STATUSES])));
  const cards = await db.select({ deadline: yellowCards.deadline }).from(yellowCards).where(and(eq(yellowCards.siteId, siteId), isNull(yellowCards.resolvedAt)));
  const [suspension] = await db.select({ id: suspensions.id }).from(suspensions).where(and(eq(suspensions.siteId, siteId), isNull(suspensions.liftedAt)));
  return {
    suspended: !!suspension,
    inspected: site.inspectedAt !== null,
    hazards: open,
    yellowCards: cards.map((c) => ({ deadline: c.deadline, resolved: false })),
  };
}

/**
 * Recomputes a site's colour from its records and stores it, with a history row when it changed.
 * Called in the same transaction as every change that can move the colour, and by the sweep.
 */
export async function refreshSiteColour(db: Executor, siteId: string, reason: string, now = new Date()): Promise<{ colour: SiteColour; changed: boolean }> {
  // Lock the site row so two concurrent changes cannot both write a stale colour.
  const [current] = await db.select({ colour: sites.colour }).from(sites).where(eq(sites.id, siteId)).for('update');
  const state = await loadColourState(db, siteId);
  if (!current || !state) throw new Error(`site ${siteId} not found`);
  const colour = siteColour(state, now);
  const dueAt = nextColourChangeAt(state, now);
  await db.update(sites).set({ colour, colourDueAt: dueAt }).where(eq(sites.id, siteId));
  if (colour === current.colour) return { colour, changed: false };
  await db.insert(colourHistory).values({ siteId, colour, previous: current.colour, reason, at: now });
  return { colour, changed: true };
}

/** Sites whose colour may have changed by time alone (a deadline or yellow card passing). */
export async function sitesDueForColour(db: Executor, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: sites.id })
    .from(sites)
    .where(lte(sites.colourDueAt, now))
    .orderBy(sites.colourDueAt)
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function colourHistoryOf(db: Executor, siteId: string) {
  return db.select().from(colourHistory).where(eq(colourHistory.siteId, siteId)).orderBy(sql`${colourHistory.at} desc`).limit(200);
}
