import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CN_HOLIDAYS, cnCalendar, createCalendar, dateOfDay, dayNumber, weekdayOf } from './calendar.ts';
import { parseCalendarData } from './update.ts';

const cal = cnCalendar();

describe('the shipped data', () => {
  it('passes the same validation as an admin update', () => {
    const parsed = parseCalendarData(CN_HOLIDAYS);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(CN_HOLIDAYS.map((y) => y.year)).toEqual([2024, 2025, 2026]);
  });

  it('has the seven festivals every year', () => {
    for (const y of CN_HOLIDAYS) {
      const names = y.holidays.map((h) => h.name).join('、');
      for (const festival of ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']) expect(names, String(y.year)).toContain(festival);
    }
  });

  it('make-up days and holidays balance: the number of working days per year', () => {
    // The published totals: 251 in 2024; 248 in 2025 and 2026 (two more statutory days from 2025).
    const count = (year: number) => cal.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`);
    expect(count(2024)).toBe(251);
    expect(count(2025)).toBe(248);
    expect(count(2026)).toBe(248);
  });
});

describe('known dates', () => {
  it.each([
    // 2024
    ['2024-01-01', false, '元旦'],
    ['2024-02-04', true, 'Sunday make-up day'],
    ['2024-02-09', true, '除夕 2024 was a working Friday'],
    ['2024-02-10', false, '春节'],
    ['2024-02-17', false, '春节 last day'],
    ['2024-02-18', true, 'Sunday make-up day'],
    ['2024-04-07', true, 'Sunday make-up day'],
    ['2024-05-11', true, 'Saturday make-up day'],
    ['2024-06-10', false, '端午'],
    ['2024-09-14', true, 'Saturday make-up day'],
    ['2024-09-16', false, '中秋'],
    ['2024-10-07', false, '国庆'],
    ['2024-10-12', true, 'Saturday make-up day'],
    // 2025
    ['2025-01-01', false, '元旦'],
    ['2025-01-26', true, 'working Sunday before 春节'],
    ['2025-01-27', true, 'ordinary Monday'],
    ['2025-01-28', false, '除夕'],
    ['2025-01-31', false, '春节'],
    ['2025-02-04', false, '春节 last day'],
    ['2025-02-05', true, 'first day back'],
    ['2025-02-08', true, 'working Saturday'],
    ['2025-04-04', false, '清明'],
    ['2025-04-27', true, 'working Sunday before 劳动节'],
    ['2025-05-05', false, '劳动节 last day'],
    ['2025-06-02', false, '端午'],
    ['2025-09-28', true, 'working Sunday before 国庆'],
    ['2025-10-06', false, '中秋 inside 国庆'],
    ['2025-10-08', false, '国庆 last day'],
    ['2025-10-09', true, 'first day back'],
    ['2025-10-11', true, 'working Saturday'],
    ['2025-10-12', false, 'ordinary Sunday'],
    // 2026
    ['2026-01-02', false, '元旦'],
    ['2026-01-04', true, 'working Sunday'],
    ['2026-02-14', true, 'working Saturday'],
    ['2026-02-16', false, '除夕'],
    ['2026-02-23', false, '春节 last day'],
    ['2026-02-24', true, 'first day back'],
    ['2026-02-28', true, 'working Saturday'],
    ['2026-05-09', true, 'working Saturday'],
    ['2026-06-19', false, '端午'],
    ['2026-09-20', true, 'working Sunday'],
    ['2026-09-25', false, '中秋'],
    ['2026-10-10', true, 'working Saturday'],
  ])('%s working=%s (%s)', (date, working) => {
    expect(cal.isWorkingDay(date)).toBe(working);
    expect(cal.covers(date)).toBe(true);
  });

  it('names the holiday a date falls in', () => {
    expect(cal.holidayOn('2025-10-06')).toEqual({ name: '国庆节、中秋节', nameEn: 'National Day and Mid-Autumn Festival' });
    expect(cal.holidayOn('2025-02-08')).toBeNull();
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it.each([
    ['2025-01-24', 0, '2025-01-24'], // day 0 is the finding date itself, even a Friday
    ['2025-01-24', 1, '2025-01-26'], // Friday + 1: the working Sunday
    ['2025-01-24', 2, '2025-01-27'],
    ['2025-01-24', 3, '2025-02-05'], // straight over 春节
    ['2025-01-28', 1, '2025-02-05'], // found on 除夕
    ['2025-02-01', 5, '2025-02-10'], // found on a holiday Saturday; 02-08 Saturday counts
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-26', 2, '2025-09-29'],
    ['2025-09-30', 1, '2025-10-09'], // over 国庆 + 中秋
    ['2025-09-30', 2, '2025-10-10'],
    ['2025-09-30', 3, '2025-10-11'], // the working Saturday
    ['2025-09-30', 4, '2025-10-13'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'], // over the nine-day 2026 春节
    ['2024-12-31', 1, '2025-01-02'], // across the year boundary and 元旦
    ['2025-12-31', 1, '2026-01-04'], // 2026 元旦 runs Thursday to Saturday, Sunday is worked
  ])('%s + %i working days = %s', (from, n, to) => {
    expect(cal.addWorkingDays(from, n)).toBe(to);
    expect(cal.workingDaysBetween(from, to)).toBe(n);
    expect(cal.workingDaysBetween(to, from)).toBe(n === 0 ? 0 : -n);
  });

  it('a 30-working-day deadline from 2025-09-15 lands after National Day', () => {
    expect(cal.addWorkingDays('2025-09-15', 30)).toBe('2025-10-31');
  });

  it('refuses bad input rather than guessing', () => {
    expect(() => cal.addWorkingDays('2025-01-01', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-01-01', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2025/01/01')).toThrow(RangeError);
    expect(() => cal.workingDaysBetween('x', '2025-01-01')).toThrow(RangeError);
  });
});

describe('outside the covered years', () => {
  it('falls back to Monday–Friday and says so', () => {
    expect(cal.covers('2023-10-02')).toBe(false);
    expect(cal.covers('2027-01-01')).toBe(false);
    expect(cal.isWorkingDay('2023-10-02')).toBe(true); // a real holiday, unknown here
    expect(cal.isWorkingDay('2027-01-02')).toBe(false); // Saturday
    expect(cal.addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
  });
  it('an empty calendar is plain Monday–Friday', () => {
    const plain = createCalendar([]);
    expect(plain.covers('2025-01-01')).toBe(false);
    expect(plain.isWorkingDay('2025-01-01')).toBe(true);
    expect(plain.addWorkingDays('2025-01-03', 1)).toBe('2025-01-06');
  });
});

describe('properties', () => {
  const day = fc.integer({ min: dayNumber('2023-06-01')!, max: dayNumber('2027-06-30')! }).map(dateOfDay);
  const n = fc.integer({ min: 0, max: 400 });

  it('addWorkingDays(d, n) is a working day after d for n ≥ 1', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 400 }), (d, k) => {
        const to = cal.addWorkingDays(d, k);
        expect(cal.isWorkingDay(to)).toBe(true);
        expect(to > d).toBe(true);
      }),
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n, and the day before is one short', () => {
    fc.assert(
      fc.property(day, n, (d, k) => {
        const to = cal.addWorkingDays(d, k);
        expect(cal.workingDaysBetween(d, to)).toBe(k);
        if (k >= 1) expect(cal.workingDaysBetween(d, dateOfDay(dayNumber(to)! - 1))).toBe(k - 1);
      }),
    );
  });

  it('workingDaysBetween is additive and antisymmetric', () => {
    fc.assert(
      fc.property(day, day, day, (a, b, c) => {
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c)).toBe(cal.workingDaysBetween(a, c));
        expect(cal.workingDaysBetween(a, b)).toBe(-cal.workingDaysBetween(b, a) || 0);
      }),
    );
  });

  it('dayNumber/dateOfDay round-trip and weekdays are right', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30000, max: 60000 }), (k) => {
        expect(dayNumber(dateOfDay(k))).toBe(k);
        expect(weekdayOf(k)).toBe(new Date(k * 86_400_000).getUTCDay());
      }),
    );
  });
});
