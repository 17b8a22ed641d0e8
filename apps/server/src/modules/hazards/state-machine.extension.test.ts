import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { HAZARD_STATUSES, RECTIFICATION_MODES, ROLES } from '@anxun/contracts';
import { EXTENSION_DECIDERS, decideExtension, isCalendarDate, requestExtension, type HazardActor, type HazardState } from './state-machine.ts';

const base: HazardState = { status: 'open', level: 'general', mode: 'deadline', deadline: '2026-05-06' };
const TODAY = '2026-05-01';
const town: HazardActor = { roles: ['town'], isParty: false };

describe('isCalendarDate', () => {
  it.each([
    ['2026-05-06', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-13-01', false],
    ['2026-5-6', false],
    ['2026-05-06T00:00:00Z', false],
    ['', false],
  ])('%s → %s', (value, ok) => expect(isCalendarDate(value)).toBe(ok));
});

describe('requestExtension', () => {
  it('accepts a later deadline for open and pending-review deadline-mode hazards', () => {
    for (const status of ['open', 'pending_review'] as const) {
      expect(requestExtension({ ...base, status }, '2026-05-20', TODAY)).toEqual({
        ok: true,
        extension: { status: 'requested', fromDeadline: '2026-05-06', newDeadline: '2026-05-20' },
      });
    }
  });

  it.each([
    ['closed', 'HAZARD_ALREADY_CLOSED'],
    ['cancelled', 'HAZARD_CANCELLED'],
  ] as const)('refuses a %s hazard', (status, code) => {
    expect(requestExtension({ ...base, status }, '2026-05-20', TODAY)).toMatchObject({ ok: false, code });
  });

  it('refuses hazards that are not deadline-mode, or have no deadline', () => {
    for (const mode of ['immediate', 'centralised'] as const) {
      expect(requestExtension({ ...base, mode }, '2026-05-20', TODAY)).toMatchObject({ ok: false, code: 'NOT_DEADLINE_MODE' });
    }
    expect(requestExtension({ ...base, deadline: null }, '2026-05-20', TODAY)).toMatchObject({ ok: false, code: 'NOT_DEADLINE_MODE' });
  });

  it('the new deadline must be a real date after the current one', () => {
    expect(requestExtension(base, '2026-05-06', TODAY)).toMatchObject({ ok: false, code: 'DEADLINE_NOT_LATER' });
    expect(requestExtension(base, '2026-05-05', TODAY)).toMatchObject({ ok: false, code: 'DEADLINE_NOT_LATER' });
    expect(requestExtension(base, '2026-05-07', TODAY).ok).toBe(true);
    expect(requestExtension(base, '2026-02-30', TODAY)).toMatchObject({ ok: false, code: 'INVALID_DATE' });
    expect(requestExtension(base, '20260520', TODAY)).toMatchObject({ ok: false, code: 'INVALID_DATE' });
  });

  it('an overdue hazard may be extended, but not to a day already past', () => {
    const overdue = { ...base, deadline: '2026-04-01' };
    expect(requestExtension(overdue, '2026-04-30', TODAY)).toMatchObject({ ok: false, code: 'DEADLINE_IN_PAST' });
    expect(requestExtension(overdue, TODAY, TODAY).ok).toBe(true);
  });

  it('one pending request at a time', () => {
    expect(requestExtension({ ...base, extensionPending: true }, '2026-05-20', TODAY)).toMatchObject({ ok: false, code: 'EXTENSION_PENDING' });
  });

  it('property: an accepted request is always later than the old deadline and not before today', () => {
    const date = fc.date({ min: new Date('2024-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...HAZARD_STATUSES), fc.constantFrom(...RECTIFICATION_MODES), date, date, date, (status, mode, deadline, next, today) => {
        const r = requestExtension({ status, level: 'major', mode, deadline }, next, today);
        if (!r.ok) return;
        expect(['open', 'pending_review']).toContain(status);
        expect(mode).toBe('deadline');
        expect(next > deadline && next >= today).toBe(true);
      }),
    );
  });
});

describe('decideExtension', () => {
  const requested = { status: 'requested' as const, newDeadline: '2026-05-20' };

  it('approval moves the deadline', () => {
    expect(decideExtension(base, requested, { approve: true }, town, TODAY)).toEqual({
      ok: true,
      extension: { status: 'approved' },
      next: { deadline: '2026-05-20' },
    });
    expect(decideExtension(base, requested, { approve: true, reason: ' 同意 ' }, town, TODAY)).toMatchObject({
      extension: { status: 'approved', reason: '同意' },
    });
  });

  it('rejection needs a reason and leaves the deadline alone', () => {
    expect(decideExtension(base, requested, { approve: false }, town, TODAY)).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(decideExtension(base, requested, { approve: false, reason: '  ' }, town, TODAY)).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(decideExtension(base, requested, { approve: false, reason: '理由不充分' }, town, TODAY)).toEqual({
      ok: true,
      extension: { status: 'rejected', reason: '理由不充分' },
      next: {},
    });
  });

  it('a decided request cannot be decided again', () => {
    for (const status of ['approved', 'rejected'] as const) {
      expect(decideExtension(base, { ...requested, status }, { approve: true }, town, TODAY)).toMatchObject({ ok: false, code: 'EXTENSION_DECIDED' });
    }
  });

  it('only department, town, command centre and admin decide; never the party', () => {
    for (const role of ROLES) {
      const r = decideExtension(base, requested, { approve: true }, { roles: [role], isParty: false }, TODAY);
      expect(r.ok, role).toBe(EXTENSION_DECIDERS.includes(role));
      if (!r.ok) expect(r.code).toBe('FORBIDDEN_ROLE');
    }
    expect(decideExtension(base, requested, { approve: true }, { roles: ['admin'], isParty: true }, TODAY)).toMatchObject({
      ok: false,
      code: 'PARTY_FORBIDDEN',
    });
  });

  it('the hazard must still be a live deadline-mode hazard', () => {
    expect(decideExtension({ ...base, status: 'closed' }, requested, { approve: true }, town, TODAY)).toMatchObject({ code: 'HAZARD_ALREADY_CLOSED' });
    expect(decideExtension({ ...base, status: 'cancelled' }, requested, { approve: true }, town, TODAY)).toMatchObject({ code: 'HAZARD_CANCELLED' });
    expect(decideExtension({ ...base, mode: 'centralised', deadline: null }, requested, { approve: true }, town, TODAY)).toMatchObject({
      code: 'NOT_DEADLINE_MODE',
    });
    expect(decideExtension({ ...base, status: 'pending_review' }, requested, { approve: true }, town, TODAY).ok).toBe(true);
  });

  it('approval re-checks dates that may have gone stale since the request', () => {
    expect(decideExtension({ ...base, deadline: '2026-05-25' }, requested, { approve: true }, town, TODAY)).toMatchObject({ code: 'DEADLINE_NOT_LATER' });
    expect(decideExtension(base, requested, { approve: true }, town, '2026-05-21')).toMatchObject({ code: 'DEADLINE_IN_PAST' });
    expect(decideExtension(base, requested, { approve: true }, town, '2026-05-20').ok).toBe(true);
  });
});
