import { and, eq, gte, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { JobDefinition } from '../../platform/jobs.ts';
import { enqueueSms } from '../../platform/sms/outbox.ts';
import { shanghaiDate, workingCalendar } from '../calendar/service.ts';
import { sites } from '../sites/schema.ts';
import { hazards } from './schema.ts';

const notSentFor = (column: typeof hazards.reminderSentFor | typeof hazards.overdueNoticeSentFor) => or(isNull(column), ne(column, hazards.deadline));

/**
 * Daily at 09:00: an SMS one working day before a deadline, and one when it has passed. The
 * "sent for" columns name the deadline each was sent for, so an extension earns new messages
 * and a rerun sends nothing twice.
 */
export async function queueDeadlineMessages(db: Parameters<JobDefinition['run']>[0]['database']['db'], now: Date): Promise<{ reminders: number; overdue: number }> {
  const today = shanghaiDate(now);
  const calendar = await workingCalendar(db);
  const nextWorkingDay = calendar.addWorkingDays(today, 1);
  const live = and(inArray(hazards.status, ['open', 'pending_review']), eq(hazards.mode, 'deadline'));
  return db.transaction(async (tx) => {
    const select = { id: hazards.id, deadline: hazards.deadline, description: hazards.description, site: sites.name, phone: sites.phone };
    const due = await tx.select(select).from(hazards).innerJoin(sites, eq(sites.id, hazards.siteId))
      .where(and(live, gte(hazards.deadline, today), lte(hazards.deadline, nextWorkingDay), notSentFor(hazards.reminderSentFor)));
    const late = await tx.select(select).from(hazards).innerJoin(sites, eq(sites.id, hazards.siteId))
      .where(and(live, lt(hazards.deadline, today), notSentFor(hazards.overdueNoticeSentFor)));
    for (const h of due) {
      if (h.phone) await enqueueSms(tx, { phone: h.phone, template: 'deadline_reminder', params: { site: h.site.slice(0, 20), item: h.description.slice(0, 20), deadline: h.deadline! }, idempotencyKey: `deadline_reminder:${h.id}:${h.deadline}` }, now);
    }
    for (const h of late) {
      if (h.phone) await enqueueSms(tx, { phone: h.phone, template: 'overdue_notice', params: { site: h.site.slice(0, 20), item: h.description.slice(0, 20), deadline: h.deadline! }, idempotencyKey: `overdue_notice:${h.id}:${h.deadline}` }, now);
    }
    if (due.length) await tx.update(hazards).set({ reminderSentFor: sql`${hazards.deadline}` }).where(inArray(hazards.id, due.map((h) => h.id)));
    if (late.length) await tx.update(hazards).set({ overdueNoticeSentFor: sql`${hazards.deadline}` }).where(inArray(hazards.id, late.map((h) => h.id)));
    return { reminders: due.length, overdue: late.length };
  });
}

export const DEADLINE_MESSAGES_JOB: JobDefinition = {
  name: 'deadline-messages',
  cron: '0 9 * * *',
  async run({ database, log }) {
    const counts = await queueDeadlineMessages(database.db, new Date());
    log.info(counts, 'deadline reminders and overdue notices queued');
  },
};
