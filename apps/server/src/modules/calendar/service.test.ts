import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database.ts';
import type { Database } from '../../platform/db/client.ts';
import { SYSTEM_ACTOR } from '../../platform/context.ts';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import { cachedWorkingCalendar, importCalendarYear, shanghaiDate, workingCalendar } from './service.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const ctx = () => ({ database, actor: SYSTEM_ACTOR, ip: null, requestId: null });

describe('loading a new year after release', () => {
  it('makes deadlines in that year follow the notice, and refuses a malformed one', async () => {
    const before = await workingCalendar(database.db);
    expect((await cachedWorkingCalendar(database, database.db)).covers('2027-01-01')).toBe(false);
    expect(before.covers('2027-01-01')).toBe(false);
    const notice = {
      year: 2027,
      source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
      issued: '2026-11-10',
      holidays: [{ name: '元旦', nameEn: "New Year's Day", from: '2027-01-01', to: '2027-01-03' }],
      workdays: [],
    };
    const result = await importCalendarYear(ctx(), notice);
    expect(result.ok).toBe(true);
    const after = await workingCalendar(database.db);
    expect(after.covers('2027-01-01')).toBe(true);
    expect(after.isWorkingDay('2027-01-01')).toBe(false);
    expect(after.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    // The in-memory copy of the hot path is replaced by an import through this process at once.
    expect((await cachedWorkingCalendar(database, database.db)).addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');

    const bad = await importCalendarYear(ctx(), { ...notice, holidays: [{ name: '', nameEn: 'x', from: '2027-02-30', to: '2027-02-01' }] });
    expect(bad.ok).toBe(false);
  });
});

describe('the in-memory calendar', () => {
  it('serves its copy for a minute, then reads a year loaded by another process', async () => {
    const t0 = Date.now();
    const first = await cachedWorkingCalendar(database, database.db, t0);
    // Another process (the CLI) loads a year: this process hears nothing of it.
    await database.db.execute(sql`update calendar_years set data = jsonb_set(data, '{holidays}', '[]'::jsonb) where year = 2027`);
    expect(await cachedWorkingCalendar(database, database.db, t0 + 59_000)).toBe(first);
    const later = await cachedWorkingCalendar(database, database.db, t0 + 61_000);
    expect(later).not.toBe(first);
    expect(later.isWorkingDay('2027-01-01')).toBe(true);
  });
});

describe('shanghaiDate', () => {
  it('is the Asia/Shanghai calendar date of any instant, as the zone database says', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        expect(shanghaiDate(d)).toBe(dayjs(d).tz('Asia/Shanghai').format('YYYY-MM-DD'));
      }),
    );
    expect(shanghaiDate(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
    expect(shanghaiDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});
