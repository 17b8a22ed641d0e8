import { z } from 'zod';
import { dateOfDay, dayNumber, isWeekend } from './calendar.ts';

// Messages are "中文 | English", as in @anxun/contracts; errorsOf splits them.
const Day = z
  .string({ message: '日期须为字符串 | Dates must be strings' })
  .refine((d) => dayNumber(d) !== null, { message: '日期无效，格式应为 YYYY-MM-DD | Invalid date; use YYYY-MM-DD' });

const Text = (zh: string, en: string) =>
  z
    .string({ message: `请填写${zh} | ${en} is required` })
    .trim()
    .min(1, { message: `请填写${zh} | ${en} is required` })
    .max(200, { message: `${zh}过长 | ${en} is too long` });

export const CalendarHoliday = z.object({
  name: Text('节日名称', 'Holiday name'),
  nameEn: Text('英文名称', 'English holiday name'),
  from: Day,
  to: Day,
});
export type CalendarHoliday = z.infer<typeof CalendarHoliday>;

/** Longer than any break the State Council has scheduled: a longer range is a typo. */
const MAX_BREAK_DAYS = 15;

/**
 * One year's notice (国务院办公厅关于20XX年部分节假日安排的通知). Dates lie in that year, except
 * that a New Year break may start in the last week of the December before.
 */
export const CalendarYear = z
  .object({
    year: z.number({ message: '年份须为数字 | Year must be a number' }).int().min(2000).max(2100),
    source: Text('通知名称', 'Notice title'),
    issued: Day.optional(),
    holidays: z.array(CalendarHoliday).min(1, { message: '至少须有一个节假日 | At least one holiday is required' }),
    workdays: z.array(Day),
  })
  .superRefine((y, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const first = dayNumber(`${y.year - 1}-12-25`)!;
    const last = dayNumber(`${y.year}-12-31`)!;
    const inYear = (d: number) => d >= first && d <= last;
    const holidayDays = new Map<number, number>();

    y.holidays.forEach((h, i) => {
      const from = dayNumber(h.from);
      const to = dayNumber(h.to);
      if (from === null || to === null) return;
      if (!inYear(from) || !inYear(to)) issue(['holidays', i], `节假日不在${y.year}年内 | Holiday is outside ${y.year}`);
      if (to < from) return issue(['holidays', i, 'to'], '结束日期早于开始日期 | Holiday ends before it starts');
      if (to - from + 1 > MAX_BREAK_DAYS) issue(['holidays', i], `假期超过${MAX_BREAK_DAYS}天 | Break longer than ${MAX_BREAK_DAYS} days`);
      for (let d = from; d <= to; d++) {
        const other = holidayDays.get(d);
        if (other !== undefined) {
          issue(['holidays', i], `与第${other + 1}个节假日重叠（${dateOfDay(d)}） | Overlaps holiday #${other + 1} on ${dateOfDay(d)}`);
          break;
        }
        holidayDays.set(d, i);
      }
    });

    const seen = new Set<number>();
    y.workdays.forEach((w, i) => {
      const d = dayNumber(w);
      if (d === null) return;
      if (!inYear(d)) issue(['workdays', i], `调休上班日不在${y.year}年内 | Make-up working day is outside ${y.year}`);
      if (seen.has(d)) issue(['workdays', i], `调休上班日重复：${w} | Duplicate make-up working day ${w}`);
      seen.add(d);
      // Make-up days only ever move work onto a weekend; a weekday here is a typo.
      if (!isWeekend(d)) issue(['workdays', i], `调休上班日须为周六或周日：${w} | A make-up working day must be a Saturday or Sunday: ${w}`);
      if (holidayDays.has(d)) issue(['workdays', i], `${w}既是假日又是调休上班日 | ${w} is both a holiday and a make-up working day`);
    });

    if (y.issued !== undefined && y.issued > `${y.year}-12-31`) {
      issue(['issued'], '通知日期晚于所安排的年份 | Notice is dated after the year it schedules');
    }
  })
  .transform((y) => ({
    ...y,
    holidays: [...y.holidays].sort((a, b) => a.from.localeCompare(b.from)),
    workdays: [...y.workdays].sort(),
  }));
export type CalendarYear = z.infer<typeof CalendarYear>;

export interface CalendarError {
  path: string;
  message: string;
  messageEn: string;
}

export type MergeResult =
  | { ok: true; data: CalendarYear[]; replaced: CalendarYear | null }
  | { ok: false; errors: CalendarError[] };

function splitMessage(message: string): { message: string; messageEn: string } {
  const at = message.indexOf(' | ');
  return at < 0 ? { message, messageEn: message } : { message: message.slice(0, at), messageEn: message.slice(at + 3) };
}

function errorsOf(error: z.ZodError): CalendarError[] {
  return error.issues.map((i) => {
    // Zod's own messages (wrong type, too small) are English only; give them a generic Chinese line.
    const bilingual = i.message.includes(' | ') ? i.message : `数据格式不正确 | ${i.message}`;
    return { path: i.path.join('.'), ...splitMessage(bilingual) };
  });
}

const fail = (path: string, message: string, messageEn: string): MergeResult => ({ ok: false, errors: [{ path, message, messageEn }] });

/**
 * Adds one year's notice to the calendar data, replacing that year if present. A replacement
 * must not be older than the notice it replaces: schedules do get amended (the 2020 Spring
 * Festival break was extended by a later notice), and a stale file must not undo that.
 */
export function mergeCalendarYear(existing: readonly CalendarYear[], incoming: unknown): MergeResult {
  const parsed = CalendarYear.safeParse(incoming);
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error) };
  const year = parsed.data;
  const current = existing.find((y) => y.year === year.year) ?? null;

  if (current?.issued !== undefined) {
    if (year.issued === undefined) {
      return fail('issued', `请填写通知日期，以便与现有${year.year}年安排（${current.issued}）比较`, `Give the notice date so it can be compared with the current ${year.year} schedule (${current.issued})`);
    }
    if (year.issued < current.issued) {
      return fail('issued', `该通知（${year.issued}）早于现有${year.year}年安排（${current.issued}），未替换`, `This notice (${year.issued}) is older than the current ${year.year} schedule (${current.issued}); not replaced`);
    }
  }

  // A year's notice may reach into the previous December, so it can clash with another year's.
  const others = existing.filter((y) => y.year !== year.year);
  const offDays = new Map<string, number>();
  const onDays = new Map<string, number>();
  for (const y of others) {
    for (const h of y.holidays) for (let d = dayNumber(h.from)!; d <= dayNumber(h.to)!; d++) offDays.set(dateOfDay(d), y.year);
    for (const w of y.workdays) onDays.set(w, y.year);
  }
  const errors: CalendarError[] = [];
  year.holidays.forEach((h, i) => {
    for (let d = dayNumber(h.from)!; d <= dayNumber(h.to)!; d++) {
      const other = onDays.get(dateOfDay(d));
      if (other !== undefined) {
        errors.push({ path: `holidays.${i}`, message: `${dateOfDay(d)}在${other}年安排中是调休上班日`, messageEn: `${dateOfDay(d)} is a make-up working day in the ${other} schedule` });
      }
    }
  });
  year.workdays.forEach((w, i) => {
    const other = offDays.get(w);
    if (other !== undefined) {
      errors.push({ path: `workdays.${i}`, message: `${w}在${other}年安排中是假日`, messageEn: `${w} is a holiday in the ${other} schedule` });
    }
  });
  if (errors.length > 0) return { ok: false, errors };

  const data = [...others, year].sort((a, b) => a.year - b.year);
  return { ok: true, data, replaced: current };
}

/** Validates a whole data file (e.g. cn-holidays.json after a hand edit): every year, no year twice. */
export function parseCalendarData(input: unknown): MergeResult {
  if (!Array.isArray(input)) return fail('', '节假日数据须为按年份排列的数组', 'Holiday data must be an array of years');
  let data: CalendarYear[] = [];
  const years = new Set<unknown>();
  for (const [i, entry] of input.entries()) {
    const year = (entry as { year?: unknown } | null)?.year;
    if (years.has(year)) return fail(`${i}.year`, `年份${String(year)}重复`, `Year ${String(year)} appears twice`);
    years.add(year);
    const merged = mergeCalendarYear(data, entry);
    if (!merged.ok) return { ok: false, errors: merged.errors.map((e) => ({ ...e, path: e.path ? `${i}.${e.path}` : `${i}` })) };
    data = merged.data;
  }
  return { ok: true, data, replaced: null };
}
