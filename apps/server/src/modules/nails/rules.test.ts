import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NAIL_STATUSES, type NailStatus } from '@anxun/contracts';
import {
  checkMilestoneDone,
  checkNailOpenForWork,
  checkNewNail,
  checkReport,
  milestoneOverdue,
  monthBounds,
  monthlyAiring,
  monthStarted,
  reportStatuses,
  type AiringNail,
  type MilestoneState,
} from './rules.ts';

const campaign = { startsOn: '2026-04-10', endsOn: '2026-06-09' };

describe('checkNewNail', () => {
  it('allows key nails up to and including the start day, dynamic nails until the end day', () => {
    expect(checkNewNail('key', '2026-03-01', campaign)).toBeNull();
    expect(checkNewNail('key', '2026-04-10', campaign)).toBeNull();
    expect(checkNewNail('key', '2026-04-11', campaign)).toMatchObject({ status: 422, code: 'key_nail_after_start' });
    expect(checkNewNail('dynamic', '2026-03-01', campaign)).toBeNull();
    expect(checkNewNail('dynamic', '2026-04-11', campaign)).toBeNull();
    expect(checkNewNail('dynamic', '2026-06-09', campaign)).toBeNull();
    expect(checkNewNail('dynamic', '2026-06-10', campaign)).toMatchObject({ status: 409, code: 'campaign_ended' });
    expect(checkNewNail('key', '2026-06-10', campaign)).toMatchObject({ status: 409, code: 'campaign_ended' });
  });

  it('names the start day in both languages', () => {
    const e = checkNewNail('key', '2026-05-01', campaign)!;
    expect(e.zh).toContain('2026-04-10');
    expect(e.en).toContain('2026-04-10');
  });

  it('agrees with day arithmetic for any day', () => {
    const day = fc.integer({ min: 0, max: 200 }).map((d) => new Date(Date.UTC(2026, 2, 1 + d)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom('key' as const, 'dynamic' as const), (today, kind) => {
        const result = checkNewNail(kind, today, campaign);
        const allowed = today <= campaign.endsOn && (kind === 'dynamic' || today <= campaign.startsOn);
        expect(result === null).toBe(allowed);
      }),
    );
  });
});

/**
 * Every current status × reported status × may-reopen, each with a report that satisfies the
 * content guards (0 % when open, 100 % when resolved, 50 % otherwise; no pending milestones):
 * ok, or the code refusing the move.
 */
const TRANSITIONS = `
from         to           reopen  result
open         open         no      ok
open         in_progress  no      ok
open         resolved     no      invalid_transition
in_progress  open         no      invalid_transition
in_progress  in_progress  no      ok
in_progress  resolved     no      ok
resolved     open         no      reopen_forbidden
resolved     in_progress  no      reopen_forbidden
resolved     resolved     no      already_resolved
open         open         yes     ok
open         in_progress  yes     ok
open         resolved     yes     invalid_transition
in_progress  open         yes     invalid_transition
in_progress  in_progress  yes     ok
in_progress  resolved     yes     ok
resolved     open         yes     invalid_transition
resolved     in_progress  yes     ok
resolved     resolved     yes     already_resolved
`
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [from, to, reopen, result] = line.trim().split(/\s+/) as [NailStatus, NailStatus, string, string];
    return { from, to, canReopen: reopen === 'yes', result };
  });

const fittingProgress = (to: NailStatus) => (to === 'open' ? 0 : to === 'resolved' ? 100 : 50);

describe('checkReport transitions', () => {
  it('lists every combination once', () => {
    expect(TRANSITIONS).toHaveLength(NAIL_STATUSES.length * NAIL_STATUSES.length * 2);
    expect(new Set(TRANSITIONS.map((t) => `${t.from}/${t.to}/${t.canReopen}`)).size).toBe(TRANSITIONS.length);
  });

  for (const t of TRANSITIONS) {
    it(`${t.from} → ${t.to}${t.canReopen ? ' (may reopen)' : ''}: ${t.result}`, () => {
      const result = checkReport(t.from, { progress: fittingProgress(t.to), status: t.to }, [], t.canReopen);
      expect(result?.code ?? 'ok').toBe(t.result);
      expect(reportStatuses(t.from, t.canReopen).includes(t.to)).toBe(t.result === 'ok');
    });
  }

  it('answers 403 for a refused reopen and 409 for a refused move', () => {
    expect(checkReport('resolved', { progress: 50, status: 'in_progress' }, [], false)?.status).toBe(403);
    expect(checkReport('open', { progress: 100, status: 'resolved' }, [], true)?.status).toBe(409);
  });
});

describe('checkReport content guards', () => {
  const done: MilestoneState = { dueOn: '2026-04-20', doneOn: '2026-04-19' };
  const pending: MilestoneState = { dueOn: '2026-04-20', doneOn: null };

  it('keeps progress within 0–100 and whole', () => {
    for (const progress of [-1, 101, 50.5, Number.NaN]) {
      expect(checkReport('in_progress', { progress, status: 'in_progress' }, [], true)?.code).toBe('invalid_progress');
    }
    for (const progress of [0, 1, 99, 100]) expect(checkReport('in_progress', { progress, status: 'in_progress' }, [], true)).toBeNull();
  });

  it('keeps an open nail at 0 %', () => {
    expect(checkReport('open', { progress: 10, status: 'open' }, [], true)).toMatchObject({ status: 422, code: 'open_with_progress' });
  });

  it('resolves only at 100 % with every milestone done', () => {
    expect(checkReport('in_progress', { progress: 99, status: 'resolved' }, [], true)).toMatchObject({ status: 422, code: 'resolve_needs_100' });
    expect(checkReport('in_progress', { progress: 100, status: 'resolved' }, [done, pending, pending], true)).toMatchObject({ status: 409, code: 'milestones_pending' });
    expect(checkReport('in_progress', { progress: 100, status: 'resolved' }, [done, pending], true)!.en).toContain('1 milestone');
    expect(checkReport('in_progress', { progress: 100, status: 'resolved' }, [done, done], true)).toBeNull();
  });

  it('lets progress reach 100 without resolving (milestones may still be open)', () => {
    expect(checkReport('in_progress', { progress: 100, status: 'in_progress' }, [pending], false)).toBeNull();
  });

  it('takes a reopened nail below 100 %', () => {
    expect(checkReport('resolved', { progress: 100, status: 'in_progress' }, [done], true)).toMatchObject({ status: 422, code: 'reopen_needs_less_than_100' });
    expect(checkReport('resolved', { progress: 80, status: 'in_progress' }, [done], true)).toBeNull();
  });

  it('accepts only reports that keep the invariants, and always leaves a way forward', () => {
    const milestone = fc.record({ dueOn: fc.constant('2026-04-20'), doneOn: fc.option(fc.constant('2026-04-19'), { nil: null }) });
    fc.assert(
      fc.property(
        fc.constantFrom(...NAIL_STATUSES),
        fc.constantFrom(...NAIL_STATUSES),
        fc.integer({ min: -5, max: 105 }),
        fc.array(milestone, { maxLength: 4 }),
        fc.boolean(),
        (from, to, progress, milestones, canReopen) => {
          const result = checkReport(from, { progress, status: to }, milestones, canReopen);
          if (result === null) {
            expect(reportStatuses(from, canReopen)).toContain(to);
            expect(progress).toBeGreaterThanOrEqual(0);
            expect(progress).toBeLessThanOrEqual(100);
            if (to === 'open') expect(progress).toBe(0);
            if (to === 'resolved') expect(progress === 100 && milestones.every((m) => m.doneOn !== null)).toBe(true);
            if (from === 'resolved') expect(progress).toBeLessThan(100);
          }
          // Whoever may report can always file a plain report on an unresolved nail.
          if (from !== 'resolved') expect(checkReport(from, { progress: 0, status: from }, milestones, canReopen)).toBeNull();
        },
      ),
    );
  });
});

describe('milestones', () => {
  it('is overdue once its due day is over and it is not done', () => {
    expect(milestoneOverdue({ dueOn: '2026-04-20', doneOn: null }, '2026-04-20')).toBe(false);
    expect(milestoneOverdue({ dueOn: '2026-04-20', doneOn: null }, '2026-04-21')).toBe(true);
    expect(milestoneOverdue({ dueOn: '2026-04-20', doneOn: '2026-04-25' }, '2026-04-26')).toBe(false);
    // Looking back: on the 22nd it was overdue, done only on the 25th.
    expect(milestoneOverdue({ dueOn: '2026-04-20', doneOn: '2026-04-25' }, '2026-04-22')).toBe(true);
    expect(milestoneOverdue({ dueOn: '2026-04-20', doneOn: '2026-04-25' }, '2026-04-25')).toBe(false);
  });

  it('completes once and not in the future', () => {
    expect(checkMilestoneDone({ dueOn: '2026-04-20', doneOn: null }, '2026-04-18', '2026-04-18')).toBeNull();
    expect(checkMilestoneDone({ dueOn: '2026-04-20', doneOn: null }, '2026-04-19', '2026-04-18')).toMatchObject({ status: 422, code: 'done_in_future' });
    expect(checkMilestoneDone({ dueOn: '2026-04-20', doneOn: '2026-04-01' }, '2026-04-18', '2026-04-18')).toMatchObject({ status: 409, code: 'milestone_done' });
  });

  it('takes no new work on a resolved nail', () => {
    expect(checkNailOpenForWork('resolved')?.code).toBe('nail_resolved');
    expect(checkNailOpenForWork('open')).toBeNull();
    expect(checkNailOpenForWork('in_progress')).toBeNull();
  });
});

describe('monthBounds', () => {
  it('bounds a month by Asia/Shanghai midnights', () => {
    const b = monthBounds('2026-02');
    expect(b).toMatchObject({ first: '2026-02-01', last: '2026-02-28', next: '2026-03-01' });
    expect(b.start.toISOString()).toBe('2026-01-31T16:00:00.000Z');
    expect(b.end.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(monthBounds('2024-02').last).toBe('2024-02-29');
    expect(monthBounds('2026-12').next).toBe('2027-01-01');
  });

  it('knows whether a month has begun', () => {
    expect(monthStarted('2026-05', '2026-04-30')).toBe(false);
    expect(monthStarted('2026-05', '2026-05-01')).toBe(true);
  });
});

/** Instants in Asia/Shanghai, written as local times. */
const at = (local: string) => new Date(`${local}+08:00`);
const update = (local: string, progress: number, status: NailStatus = progress === 100 ? 'resolved' : 'in_progress') => ({ reportedAt: at(local), progress, status });
const nail = (id: string, extra: Partial<AiringNail> = {}): AiringNail => ({
  id,
  kind: 'key',
  title: `钉${id}`,
  areaName: '东恩村',
  createdAt: at('2026-03-20T09:00:00'),
  updates: [],
  milestones: [],
  ...extra,
});

describe('monthlyAiring', () => {
  it('measures movement from the last report before the month to the last one in it', () => {
    const a = monthlyAiring('2026-04', '2026-05-15', [
      nail('a', { updates: [update('2026-03-25T10:00:00', 20), update('2026-04-10T10:00:00', 40), update('2026-04-28T10:00:00', 55), update('2026-05-02T10:00:00', 90)] }),
    ]);
    expect(a.rows[0]).toMatchObject({ progressBefore: 20, progressAfter: 55, progressChange: 35, reportsInMonth: 2, noProgress: false, resolvedInMonth: false, status: 'in_progress' });
  });

  it('counts the month by Shanghai time: 23:59 on the last day is inside, 00:00 on the 1st is not', () => {
    const a = monthlyAiring('2026-04', '2026-05-15', [
      nail('a', { updates: [update('2026-03-31T23:59:59', 10), update('2026-04-30T23:59:59', 30), update('2026-05-01T00:00:00', 70)] }),
    ]);
    expect(a.rows[0]).toMatchObject({ progressBefore: 10, progressAfter: 30, reportsInMonth: 1 });
  });

  it('starts a nail without reports at 0 % open, and marks it red', () => {
    const a = monthlyAiring('2026-04', '2026-05-15', [nail('a')]);
    expect(a.rows[0]).toMatchObject({ status: 'open', progressBefore: 0, progressAfter: 0, progressChange: 0, noProgress: true });
    expect(a.noProgress).toBe(1);
  });

  it('marks a report without forward movement red, and a setback too', () => {
    const a = monthlyAiring('2026-04', '2026-05-15', [
      nail('same', { updates: [update('2026-03-25T10:00:00', 40), update('2026-04-10T10:00:00', 40)] }),
      nail('back', { updates: [update('2026-03-25T10:00:00', 40), update('2026-04-10T10:00:00', 30)] }),
    ]);
    expect(a.rows.map((r) => [r.id, r.progressChange, r.noProgress])).toEqual([
      ['same', 0, true],
      ['back', -10, true],
    ]);
  });

  it('leaves out nails created after the month and nails resolved before it', () => {
    const a = monthlyAiring('2026-04', '2026-05-15', [
      nail('later', { createdAt: at('2026-05-01T00:00:00') }),
      nail('done', { updates: [update('2026-03-28T10:00:00', 100)] }),
      nail('created-last-minute', { createdAt: at('2026-04-30T23:59:00') }),
    ]);
    expect(a.rows.map((r) => r.id)).toEqual(['created-last-minute']);
  });

  it('counts a nail resolved in the month, and one reopened before the month as active', () => {
    const a = monthlyAiring('2026-04', '2026-05-15', [
      nail('resolved', { updates: [update('2026-03-28T10:00:00', 60), update('2026-04-12T10:00:00', 100)] }),
      nail('reopened', { updates: [update('2026-03-10T10:00:00', 100), update('2026-03-28T10:00:00', 70)] }),
    ]);
    expect(a.rows.map((r) => [r.id, r.resolvedInMonth, r.noProgress, r.status])).toEqual([
      ['resolved', true, false, 'resolved'],
      ['reopened', false, true, 'in_progress'],
    ]);
    expect(a).toMatchObject({ active: 2, resolved: 1, noProgress: 1 });
  });

  it('counts milestones due and done in the month, and overdue when the month closed', () => {
    const milestones: MilestoneState[] = [
      { dueOn: '2026-03-15', doneOn: null }, // due before, still undone: overdue
      { dueOn: '2026-04-01', doneOn: '2026-04-01' }, // due and done in the month
      { dueOn: '2026-04-30', doneOn: null }, // due on the last day, undone: overdue on 1 May
      { dueOn: '2026-04-20', doneOn: '2026-05-03' }, // due in the month, done late: overdue on 1 May
      { dueOn: '2026-05-10', doneOn: '2026-04-28' }, // done early in the month
    ];
    const a = monthlyAiring('2026-04', '2026-05-15', [nail('a', { milestones })]);
    expect(a.asOf).toBe('2026-05-01');
    expect(a.rows[0]).toMatchObject({ milestonesDue: 3, milestonesDone: 2, milestonesOverdue: 3 });
    expect(a).toMatchObject({ milestonesDue: 3, milestonesDone: 2, milestonesOverdue: 3 });
  });

  it('takes the current month as of today', () => {
    const milestones: MilestoneState[] = [
      { dueOn: '2026-04-09', doneOn: null },
      { dueOn: '2026-04-10', doneOn: null },
      { dueOn: '2026-04-20', doneOn: null },
    ];
    const a = monthlyAiring('2026-04', '2026-04-10', [nail('a', { milestones })]);
    expect(a.asOf).toBe('2026-04-10');
    expect(a.rows[0]!.milestonesOverdue).toBe(1);
  });

  const arbitraryNail = fc
    .record({
      created: fc.integer({ min: 0, max: 90 }),
      reports: fc.array(fc.record({ day: fc.integer({ min: 0, max: 90 }), minute: fc.integer({ min: 0, max: 1439 }), progress: fc.integer({ min: 0, max: 100 }) }), { maxLength: 6 }),
      milestones: fc.array(fc.record({ due: fc.integer({ min: 0, max: 90 }), done: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }) }), { maxLength: 4 }),
    })
    .map(({ created, reports, milestones }): AiringNail => {
      const day = (d: number) => new Date(Date.UTC(2026, 2, 1 + d)).toISOString().slice(0, 10);
      return nail('n', {
        createdAt: at(`${day(created)}T08:00:00`),
        updates: reports.map((r) => ({ reportedAt: new Date(at(`${day(r.day)}T00:00:00`).getTime() + r.minute * 60_000), progress: r.progress, status: r.progress === 100 ? 'resolved' : 'in_progress' })),
        milestones: milestones.map((m) => ({ dueOn: day(m.due), doneOn: m.done === null ? null : day(m.done) })),
      });
    });

  const arbitraryNails = fc.array(arbitraryNail, { maxLength: 6 }).map((nails) => nails.map((n, i) => ({ ...n, id: `n${i}` })));

  it('adds up: totals are the sums of the rows, changes are after − before, resolved ≤ active', () => {
    fc.assert(
      fc.property(arbitraryNails, fc.constantFrom('2026-03', '2026-04', '2026-05'), (nails, month) => {
        const a = monthlyAiring(month, '2026-05-20', nails);
        expect(a.active).toBe(a.rows.length);
        expect(a.resolved).toBe(a.rows.filter((r) => r.resolvedInMonth).length);
        expect(a.resolved).toBeLessThanOrEqual(a.active);
        expect(a.milestonesDue).toBe(a.rows.reduce((n, r) => n + r.milestonesDue, 0));
        for (const r of a.rows) {
          expect(r.progressChange).toBe(r.progressAfter - r.progressBefore);
          expect(r.noProgress).toBe(!r.resolvedInMonth && r.progressChange <= 0);
          expect(r.resolvedInMonth).toBe(r.status === 'resolved');
        }
      }),
    );
  });

  it('chains: where one month ends the next begins', () => {
    fc.assert(
      fc.property(arbitraryNails, (nails) => {
        const april = monthlyAiring('2026-04', '2026-06-01', nails);
        const may = monthlyAiring('2026-05', '2026-06-01', nails);
        for (const row of may.rows) {
          const before = april.rows.find((r) => r.id === row.id);
          if (before) expect(row.progressBefore).toBe(before.progressAfter);
        }
        // A nail resolved in April is not active in May.
        for (const r of april.rows.filter((x) => x.resolvedInMonth)) expect(may.rows.some((x) => x.id === r.id)).toBe(false);
      }),
    );
  });
});
