import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/database.ts';
import { areaTree, insertDepartment, insertSite } from '../../../test/factories.ts';
import type { Database } from '../../platform/db/client.ts';
import { sites } from '../sites/schema.ts';
import { hazards } from '../hazards/schema.ts';
import { suspensions, yellowCards } from '../site-orders/schema.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { loadColourState, refreshSiteColour, sitesDueForColour } from './service.ts';
import { siteColour } from './colour.ts';

/**
 * Random sequences of changes and clock jumps: after each step (a change refreshes its site in the
 * same transaction, a jump runs the sweep) the stored colour of every site equals the colour the
 * rule computes from the records at that instant. This is what keeps the map truthful.
 */
let database: Database;
let tree: Awaited<ReturnType<typeof areaTree>>;
let departmentId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  tree = await areaTree(database.db);
  departmentId = (await insertDepartment(database.db)).id;
});
afterAll(() => database.close());

const day = 86_400_000;
type Cmd =
  | { t: 'hazard'; site: number; major: boolean; mode: 'immediate' | 'centralised' | 'deadline'; days: number }
  | { t: 'close' | 'reopen'; site: number }
  | { t: 'card'; site: number; days: number }
  | { t: 'resolveCard'; site: number }
  | { t: 'suspend' | 'lift' | 'inspect'; site: number }
  | { t: 'jump'; minutes: number };

const site = fc.integer({ min: 0, max: 2 });
const command: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ t: fc.constant('hazard' as const), site, major: fc.boolean(), mode: fc.constantFrom('immediate' as const, 'centralised' as const, 'deadline' as const), days: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ t: fc.constantFrom('close' as const, 'reopen' as const), site }),
  fc.record({ t: fc.constant('card' as const), site, days: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ t: fc.constant('resolveCard' as const), site }),
  fc.record({ t: fc.constantFrom('suspend' as const, 'lift' as const, 'inspect' as const), site }),
  fc.record({ t: fc.constant('jump' as const), minutes: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 600, max: 3 * 24 * 60 })) }),
);

async function apply(cmd: Cmd, ids: string[], now: Date) {
  const db = database.db;
  if (cmd.t === 'jump') {
    for (;;) {
      const due = await sitesDueForColour(db, now, 100);
      if (due.length === 0) return;
      await db.transaction(async (tx) => {
        for (const id of due) await refreshSiteColour(tx, id, 'sweep', now);
      });
    }
  }
  const siteId = ids[cmd.site]!;
  const [row] = await db.select().from(sites).where(eq(sites.id, siteId));
  await db.transaction(async (tx) => {
    const inDays = (d: number) => shanghaiDate(new Date(now.getTime() + d * day));
    switch (cmd.t) {
      case 'hazard':
        await tx.insert(hazards).values({ id: randomUUID(), siteId, areaPath: row!.areaPath, departmentId, level: cmd.major ? 'major' : 'general', mode: cmd.mode, status: 'open', description: '属性测试', deadline: cmd.mode === 'deadline' ? inDays(cmd.days) : null, foundAt: now });
        break;
      case 'close': {
        const [open] = await tx.select({ id: hazards.id }).from(hazards).where(and(eq(hazards.siteId, siteId), eq(hazards.status, 'open'))).limit(1);
        if (open) await tx.update(hazards).set({ status: 'closed', closedAt: now }).where(eq(hazards.id, open.id));
        break;
      }
      case 'reopen': {
        const [closed] = await tx.select({ id: hazards.id }).from(hazards).where(and(eq(hazards.siteId, siteId), eq(hazards.status, 'closed'))).limit(1);
        if (closed) await tx.update(hazards).set({ status: 'open', closedAt: null }).where(eq(hazards.id, closed.id));
        break;
      }
      case 'card':
        await tx.insert(yellowCards).values({ id: randomUUID(), siteId, number: randomUUID(), deadline: inDays(cmd.days), reason: '属性测试' });
        break;
      case 'resolveCard': {
        const [card] = await tx.select({ id: yellowCards.id }).from(yellowCards).where(and(eq(yellowCards.siteId, siteId), isNull(yellowCards.resolvedAt))).limit(1);
        if (card) await tx.update(yellowCards).set({ resolvedAt: now }).where(eq(yellowCards.id, card.id));
        break;
      }
      case 'suspend': {
        const [active] = await tx.select({ id: suspensions.id }).from(suspensions).where(and(eq(suspensions.siteId, siteId), isNull(suspensions.liftedAt)));
        if (!active) await tx.insert(suspensions).values({ id: randomUUID(), siteId, reason: '属性测试', orderedAt: now });
        break;
      }
      case 'lift':
        await tx.update(suspensions).set({ liftedAt: now, liftReason: '属性测试' }).where(and(eq(suspensions.siteId, siteId), isNull(suspensions.liftedAt)));
        break;
      case 'inspect':
        await tx.update(sites).set({ inspectedAt: now }).where(eq(sites.id, siteId));
        break;
    }
    await refreshSiteColour(tx, siteId, cmd.t, now);
  });
}

describe('stored colour = recomputed colour', () => {
  it('holds over random operations and clock jumps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 30 }), async (commands) => {
        const ids = [];
        for (let i = 0; i < 3; i++) ids.push((await insertSite(database.db, i % 2 ? tree.microA : tree.microB)).id);
        let now = new Date('2026-03-02T02:00:00Z');
        for (const cmd of commands) {
          if (cmd.t === 'jump') now = new Date(now.getTime() + cmd.minutes * 60_000);
          await apply(cmd, ids, now);
          for (const id of ids) {
            const [stored] = await database.db.select({ colour: sites.colour }).from(sites).where(eq(sites.id, id));
            expect(stored!.colour).toBe(siteColour((await loadColourState(database.db, id))!, now));
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 180_000);
});
