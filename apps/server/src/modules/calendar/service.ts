import type { Database, Executor } from '../../platform/db/client.ts';
import { CN_HOLIDAYS, createCalendar, type WorkingCalendar } from './calendar.ts';
import { calendarYears } from './schema.ts';
import { mergeCalendarYear, type CalendarYear, type MergeResult } from './update.ts';
import type { RequestContext } from '../../platform/context.ts';
import { write } from '../../platform/write.ts';

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
// China has kept UTC+8 without daylight saving since 1991: plain arithmetic from 1992 on (it is on
// every inspection's path, where the zone database costs far more), the zone database before.
const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1);

/** Today's date in Asia/Shanghai, where deadlines are counted. */
export const shanghaiDate = (now: Date = new Date()) =>
  now.getTime() >= FIXED_OFFSET_FROM ? new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : SHANGHAI_DAY.format(now);

/** The shipped schedules, with any year loaded later (a newer State Council notice) replacing them. */
export async function calendarData(db: Executor): Promise<CalendarYear[]> {
  const loaded = await db.select().from(calendarYears);
  const byYear = new Map<number, CalendarYear>(CN_HOLIDAYS.map((y) => [y.year, y]));
  for (const row of loaded) byYear.set(row.year, row.data as CalendarYear);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export async function workingCalendar(db: Executor): Promise<WorkingCalendar> {
  return createCalendar(await calendarData(db));
}

/** How long a process trusts its copy: a year loaded by another process (the CLI) shows within it. */
const CALENDAR_TTL_MS = 60_000;
const cached = new WeakMap<Database, { calendar: WorkingCalendar; until: number }>();
// Bumped by every import, so a read that started before one cannot store the old calendar after it.
let generation = 0;

/**
 * The working calendar for hot paths (every inspection with a hazard), kept in memory per database:
 * it changes about once a year. A year loaded through this process replaces it at once
 * (`importCalendarYear`); one loaded by another process shows within CALENDAR_TTL_MS.
 */
export async function cachedWorkingCalendar(database: Database, db: Executor, now = Date.now()): Promise<WorkingCalendar> {
  const hit = cached.get(database);
  if (hit && hit.until > now) return hit.calendar;
  const seen = generation;
  const calendar = await workingCalendar(db);
  if (seen === generation) cached.set(database, { calendar, until: now + CALENDAR_TTL_MS });
  return calendar;
}

/**
 * Loads one year's holiday notice (e.g. the State Council's schedule for next year, published each
 * November) after release, validated against the years already known.
 */
export async function importCalendarYear(ctx: RequestContext, incoming: unknown): Promise<MergeResult> {
  return write(ctx, async ({ tx, audit, afterCommit }) => {
    const result = mergeCalendarYear(await calendarData(tx), incoming);
    if (!result.ok) return result;
    const year = result.data.find((y) => y.year === (incoming as { year: number }).year)!;
    await tx.insert(calendarYears).values({ year: year.year, data: year }).onConflictDoUpdate({ target: calendarYears.year, set: { data: year, updatedAt: new Date() } });
    afterCommit(() => {
      generation += 1;
      cached.delete(ctx.database);
    });
    audit({ action: 'calendar.year_loaded', entityType: 'calendar', entityId: String(year.year), before: result.replaced, after: year });
    return result;
  });
}
