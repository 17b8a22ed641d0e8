import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  HAZARD_ACTIONS,
  HAZARD_LEVELS,
  HAZARD_STATUSES,
  RECTIFICATION_MODES,
  ROLES,
  type HazardAction,
  type HazardStatus,
  type Role,
} from '@anxun/contracts';
import { HAZARD_TRANSITIONS, allowedActions, transition, type HazardActor, type HazardState } from './state-machine.ts';

/**
 * The expected outcome of every status × action × role, written out by hand for a hazard in
 * immediate mode with complete inputs. Y = allowed, F = role may not, P = the party may not,
 * I = not from this status, A = already closed, C = cancelled, M = wrong rectification mode.
 * The `party` column is a party actor (isParty); every other column is a non-party single-role actor.
 */
const COLUMNS = ['admin', 'command_centre', 'department', 'town', 'village', 'squad_leader', 'inspector', 'grid_member', 'party', 'supervisor'] as const;
const EXPECTED = `
status          action                adm cc  dep twn vil sql ins grd pty sup
open            submit_rectification  Y   Y   Y   Y   Y   Y   Y   Y   Y   F
open            approve               I   I   I   I   I   I   I   I   I   I
open            reject                I   I   I   I   I   I   I   I   I   I
open            reinspect_fixed       Y   Y   Y   Y   F   Y   Y   F   P   F
open            reinspect_not_fixed   Y   Y   Y   Y   F   Y   Y   F   P   F
open            close_on_spot         Y   Y   Y   Y   F   Y   Y   F   P   F
open            reopen                I   I   I   I   I   I   I   I   I   I
open            cancel                Y   F   F   F   F   F   F   F   P   F
pending_review  submit_rectification  I   I   I   I   I   I   I   I   I   I
pending_review  approve               Y   Y   Y   Y   F   Y   Y   F   P   F
pending_review  reject                Y   Y   Y   Y   F   Y   Y   F   P   F
pending_review  reinspect_fixed       Y   Y   Y   Y   F   Y   Y   F   P   F
pending_review  reinspect_not_fixed   Y   Y   Y   Y   F   Y   Y   F   P   F
pending_review  close_on_spot         I   I   I   I   I   I   I   I   I   I
pending_review  reopen                I   I   I   I   I   I   I   I   I   I
pending_review  cancel                Y   F   F   F   F   F   F   F   P   F
closed          submit_rectification  A   A   A   A   A   A   A   A   A   A
closed          approve               A   A   A   A   A   A   A   A   A   A
closed          reject                A   A   A   A   A   A   A   A   A   A
closed          reinspect_fixed       A   A   A   A   A   A   A   A   A   A
closed          reinspect_not_fixed   A   A   A   A   A   A   A   A   A   A
closed          close_on_spot         A   A   A   A   A   A   A   A   A   A
closed          reopen                Y   Y   Y   Y   F   F   F   F   P   F
closed          cancel                A   A   A   A   A   A   A   A   A   A
cancelled       submit_rectification  C   C   C   C   C   C   C   C   C   C
cancelled       approve               C   C   C   C   C   C   C   C   C   C
cancelled       reject                C   C   C   C   C   C   C   C   C   C
cancelled       reinspect_fixed       C   C   C   C   C   C   C   C   C   C
cancelled       reinspect_not_fixed   C   C   C   C   C   C   C   C   C   C
cancelled       close_on_spot         C   C   C   C   C   C   C   C   C   C
cancelled       reopen                C   C   C   C   C   C   C   C   C   C
cancelled       cancel                C   C   C   C   C   C   C   C   C   C
`;
const EXPECTED_TO: Record<HazardAction, HazardStatus> = {
  submit_rectification: 'pending_review',
  approve: 'closed',
  reject: 'open',
  reinspect_fixed: 'closed',
  reinspect_not_fixed: 'open',
  close_on_spot: 'closed',
  reopen: 'open',
  cancel: 'cancelled',
};
const CODE_LETTER: Record<string, string> = {
  FORBIDDEN_ROLE: 'F',
  PARTY_FORBIDDEN: 'P',
  INVALID_TRANSITION: 'I',
  HAZARD_ALREADY_CLOSED: 'A',
  HAZARD_CANCELLED: 'C',
  MODE_MISMATCH: 'M',
};

function parseExpected(): Map<string, string> {
  const table = new Map<string, string>();
  const lines = EXPECTED.trim().split('\n').slice(1);
  for (const line of lines) {
    const [status, action, ...cells] = line.trim().split(/\s+/);
    cells.forEach((cell, i) => table.set(`${status}|${action}|${COLUMNS[i]}`, cell));
  }
  return table;
}

const actorFor = (column: (typeof COLUMNS)[number]): HazardActor =>
  column === 'party' ? { roles: ['party'], isParty: true } : { roles: [column], isParty: false };
const fullInput = (action: HazardAction) => ({ action, evidence: ['photo-1'], reason: '原因' });

function outcomeLetter(hazard: HazardState, action: HazardAction, actor: HazardActor): string {
  const result = transition(hazard, fullInput(action), actor);
  if (result.ok) return 'Y';
  return CODE_LETTER[result.code] ?? result.code;
}

describe('transition matrix (status × action × role × mode × level)', () => {
  const expected = parseExpected();

  it('the expected table covers every status, action and role exactly once', () => {
    expect(expected.size).toBe(HAZARD_STATUSES.length * HAZARD_ACTIONS.length * ROLES.length);
    expect([...COLUMNS].sort()).toEqual([...ROLES].sort());
  });

  it('every combination matches the table', () => {
    let checked = 0;
    for (const level of HAZARD_LEVELS)
      for (const mode of RECTIFICATION_MODES)
        for (const status of HAZARD_STATUSES)
          for (const action of HAZARD_ACTIONS)
            for (const column of COLUMNS) {
              const deadline = mode === 'deadline' ? '2026-05-06' : null;
              let want = expected.get(`${status}|${action}|${column}`)!;
              // Closing on the spot needs immediate mode; the role check comes first.
              if (action === 'close_on_spot' && mode !== 'immediate' && want === 'Y') want = 'M';
              const got = outcomeLetter({ status, level, mode, deadline }, action, actorFor(column));
              expect(got, `${level} ${mode} ${status} ${action} ${column}`).toBe(want);
              checked++;
            }
    expect(checked).toBe(2 * 3 * 4 * 8 * 10);
  });

  it('allowed transitions move to the documented status and record the event', () => {
    for (const status of HAZARD_STATUSES)
      for (const action of HAZARD_ACTIONS) {
        const result = transition({ status, level: 'general', mode: 'immediate', deadline: null }, fullInput(action), { roles: ['admin'], isParty: false });
        if (!result.ok) continue;
        expect(result.next).toEqual({ status: EXPECTED_TO[action] });
        expect(result.event).toEqual({ action, from: status, to: EXPECTED_TO[action], reason: '原因', evidence: ['photo-1'] });
        expect(HAZARD_TRANSITIONS[action].to).toBe(EXPECTED_TO[action]);
      }
  });

  it('allowedActions lists exactly the Y cells', () => {
    for (const mode of RECTIFICATION_MODES)
      for (const status of HAZARD_STATUSES)
        for (const column of COLUMNS) {
          const want = HAZARD_ACTIONS.filter(
            (a) => expected.get(`${status}|${a}|${column}`) === 'Y' && (a !== 'close_on_spot' || mode === 'immediate'),
          );
          const deadline = mode === 'deadline' ? '2026-05-06' : null;
          expect(allowedActions({ status, level: 'major', mode, deadline }, actorFor(column)), `${mode} ${status} ${column}`).toEqual(want);
        }
  });

  it('every refusal is bilingual', () => {
    for (const status of HAZARD_STATUSES)
      for (const action of HAZARD_ACTIONS)
        for (const column of COLUMNS) {
          const result = transition({ status, level: 'general', mode: 'centralised', deadline: null }, { action }, actorFor(column));
          if (result.ok) continue;
          expect(result.zh).toMatch(/[\u4e00-\u9fff]/);
          expect(result.en).toMatch(/^[\x20-\x7e]+$/);
        }
  });
});

describe('actors beyond one role each', () => {
  const pending: HazardState = { status: 'pending_review', level: 'general', mode: 'deadline', deadline: '2026-05-06' };
  it('a party of another site (role party, not this party) cannot submit', () => {
    const r = transition({ ...pending, status: 'open' }, fullInput('submit_rectification'), { roles: ['party'], isParty: false });
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
  });
  it('an official who is also the party cannot verify their own fix', () => {
    const r = transition(pending, fullInput('approve'), { roles: ['department', 'admin'], isParty: true });
    expect(r).toMatchObject({ ok: false, code: 'PARTY_FORBIDDEN' });
  });
  it('any one qualifying role among several is enough', () => {
    expect(transition(pending, fullInput('approve'), { roles: ['supervisor', 'inspector'], isParty: false }).ok).toBe(true);
  });
  it('an actor with no roles may do nothing', () => {
    for (const status of HAZARD_STATUSES) expect(allowedActions({ ...pending, status }, { roles: [], isParty: false })).toEqual([]);
  });
});

describe('inputs each action needs', () => {
  const admin: HazardActor = { roles: ['admin'], isParty: false };
  const from: Record<HazardAction, HazardStatus> = {
    submit_rectification: 'open',
    approve: 'pending_review',
    reject: 'pending_review',
    reinspect_fixed: 'open',
    reinspect_not_fixed: 'pending_review',
    close_on_spot: 'open',
    reopen: 'closed',
    cancel: 'open',
  };
  const needsEvidence: HazardAction[] = ['submit_rectification', 'approve', 'reinspect_fixed', 'close_on_spot'];
  const needsReason: HazardAction[] = ['reject', 'reinspect_not_fixed', 'reopen', 'cancel'];

  it.each(HAZARD_ACTIONS)('%s', (action) => {
    const hazard: HazardState = { status: from[action], level: 'major', mode: 'immediate', deadline: null };
    const bare = transition(hazard, { action }, admin);
    const blank = transition(hazard, { action, evidence: ['  ', ''], reason: '   ' }, admin);
    if (needsEvidence.includes(action)) {
      expect(bare).toMatchObject({ ok: false, code: 'EVIDENCE_REQUIRED' });
      expect(blank).toMatchObject({ ok: false, code: 'EVIDENCE_REQUIRED' });
      expect(transition(hazard, { action, evidence: ['p'] }, admin).ok).toBe(true);
    }
    if (needsReason.includes(action)) {
      expect(bare).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
      expect(blank).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
      const ok = transition(hazard, { action, reason: '  未整改到位 ' }, admin);
      expect(ok.ok && ok.event).toEqual({ action, from: from[action], to: EXPECTED_TO[action], reason: '未整改到位' });
    }
    expect(needsEvidence.includes(action) !== needsReason.includes(action)).toBe(true);
  });

  it('the data table agrees with the lists above', () => {
    for (const action of HAZARD_ACTIONS) {
      expect(HAZARD_TRANSITIONS[action].evidence).toBe(needsEvidence.includes(action));
      expect(HAZARD_TRANSITIONS[action].reason).toBe(needsReason.includes(action));
    }
  });

  it('a second close-out of a closed hazard is refused, naming the way out', () => {
    const closed: HazardState = { status: 'closed', level: 'general', mode: 'immediate', deadline: null };
    for (const action of ['approve', 'reinspect_fixed', 'close_on_spot'] as const) {
      const r = transition(closed, fullInput(action), admin);
      expect(r).toMatchObject({ ok: false, code: 'HAZARD_ALREADY_CLOSED' });
      if (!r.ok) {
        expect(r.zh).toContain('已销号');
        expect(r.en).toContain('reopen');
      }
    }
  });
});

describe('random action sequences (property)', () => {
  const edges = new Set(Object.values(HAZARD_TRANSITIONS).flatMap((r) => r.from.map((f) => `${f}>${r.to}`)));
  const hazardArb = fc.record({
    status: fc.constantFrom(...HAZARD_STATUSES),
    level: fc.constantFrom(...HAZARD_LEVELS),
    mode: fc.constantFrom(...RECTIFICATION_MODES),
    deadline: fc.constantFrom(null, '2026-05-06'),
  });
  const stepArb = fc.record({
    action: fc.constantFrom(...HAZARD_ACTIONS),
    roles: fc.subarray([...ROLES] as Role[]),
    isParty: fc.boolean(),
    evidence: fc.option(fc.array(fc.constantFrom('p1', 'p2', ' '), { maxLength: 2 }), { nil: undefined }),
    reason: fc.option(fc.constantFrom('', ' ', '整改不到位'), { nil: undefined }),
  });

  it('never leaves the table, and a cancelled hazard never changes', () => {
    fc.assert(
      fc.property(hazardArb, fc.array(stepArb, { maxLength: 40 }), (start, steps) => {
        let hazard: HazardState = start;
        for (const step of steps) {
          const before = hazard.status;
          const result = transition(hazard, { action: step.action, evidence: step.evidence, reason: step.reason }, { roles: step.roles, isParty: step.isParty });
          if (before === 'cancelled') {
            expect(result).toMatchObject({ ok: false, code: 'HAZARD_CANCELLED' });
            continue;
          }
          if (!result.ok) continue;
          expect(HAZARD_STATUSES).toContain(result.next.status);
          expect(edges.has(`${before}>${result.next.status}`)).toBe(true);
          expect(result.event).toMatchObject({ action: step.action, from: before, to: result.next.status });
          expect(allowedActions(hazard, { roles: step.roles, isParty: step.isParty })).toContain(step.action);
          hazard = { ...hazard, ...result.next };
        }
      }),
      { numRuns: 500 },
    );
  });
});
