import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { HAZARD_LEVELS, HAZARD_STATUSES, RECTIFICATION_MODES, SITE_COLOURS } from '@anxun/contracts';
import { deadlineEndsAt, isOverdue, nextColourChangeAt, siteColour, type ColourHazard, type SiteColourState } from './colour.ts';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-05-06T04:00:00Z'); // 12:00 CST on 2026-05-06
const S = (over: Partial<SiteColourState> = {}): SiteColourState => ({ suspended: false, inspected: true, hazards: [], yellowCards: [], ...over });
const H = (over: Partial<ColourHazard> = {}): ColourHazard => ({ status: 'open', level: 'general', mode: 'centralised', deadline: null, ...over });
const due = (deadline: string, over: Partial<ColourHazard> = {}) => H({ mode: 'deadline', deadline, ...over });

describe('siteColour table', () => {
  const cases: [string, SiteColourState, string][] = [
    ['never inspected, nothing recorded', S({ inspected: false }), 'grey'],
    ['never inspected, hazards all closed', S({ inspected: false, hazards: [H({ status: 'closed' }), H({ status: 'cancelled' })] }), 'grey'],
    ['inspected, nothing found', S(), 'green'],
    ['inspected, everything closed or cancelled', S({ hazards: [H({ status: 'closed', level: 'major' }), H({ status: 'cancelled' })] }), 'green'],
    ['resolved yellow card long past its deadline', S({ yellowCards: [{ deadline: '2026-01-01', resolved: true }] }), 'green'],
    ['open general hazard', S({ hazards: [H()] }), 'yellow'],
    ['general hazard pending review still counts', S({ hazards: [H({ status: 'pending_review' })] }), 'yellow'],
    ['open general hazard, never inspected (grid report)', S({ inspected: false, hazards: [H()] }), 'yellow'],
    ['deadline-mode general hazard due today', S({ hazards: [due('2026-05-06')] }), 'yellow'],
    ['deadline-mode general hazard due yesterday', S({ hazards: [due('2026-05-05')] }), 'orange'],
    ['overdue hazard pending review is still overdue', S({ hazards: [due('2026-05-05', { status: 'pending_review' })] }), 'orange'],
    ['closed hazard past its deadline is not overdue', S({ hazards: [due('2026-05-05', { status: 'closed' })] }), 'green'],
    ['centralised hazard with a stray past date is not overdue', S({ hazards: [H({ deadline: '2026-01-01' })] }), 'yellow'],
    ['unresolved yellow card past its deadline, no hazards', S({ yellowCards: [{ deadline: '2026-05-05', resolved: false }] }), 'orange'],
    ['unresolved yellow card due today', S({ yellowCards: [{ deadline: '2026-05-06', resolved: false }] }), 'green'],
    ['unresolved yellow card due today, never inspected', S({ inspected: false, yellowCards: [{ deadline: '2026-05-06', resolved: false }] }), 'grey'],
    ['open major hazard', S({ hazards: [H({ level: 'major' })] }), 'red'],
    ['major beats overdue card', S({ hazards: [H({ level: 'major', status: 'pending_review' })], yellowCards: [{ deadline: '2026-01-01', resolved: false }] }), 'red'],
    ['overdue major hazard is red', S({ hazards: [due('2026-05-01', { level: 'major' })] }), 'red'],
    ['suspended beats everything', S({ suspended: true, hazards: [H({ level: 'major' })], yellowCards: [{ deadline: '2026-01-01', resolved: false }] }), 'black'],
    ['suspended, never inspected', S({ suspended: true, inspected: false }), 'black'],
  ];
  it.each(cases)('%s → %s', (_name, state, colour) => expect(siteColour(state, NOW)).toBe(colour));
});

describe('Asia/Shanghai midnight boundaries', () => {
  const hazard = due('2026-05-06');
  it.each([
    ['2026-05-05T16:00:00Z', false], // 00:00 CST on the deadline day
    ['2026-05-06T15:59:59Z', false], // 23:59:59 CST, still the deadline day
    ['2026-05-06T15:59:59.999Z', false],
    ['2026-05-06T16:00:00Z', true], // 00:00 CST the next day
    ['2026-05-06T23:00:00Z', true], // still 2026-05-06 in UTC, already 05-07 in Shanghai
  ])('deadline 2026-05-06 at %s → overdue %s', (iso, overdue) => {
    expect(isOverdue(hazard, at(iso))).toBe(overdue);
    expect(siteColour(S({ hazards: [hazard] }), at(iso))).toBe(overdue ? 'orange' : 'yellow');
    expect(siteColour(S({ yellowCards: [{ deadline: '2026-05-06', resolved: false }] }), at(iso))).toBe(overdue ? 'orange' : 'green');
  });

  it('year end and leap day', () => {
    expect(deadlineEndsAt('2025-12-31')).toBe(Date.parse('2025-12-31T16:00:00Z'));
    expect(deadlineEndsAt('2028-02-29')).toBe(Date.parse('2028-02-29T16:00:00Z'));
  });

  it('only open deadline-mode hazards with a deadline can be overdue', () => {
    const late = at('2030-01-01T00:00:00Z');
    for (const status of HAZARD_STATUSES)
      for (const mode of RECTIFICATION_MODES)
        for (const deadline of [null, '2026-05-06'])
          expect(isOverdue(H({ status, mode, deadline }), late)).toBe(
            (status === 'open' || status === 'pending_review') && mode === 'deadline' && deadline !== null,
          );
  });

  it('rejects malformed deadlines loudly rather than treating them as never due', () => {
    expect(() => isOverdue(due('2026-02-30'), NOW)).toThrow(RangeError);
    expect(() => isOverdue(due('2026/05/06'), NOW)).toThrow(RangeError);
  });
});

describe('nextColourChangeAt', () => {
  it('is null when nothing depends on time', () => {
    expect(nextColourChangeAt(S(), NOW)).toBeNull();
    expect(nextColourChangeAt(S({ hazards: [H()] }), NOW)).toBeNull();
    expect(nextColourChangeAt(S({ hazards: [due('2026-05-05')] }), NOW)).toBeNull(); // already orange
  });
  it('is the Shanghai midnight after the earliest deadline that changes the colour', () => {
    const state = S({ hazards: [due('2026-05-20'), due('2026-05-08')], yellowCards: [{ deadline: '2026-05-10', resolved: false }] });
    expect(nextColourChangeAt(state, NOW)).toEqual(at('2026-05-08T16:00:00Z'));
    expect(nextColourChangeAt(state, at('2026-05-08T15:59:59Z'))).toEqual(at('2026-05-08T16:00:00Z'));
  });
  it('skips deadlines that would not change the colour', () => {
    expect(nextColourChangeAt(S({ hazards: [due('2026-05-08'), H({ level: 'major' })] }), NOW)).toBeNull();
    expect(nextColourChangeAt(S({ suspended: true, hazards: [due('2026-05-08')] }), NOW)).toBeNull();
    expect(nextColourChangeAt(S({ hazards: [due('2026-05-08', { status: 'closed' })] }), NOW)).toBeNull();
    expect(nextColourChangeAt(S({ yellowCards: [{ deadline: '2026-05-08', resolved: true }] }), NOW)).toBeNull();
  });
  it('a yellow card on a green site', () => {
    expect(nextColourChangeAt(S({ yellowCards: [{ deadline: '2026-05-06', resolved: false }] }), NOW)).toEqual(at('2026-05-06T16:00:00Z'));
  });
});

describe('properties', () => {
  const date = fc.integer({ min: 0, max: 120 }).map((d) => new Date(Date.UTC(2026, 3, 1 + d)).toISOString().slice(0, 10));
  const hazardArb = fc.record({
    status: fc.constantFrom(...HAZARD_STATUSES),
    level: fc.constantFrom(...HAZARD_LEVELS),
    mode: fc.constantFrom(...RECTIFICATION_MODES),
    deadline: fc.option(date, { nil: null }),
  });
  const stateArb = fc.record({
    suspended: fc.boolean(),
    inspected: fc.boolean(),
    hazards: fc.array(hazardArb, { maxLength: 6 }),
    yellowCards: fc.array(fc.record({ deadline: date, resolved: fc.boolean() }), { maxLength: 3 }),
  });
  const nowArb = fc.integer({ min: Date.parse('2026-03-20T00:00:00Z'), max: Date.parse('2026-09-01T00:00:00Z') }).map((t) => new Date(t));
  const RANK = (c: string) => ['grey', 'green', 'yellow', 'orange', 'red', 'black'].indexOf(c);

  it('always one of the five colours or grey', () => {
    fc.assert(
      fc.property(stateArb, nowArb, (s, now) => {
        expect(SITE_COLOURS).toContain(siteColour(s, now));
      }),
    );
  });

  it('adding an open major hazard always gives red, unless black', () => {
    fc.assert(
      fc.property(stateArb, nowArb, fc.constantFrom('open', 'pending_review' as const), (s, now, status) => {
        const colour = siteColour({ ...s, hazards: [...s.hazards, H({ level: 'major', status })] }, now);
        expect(colour).toBe(s.suspended ? 'black' : 'red');
      }),
    );
  });

  it('adding any hazard never lowers the colour', () => {
    fc.assert(
      fc.property(stateArb, hazardArb, nowArb, (s, extra, now) => {
        const before = RANK(siteColour(s, now));
        expect(RANK(siteColour({ ...s, hazards: [extra, ...s.hazards] }, now))).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('closing or cancelling every hazard and resolving every card gives green if inspected, grey if not', () => {
    fc.assert(
      fc.property(stateArb, nowArb, fc.constantFrom('closed', 'cancelled' as const), (s, now, end) => {
        const done = {
          ...s,
          suspended: false,
          hazards: s.hazards.map((h) => ({ ...h, status: h.status === 'cancelled' ? h.status : end })),
          yellowCards: s.yellowCards.map((c) => ({ ...c, resolved: true })),
        };
        expect(siteColour(done, now)).toBe(s.inspected ? 'green' : 'grey');
        expect(nextColourChangeAt(done, now)).toBeNull();
      }),
    );
  });

  it('time only ever raises the colour', () => {
    fc.assert(
      fc.property(stateArb, nowArb, nowArb, (s, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(RANK(siteColour(s, late))).toBeGreaterThanOrEqual(RANK(siteColour(s, early)));
      }),
    );
  });

  it('nextColourChangeAt is exact: same colour until then, different from then on', () => {
    fc.assert(
      fc.property(stateArb, nowArb, (s, now) => {
        const current = siteColour(s, now);
        const next = nextColourChangeAt(s, now);
        if (next === null) {
          expect(siteColour(s, new Date('2100-01-01T00:00:00Z'))).toBe(current);
          return;
        }
        expect(next.getTime()).toBeGreaterThan(now.getTime());
        expect(siteColour(s, new Date(next.getTime() - 1))).toBe(current);
        expect(siteColour(s, next)).not.toBe(current);
        expect(next.getUTCHours()).toBe(16); // always a Shanghai midnight
      }),
    );
  });
});
