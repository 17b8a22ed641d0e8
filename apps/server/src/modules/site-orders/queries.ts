import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { users } from '../users/schema.ts';
import { inspections } from '../inspections/schema.ts';
import { hazards } from '../hazards/schema.ts';
import { notices } from '../notices/schema.ts';
import { suspensions, yellowCards } from './schema.ts';

export type YellowCardRow = typeof yellowCards.$inferSelect;
export type SuspensionRow = typeof suspensions.$inferSelect;

/** The list shows at most this many past visits; the inspections page has the full history. */
export const INSPECTIONS_SHOWN = 100;

export function listYellowCards(db: Executor, siteId: string) {
  return db.select().from(yellowCards).where(eq(yellowCards.siteId, siteId)).orderBy(desc(yellowCards.issuedAt), desc(yellowCards.number));
}

export function listSuspensions(db: Executor, siteId: string) {
  return db.select().from(suspensions).where(eq(suspensions.siteId, siteId)).orderBy(desc(suspensions.orderedAt));
}

export async function findYellowCard(db: Executor, id: string): Promise<YellowCardRow | undefined> {
  const [row] = await db.select().from(yellowCards).where(eq(yellowCards.id, id));
  return row;
}

/** Locked, so a lift and a second lift of the same order cannot both pass the "is active" check. */
export async function activeSuspension(db: Executor, siteId: string): Promise<SuspensionRow | undefined> {
  const [row] = await db
    .select()
    .from(suspensions)
    .where(and(eq(suspensions.siteId, siteId), isNull(suspensions.liftedAt)))
    .for('update');
  return row;
}

export function listSiteNotices(db: Executor, siteId: string) {
  return db
    .select({ id: notices.id, number: notices.number, createdAt: notices.createdAt })
    .from(notices)
    .where(eq(notices.siteId, siteId))
    .orderBy(desc(notices.createdAt));
}

/** Newest first, with the inspector's name and how many hazards each visit recorded. */
export function listSiteInspections(db: Executor, siteId: string) {
  return db
    .select({
      id: inspections.id,
      kind: inspections.kind,
      inspectorName: users.displayName,
      endedAt: inspections.endedAt,
      farFromSite: inspections.farFromSite,
      hazardCount: sql<number>`(select count(*)::int from ${hazards} where ${hazards.inspectionId} = ${inspections.id})`,
    })
    .from(inspections)
    .innerJoin(users, eq(users.id, inspections.inspectorId))
    .where(eq(inspections.siteId, siteId))
    .orderBy(desc(inspections.endedAt))
    .limit(INSPECTIONS_SHOWN);
}

/** A unique-index violation, as raised by node-postgres or PGlite (possibly wrapped by drizzle). */
