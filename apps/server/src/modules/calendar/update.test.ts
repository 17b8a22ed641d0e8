import { describe, it, expect } from 'vitest';
import { CN_HOLIDAYS, createCalendar } from './calendar.ts';
import { mergeCalendarYear, parseCalendarData, type CalendarYear } from './update.ts';

const y2027 = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  issued: '2026-11-01',
  holidays: [
    { name: '国庆节', nameEn: 'National Day', from: '2027-10-01', to: '2027-10-07' },
    { name: '元旦', nameEn: "New Year's Day", from: '2027-01-01', to: '2027-01-03' },
  ],
  workdays: ['2027-10-09', '2027-09-26'],
};
const current = CN_HOLIDAYS as CalendarYear[];
const codesOf = (r: ReturnType<typeof mergeCalendarYear>) => (r.ok ? [] : r.errors);

describe('mergeCalendarYear', () => {
  it('adds a new year, sorted, and the calendar then covers it', () => {
    const r = mergeCalendarYear(current, y2027);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.replaced).toBeNull();
    expect(r.data.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    const added = r.data[3]!;
    expect(added.holidays.map((h) => h.from)).toEqual(['2027-01-01', '2027-10-01']);
    expect(added.workdays).toEqual(['2027-09-26', '2027-10-09']);
    const cal = createCalendar(r.data);
    expect(cal.covers('2027-06-01')).toBe(true);
    expect(cal.isWorkingDay('2027-10-04')).toBe(false);
    expect(cal.isWorkingDay('2027-10-09')).toBe(true);
    expect(current.length).toBe(3); // the input is not mutated
  });

  it('a newer notice for a year replaces it', () => {
    const amended = { ...structuredClone(current[2]!), issued: '2026-01-20', workdays: ['2026-01-04', '2026-02-14', '2026-05-09', '2026-09-20', '2026-10-10'] };
    const r = mergeCalendarYear(current, amended);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.replaced?.issued).toBe('2025-11-04');
    expect(r.data.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    expect(createCalendar(r.data).isWorkingDay('2026-02-28')).toBe(false);
  });

  it('re-importing the same notice is harmless', () => {
    const r = mergeCalendarYear(current, structuredClone(current[1]!));
    expect(r.ok && r.data).toEqual(current);
  });

  it('an older notice does not replace a newer one, and an undated one cannot be compared', () => {
    const older = { ...structuredClone(current[1]!), issued: '2024-01-01' };
    expect(codesOf(mergeCalendarYear(current, older))).toEqual([
      { path: 'issued', message: expect.stringContaining('早于'), messageEn: expect.stringContaining('older') },
    ]);
    const { issued: _issued, ...undated } = structuredClone(current[1]!);
    expect(codesOf(mergeCalendarYear(current, undated))[0]?.path).toBe('issued');
    expect(mergeCalendarYear([], undated).ok).toBe(true);
  });

  it.each([
    ['not an object', 'nonsense', ''],
    ['year missing', { ...y2027, year: undefined }, 'year'],
    ['year not an integer', { ...y2027, year: 2027.5 }, 'year'],
    ['source blank', { ...y2027, source: '  ' }, 'source'],
    ['no holidays', { ...y2027, holidays: [] }, 'holidays'],
    ['impossible date', { ...y2027, workdays: ['2027-02-30'] }, 'workdays.0'],
    ['slashed date', { ...y2027, holidays: [{ ...y2027.holidays[0]!, from: '2027/10/01' }] }, 'holidays.0.from'],
    ['blank English name', { ...y2027, holidays: [{ ...y2027.holidays[0]!, nameEn: '' }] }, 'holidays.0.nameEn'],
    ['range backwards', { ...y2027, holidays: [{ ...y2027.holidays[0]!, from: '2027-10-07', to: '2027-10-01' }] }, 'holidays.0.to'],
    ['range too long', { ...y2027, holidays: [{ ...y2027.holidays[0]!, to: '2027-12-08' }] }, 'holidays.0'],
    ['holiday in another year', { ...y2027, holidays: [{ ...y2027.holidays[0]!, from: '2028-10-01', to: '2028-10-03' }] }, 'holidays.0'],
    ['holiday too early in the previous December', { ...y2027, holidays: [y2027.holidays[0]!, { ...y2027.holidays[1]!, from: '2026-12-20' }] }, 'holidays.1'],
    ['overlapping holidays', { ...y2027, holidays: [...y2027.holidays, { name: '中秋节', nameEn: 'Mid-Autumn', from: '2027-10-07', to: '2027-10-08' }] }, 'holidays.2'],
    ['make-up day on a weekday', { ...y2027, workdays: ['2027-09-27'] }, 'workdays.0'],
    ['make-up day inside a holiday', { ...y2027, workdays: ['2027-10-02'] }, 'workdays.0'],
    ['duplicate make-up day', { ...y2027, workdays: ['2027-09-26', '2027-09-26'] }, 'workdays.1'],
    ['make-up day in another year', { ...y2027, workdays: ['2028-01-08'] }, 'workdays.0'],
    ['notice dated after its year', { ...y2027, issued: '2028-01-02' }, 'issued'],
  ])('rejects: %s', (_name, incoming, path) => {
    const r = mergeCalendarYear(current, incoming);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toContain(path);
    for (const e of r.errors) {
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      expect(e.messageEn).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('accepts a New Year break that starts in the previous December (as 2019 did)', () => {
    const y2019 = {
      year: 2019,
      source: '国务院办公厅关于2019年部分节假日安排的通知',
      holidays: [{ name: '元旦', nameEn: "New Year's Day", from: '2018-12-30', to: '2019-01-01' }],
      workdays: ['2018-12-29'],
    };
    const r = mergeCalendarYear([], y2019);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const cal = createCalendar(r.data);
    expect(cal.isWorkingDay('2018-12-29')).toBe(true);
    expect(cal.isWorkingDay('2018-12-31')).toBe(false);
    expect(cal.covers('2018-12-31')).toBe(false);
  });

  it('rejects a date one year calls a holiday and another a working day', () => {
    const y2020 = {
      year: 2020,
      source: '测试',
      holidays: [{ name: '元旦', nameEn: "New Year's Day", from: '2019-12-28', to: '2020-01-01' }],
      workdays: [],
    };
    const y2019 = { year: 2019, source: '测试', holidays: [{ name: '春节', nameEn: 'Spring Festival', from: '2019-02-04', to: '2019-02-10' }], workdays: ['2019-12-28'] };
    const first = mergeCalendarYear([], y2019);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const r = mergeCalendarYear(first.data, y2020);
    expect(codesOf(r)).toEqual([{ path: 'holidays.0', message: '2019-12-28在2019年安排中是调休上班日', messageEn: '2019-12-28 is a make-up working day in the 2019 schedule' }]);
  });
});

describe('parseCalendarData', () => {
  it('accepts the shipped file', () => {
    expect(parseCalendarData(structuredClone(current))).toEqual({ ok: true, data: current, replaced: null });
  });
  it('rejects a year given twice, a non-array, and bad entries with their index', () => {
    expect(codesOf(parseCalendarData([current[0], current[0]]))[0]).toMatchObject({ path: '1.year', messageEn: 'Year 2024 appears twice' });
    expect(codesOf(parseCalendarData({}))[0]?.path).toBe('');
    expect(codesOf(parseCalendarData([current[0], { ...y2027, workdays: ['2027-09-27'] }]))[0]?.path).toBe('1.workdays.0');
    expect(codesOf(parseCalendarData([null]))[0]?.path).toBe('0');
  });
});
