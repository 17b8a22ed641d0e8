import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '../../../test/database.ts';
import { areaTree, insertDepartment, insertSite } from '../../../test/factories.ts';
import type { Database } from '../../platform/db/client.ts';
import { smsOutbox } from '../../platform/sms/schema.ts';
import { hazards } from './schema.ts';
import { queueDeadlineMessages } from './reminder-job.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('deadline messages', () => {
  it('reminds one working day before, tells the party once overdue, and never twice', async () => {
    const db = database.db;
    const tree = await areaTree(db);
    const dept = await insertDepartment(db);
    const site = await insertSite(db, tree.microA, { phone: '13905710123' });
    const hazard = (deadline: string) => ({ id: randomUUID(), siteId: site.id, areaPath: site.areaPath, departmentId: dept.id, level: 'general' as const, mode: 'deadline' as const, status: 'open' as const, description: '疏散通道堵塞', deadline, foundAt: new Date() });
    // Friday 2025-10-10 at 10:00 CST; Saturday 10-11 is a make-up working day (调休).
    const now = new Date('2025-10-10T02:00:00Z');
    const dueTomorrow = hazard('2025-10-11');
    const dueNextWeek = hazard('2025-10-15');
    const late = hazard('2025-10-09');
    await db.insert(hazards).values([dueTomorrow, dueNextWeek, late]);

    expect(await queueDeadlineMessages(db, now)).toEqual({ reminders: 1, overdue: 1 });
    expect(await queueDeadlineMessages(db, now)).toEqual({ reminders: 0, overdue: 0 });
    const sent = await db.select().from(smsOutbox).where(eq(smsOutbox.phone, '13905710123'));
    expect(sent.map((m) => m.template).sort()).toEqual(['deadline_reminder', 'overdue_notice']);

    await db.update(hazards).set({ deadline: '2025-10-11' }).where(eq(hazards.id, late.id));
    expect(await queueDeadlineMessages(db, now)).toEqual({ reminders: 1, overdue: 0 });
  });
});
