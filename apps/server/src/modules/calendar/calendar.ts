import type { CalendarYear } from './update.ts';
import cnHolidays from './cn-holidays.json' with { type: 'json' };

/** The State Council schedules shipped with the code (2024–2026); admins add years through update.ts. */
export const CN_HOLIDAYS: readonly CalendarYear[] = cnHolidays;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Calendar dates as whole days since 1970-01-01, so day arithmetic has no time zone or DST to
 * get wrong; null for anything that is not a real YYYY-MM-DD date.
 */
export function dayNumber(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) return null;
  return ms / MS_PER_DAY;
}

export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

function requireDay(date: string): number {
  const day = dayNumber(date);
  if (day === null) throw new RangeError(`日期格式应为 YYYY-MM-DD | Not a YYYY-MM-DD date: ${date}`);
  return day;
}

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /**
   * The deadline for "n working days from the finding date": day 0 is `from` itself, and only
   * working days after it count, so a finding on a Friday with n = 1 is due the next working day.
   */
  addWorkingDays(from: string, n: number): string;
  /** Working days in (a, b]; negative when b is before a. */
  workingDaysBetween(a: string, b: string): number;
  /** False outside the years with a loaded schedule: Mon–Fri is then only a guess. */
  covers(date: string): boolean;
  /** The holiday a date falls in, for display. */
  holidayOn(date: string): { name: string; nameEn: string } | null;
}

export function createCalendar(data: readonly CalendarYear[]): WorkingCalendar {
  const years = new Set<number>();
  const holidays = new Map<number, { name: string; nameEn: string }>();
  const workdays = new Set<number>();
  for (const year of data) {
    years.add(year.year);
    for (const h of year.holidays) {
      for (let d = requireDay(h.from); d <= requireDay(h.to); d++) holidays.set(d, { name: h.name, nameEn: h.nameEn });
    }
    for (const w of year.workdays) workdays.add(requireDay(w));
  }

  // Make-up days win: a notice never lists one day as both, and update.ts rejects data that does.
  const working = (day: number) => workdays.has(day) || (!holidays.has(day) && !isWeekend(day));

  return {
    isWorkingDay: (date) => working(requireDay(date)),

    addWorkingDays(from, n) {
      if (!Number.isSafeInteger(n) || n < 0) {
        throw new RangeError(`工作日数须为非负整数 | Working-day count must be a non-negative integer: ${n}`);
      }
      let day = requireDay(from);
      for (let left = n; left > 0; ) {
        day++;
        if (working(day)) left--;
      }
      return dateOfDay(day);
    },

    workingDaysBetween(a, b) {
      const da = requireDay(a);
      const db = requireDay(b);
      const [start, end, sign] = da <= db ? [da, db, 1] : [db, da, -1];
      let count = 0;
      for (let day = start + 1; day <= end; day++) if (working(day)) count++;
      return count === 0 ? 0 : sign * count; // never -0
    },

    covers: (date) => years.has(Number(dateOfDay(requireDay(date)).slice(0, 4))),

    holidayOn: (date) => holidays.get(requireDay(date)) ?? null,
  };
}

let defaultCalendar: WorkingCalendar | undefined;

/** The calendar built from the shipped data; callers holding admin-updated data use createCalendar. */
export function cnCalendar(): WorkingCalendar {
  defaultCalendar ??= createCalendar(CN_HOLIDAYS);
  return defaultCalendar;
}
