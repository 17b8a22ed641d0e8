import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import type { Executor } from '../../platform/db/client.ts';
import { CN_HOLIDAYS, createCalendar, type WorkingCalendar } from './calendar.ts';
import { calendarYears } from './schema.ts';
import type { CalendarYear } from './update.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Today's date in Asia/Shanghai, where deadlines are counted. */
export const shanghaiDate = (now: Date = new Date()) => dayjs(now).tz('Asia/Shanghai').format('YYYY-MM-DD');

/** The shipped schedules, with any year loaded later (a newer State Council notice) replacing them. */
export async function workingCalendar(db: Executor): Promise<WorkingCalendar> {
  const loaded = await db.select().from(calendarYears);
  if (loaded.length === 0) return createCalendar(CN_HOLIDAYS);
  const byYear = new Map<number, CalendarYear>(CN_HOLIDAYS.map((y) => [y.year, y]));
  for (const row of loaded) byYear.set(row.year, row.data as CalendarYear);
  return createCalendar([...byYear.values()].sort((a, b) => a.year - b.year));
}
