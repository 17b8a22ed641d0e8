import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../demo/random.ts';
import { addDays, closeOutGoal, failureCount, planOrg, rankingsStartDay, scheduleInspections, timeOfDay } from './plan.ts';

describe('planOrg', () => {
  it('gives Guali 3 zones, 12 squads, 74 village teams and about 800 people', () => {
    const org = planOrg(74, createRng('x'));
    expect(org.zones).toHaveLength(3);
    expect(org.squads).toHaveLength(12);
    expect(org.squads.flatMap((s) => s.villages).sort((a, b) => a - b)).toEqual(Array.from({ length: 74 }, (_, i) => i));
    expect(org.zones.flatMap((z) => z.squads)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    const people = org.teamSizes.reduce((a, b) => a + b, 0) + org.squads.length + org.zones.length;
    expect(people).toBeGreaterThan(700);
    expect(people).toBeLessThan(900);
  });

  it('puts every village in exactly one squad, whatever the count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (villages) => {
        const org = planOrg(villages, createRng(villages));
        expect(org.squads.flatMap((s) => s.villages)).toHaveLength(villages);
        expect(org.squads.length).toBeLessThanOrEqual(12);
        expect(org.zones.length).toBeLessThanOrEqual(3);
      }),
    );
  });
});

describe('closeOutGoal', () => {
  it('stalls near 22% before the rankings start, then climbs past 80% by the last day', () => {
    const days = 15;
    const goals = Array.from({ length: days }, (_, d) => closeOutGoal(d, days));
    expect(goals[rankingsStartDay(days) - 1]).toBeCloseTo(0.22);
    expect(goals.at(-1)).toBeGreaterThan(0.8);
    for (let d = 1; d < days; d++) expect(goals[d]).toBeGreaterThanOrEqual(goals[d - 1]!);
  });

  it('stays a share for any campaign length', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 120 }), fc.nat(), (days, d) => {
      const goal = closeOutGoal(d % days, days);
      expect(goal).toBeGreaterThan(0);
      expect(goal).toBeLessThanOrEqual(0.84);
    }));
  });
});

describe('scheduleInspections', () => {
  it('inspects inside the first 80% of the days, replays for a seed, and samples with a fraction', () => {
    const villages = Array.from({ length: 5000 }, (_, i) => i % 10);
    const pace = Array.from({ length: 10 }, (_, i) => 0.7 + i / 10);
    const a = scheduleInspections(villages, pace, 15, createRng('s'));
    expect(scheduleInspections(villages, pace, 15, createRng('s'))).toEqual(a);
    expect(Math.max(...a.filter((d): d is number => d !== null))).toBeLessThan(12);
    expect(a.filter((d) => d === null).length).toBeLessThan(100);
    const sample = scheduleInspections(villages, pace, 15, createRng('s'), 0.1).filter((d) => d !== null).length;
    expect(sample).toBeGreaterThan(400);
    expect(sample).toBeLessThan(600);
  });
});

describe('failureCount', () => {
  it('averages the kind mean and never exceeds the form', () => {
    const rng = createRng('f');
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += failureCount('rental_housing', 50, rng);
    expect(sum / n).toBeCloseTo(1.75, 1);
    for (let i = 0; i < 1000; i++) expect(failureCount('enterprise', 2, rng)).toBeLessThanOrEqual(2);
  });
});

describe('time helpers', () => {
  it('spreads events over Shanghai office hours and counts calendar days across month ends', () => {
    expect(timeOfDay('2026-03-02', 0, 2, 8, 10).toISOString()).toBe('2026-03-02T00:30:00.000Z');
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
  });
});
