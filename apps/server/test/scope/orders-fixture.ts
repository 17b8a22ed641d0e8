import { randomUUID } from 'node:crypto';
import type { TestApp } from '../helpers.ts';
import { insertSite } from '../factories.ts';
import { insertInspection, insertNotice, insertYellowCard } from '../closed-loop-rows.ts';
import { suspensions } from '../../src/modules/site-orders/schema.ts';
import type { areas } from '../../src/modules/areas/schema.ts';
import type { sites } from '../../src/modules/sites/schema.ts';

type Site = typeof sites.$inferSelect;
/** More than the roles that run one endpoint in a row, so each allowed call gets a fresh target. */
const POOL = 24;

/**
 * Targets for the one-shot order writes: unresolved yellow cards on site A (and one on site B),
 * sites in A's micro-grid that can be suspended once or lifted once, and a notice per site.
 */
export async function ordersFixture(t: TestApp, areaA: typeof areas.$inferSelect, siteA: Site, siteB: Site, inspectorId: string) {
  const db = t.database.db;
  const cardsA: Awaited<ReturnType<typeof insertYellowCard>>[] = [];
  for (let i = 0; i < POOL; i += 1) cardsA.push(await insertYellowCard(db, siteA));
  const cardB = await insertYellowCard(db, siteB);
  const suspendable: Site[] = [];
  const suspended: Site[] = [];
  for (let i = 0; i < POOL; i += 1) {
    suspendable.push(await insertSite(db, areaA));
    suspended.push(await insertSite(db, areaA));
  }
  await db.insert(suspensions).values(suspended.map((s) => ({ id: randomUUID(), siteId: s.id, reason: '范围测试停业' })));
  const notice = async (site: Site) => insertNotice(db, site, (await insertInspection(db, site, inspectorId)).id, []);
  const [noticeA, noticeB] = [await notice(siteA), await notice(siteB)];
  return {
    orders: {
      cardA: (n: number) => cardsA[n % POOL]!.id,
      cardB: cardB.id,
      suspendableA: (n: number) => suspendable[n % POOL]!.id,
      suspendedA: (n: number) => suspended[n % POOL]!.id,
      noticeA: noticeA.id,
      noticeB: noticeB.id,
    },
  };
}

export type OrdersFixture = Awaited<ReturnType<typeof ordersFixture>>;
