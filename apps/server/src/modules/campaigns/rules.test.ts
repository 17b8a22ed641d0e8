import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BATCH_SIGNOFF_ROLES, CAMPAIGN_UNIT_KINDS, SITE_KINDS, type BatchSignoffRole, type CampaignUnitKind } from '@anxun/contracts';
import {
  addDays,
  attainment,
  campaignStatus,
  campaignWeeks,
  isDecided,
  isMonday,
  mondayOf,
  pathsIntersect,
  pendingRoles,
  planTargets,
  planWeeks,
  signRefusal,
  siteInCampaignScope,
  spreadEvenly,
  unitProblems,
  unitProblemText,
  weeksBetween,
  PARENT_KIND,
} from './rules.ts';

const TOWN = '/330109000000/330109118000/';
const VILLAGE = `${TOWN}330109118201/`;
const OTHER_TOWN = '/330109000000/330109119000/';

describe('campaignStatus', () => {
  const c = { startsOn: '2026-03-02', endsOn: '2026-04-30' };
  it.each([
    ['2026-03-01', 'planned'],
    ['2026-03-02', 'active'],
    ['2026-04-01', 'active'],
    ['2026-04-30', 'active'],
    ['2026-05-01', 'finished'],
  ])('%s → %s', (today, status) => expect(campaignStatus(c, today)).toBe(status));

  it('a one-day campaign is active on that day only', () => {
    const one = { startsOn: '2026-03-02', endsOn: '2026-03-02' };
    expect([campaignStatus(one, '2026-03-01'), campaignStatus(one, '2026-03-02'), campaignStatus(one, '2026-03-03')]).toEqual(['planned', 'active', 'finished']);
  });
});

describe('siteInCampaignScope', () => {
  const campaign = { areaPath: TOWN, siteKinds: ['enterprise', 'street_shop'] as const };
  it('needs both the area prefix and a covered kind', () => {
    expect(siteInCampaignScope(campaign, { areaPath: VILLAGE, kind: 'enterprise' })).toBe(true);
    expect(siteInCampaignScope(campaign, { areaPath: TOWN, kind: 'street_shop' })).toBe(true);
    expect(siteInCampaignScope(campaign, { areaPath: VILLAGE, kind: 'rental_housing' })).toBe(false);
    expect(siteInCampaignScope(campaign, { areaPath: OTHER_TOWN, kind: 'enterprise' })).toBe(false);
    expect(siteInCampaignScope(campaign, { areaPath: '/330109000000/', kind: 'enterprise' })).toBe(false);
  });
  it('matches whole path segments only (trailing slash)', () => {
    expect(siteInCampaignScope({ areaPath: '/1/12/', siteKinds: ['other'] }, { areaPath: '/1/123/', kind: 'other' })).toBe(false);
  });
  it('agrees with prefix ∧ membership for every kind', () => {
    fc.assert(
      fc.property(fc.subarray([...SITE_KINDS], { minLength: 1 }), fc.constantFrom(...SITE_KINDS), fc.constantFrom(TOWN, VILLAGE, OTHER_TOWN), (kinds, kind, path) => {
        expect(siteInCampaignScope({ areaPath: TOWN, siteKinds: kinds }, { areaPath: path, kind })).toBe(path.startsWith(TOWN) && kinds.includes(kind));
      }),
    );
  });
});

describe('pathsIntersect', () => {
  it('is true when either subtree holds the other', () => {
    expect(pathsIntersect(TOWN, VILLAGE)).toBe(true);
    expect(pathsIntersect(VILLAGE, TOWN)).toBe(true);
    expect(pathsIntersect(TOWN, TOWN)).toBe(true);
    expect(pathsIntersect(TOWN, OTHER_TOWN)).toBe(false);
  });
});

describe('unitProblems (the organisation tree)', () => {
  const village = { level: 'village' as const, path: VILLAGE };
  const parents: (CampaignUnitKind | null)[] = [null, ...CAMPAIGN_UNIT_KINDS];

  it('accepts exactly one parent kind per unit kind', () => {
    for (const kind of CAMPAIGN_UNIT_KINDS) {
      for (const parentKind of parents) {
        const area = kind === 'village_team' ? village : null;
        const codes = unitProblems({ kind, parentKind, area, otherOffices: 0 }, TOWN).map((p) => p.code);
        expect(codes.includes('parent_kind'), `${kind} under ${parentKind}`).toBe(parentKind !== PARENT_KIND[kind]);
      }
    }
  });

  it('puts the office and working groups at the top and zone → squad → village team below', () => {
    expect(PARENT_KIND).toEqual({ office: null, working_group: null, zone: null, squad: 'zone', village_team: 'squad' });
  });

  it('allows one office per campaign', () => {
    expect(unitProblems({ kind: 'office', parentKind: null, area: null, otherOffices: 1 }, TOWN)).toEqual([{ code: 'second_office' }]);
    expect(unitProblems({ kind: 'working_group', parentKind: null, area: null, otherOffices: 1 }, TOWN)).toEqual([]);
  });

  it('needs a village inside the campaign area for a village team', () => {
    const team = (area: { level: 'village' | 'grid' | 'town'; path: string } | null) => unitProblems({ kind: 'village_team', parentKind: 'squad', area, otherOffices: 0 }, TOWN).map((p) => p.code);
    expect(team(village)).toEqual([]);
    expect(team(null)).toEqual(['area_required']);
    expect(team({ level: 'grid', path: `${VILLAGE}G01/` })).toEqual(['area_not_village']);
    expect(team({ level: 'town', path: TOWN })).toEqual(['area_not_village']);
    expect(team({ level: 'village', path: `${OTHER_TOWN}330109119201/` })).toEqual(['area_outside_campaign']);
  });

  it('refuses an area on any other unit', () => {
    for (const kind of CAMPAIGN_UNIT_KINDS.filter((k) => k !== 'village_team')) {
      expect(unitProblems({ kind, parentKind: PARENT_KIND[kind], area: village, otherOffices: 0 }, TOWN)).toEqual([{ code: 'area_not_allowed' }]);
    }
  });

  it('explains every problem in Chinese and English', () => {
    const problems = [
      { code: 'parent_kind', expected: 'zone' },
      { code: 'parent_kind', expected: null },
      { code: 'second_office' },
      { code: 'area_not_allowed' },
      { code: 'area_required' },
      { code: 'area_not_village' },
      { code: 'area_outside_campaign' },
    ] as const;
    for (const p of problems) {
      const text = unitProblemText(p);
      expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(text.en).toMatch(/[a-z]/);
    }
    expect(unitProblemText({ code: 'parent_kind', expected: 'zone' }).zh).toBe('上级必须是片区');
  });
});

describe('weeks (Monday-based, calendar dates)', () => {
  it('finds the Monday of any day', () => {
    expect(mondayOf('2026-03-02')).toBe('2026-03-02'); // a Monday
    expect(mondayOf('2026-03-08')).toBe('2026-03-02'); // Sunday belongs to the week before
    expect(mondayOf('2026-03-09')).toBe('2026-03-09');
    expect(mondayOf('2026-01-01')).toBe('2025-12-29'); // across a year end
  });
  it('mondayOf is a Monday on or before the day, less than a week before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), (offset) => {
        const day = addDays('2024-01-01', offset);
        const monday = mondayOf(day);
        expect(isMonday(monday)).toBe(true);
        expect(monday <= day && addDays(monday, 7) > day).toBe(true);
      }),
    );
  });
  it('lists every week touching the period', () => {
    expect(weeksBetween('2026-03-04', '2026-03-16')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(campaignWeeks({ startsOn: '2026-03-02', endsOn: '2026-03-08' })).toEqual(['2026-03-02']);
  });
  it('plans from this week, or from the start when the campaign has not begun; nothing once it is over', () => {
    const c = { startsOn: '2026-03-02', endsOn: '2026-03-29' };
    expect(planWeeks(c, '2026-02-01')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']);
    expect(planWeeks(c, '2026-03-18')).toEqual(['2026-03-16', '2026-03-23']);
    expect(planWeeks(c, '2026-03-29')).toEqual(['2026-03-23']);
    expect(planWeeks(c, '2026-03-30')).toEqual([]);
  });
});

describe('spreadEvenly / planTargets (倒排)', () => {
  it('splits evenly with the remainder on the earliest weeks', () => {
    expect(spreadEvenly(10, 3)).toEqual([4, 3, 3]);
    expect(spreadEvenly(11, 3)).toEqual([4, 4, 3]);
    expect(spreadEvenly(2, 4)).toEqual([1, 1, 0, 0]);
    expect(spreadEvenly(0, 2)).toEqual([0, 0]);
    expect(spreadEvenly(7, 1)).toEqual([7]);
  });
  it('sums exactly, never increases week over week, and differs by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 1, max: 60 }), (total, weeks) => {
        const parts = spreadEvenly(total, weeks);
        expect(parts).toHaveLength(weeks);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        for (let i = 1; i < parts.length; i++) expect(parts[i]! <= parts[i - 1]!).toBe(true);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
      }),
    );
  });
  it('refuses what cannot be split', () => {
    expect(() => spreadEvenly(-1, 2)).toThrow(RangeError);
    expect(() => spreadEvenly(1.5, 2)).toThrow(RangeError);
    expect(() => spreadEvenly(3, 0)).toThrow(RangeError);
  });
  it('gives each week both targets', () => {
    expect(planTargets({ sitesInspected: 5, hazardsClosed: 3 }, ['2026-03-02', '2026-03-09'])).toEqual([
      { weekStart: '2026-03-02', sitesInspected: 3, hazardsClosed: 2 },
      { weekStart: '2026-03-09', sitesInspected: 2, hazardsClosed: 1 },
    ]);
    expect(planTargets({ sitesInspected: 5, hazardsClosed: 3 }, [])).toEqual([]);
  });
});

describe('attainment', () => {
  it('is actual ÷ target, may exceed 1, and has no value without a target', () => {
    expect(attainment(3, 4)).toBe(0.75);
    expect(attainment(6, 4)).toBe(1.5);
    expect(attainment(0, 4)).toBe(0);
    expect(attainment(3, 0)).toBeNull();
    expect(attainment(3, null)).toBeNull();
    expect(attainment(0, undefined)).toBeNull();
  });
});

describe('three-batch sign-offs', () => {
  const subsets = fc.subarray([...BATCH_SIGNOFF_ROLES]);
  it('is decided only with all three roles and not superseded', () => {
    fc.assert(
      fc.property(subsets, fc.boolean(), (signed, superseded) => {
        expect(isDecided({ signed, superseded })).toBe(!superseded && signed.length === 3);
        expect(pendingRoles(signed)).toEqual(BATCH_SIGNOFF_ROLES.filter((r) => !signed.includes(r)));
      }),
    );
  });
  it('takes each role once, and nothing on a superseded proposal', () => {
    const all: BatchSignoffRole[] = [...BATCH_SIGNOFF_ROLES];
    fc.assert(
      fc.property(subsets, fc.boolean(), fc.constantFrom(...all), (signed, superseded, role) => {
        const expected = superseded ? 'superseded' : signed.includes(role) ? 'already_signed' : null;
        expect(signRefusal({ signed, superseded }, role)).toBe(expected);
      }),
    );
  });
  it('lists pending roles in the fixed order', () => {
    expect(pendingRoles([])).toEqual(['village_secretary', 'liaison_cadre', 'squad_leader']);
    expect(pendingRoles(['liaison_cadre'])).toEqual(['village_secretary', 'squad_leader']);
  });
});
