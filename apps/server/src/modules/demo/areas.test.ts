import { describe, it, expect } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { DIVISION_CODE_PATTERN } from '@anxun/contracts';
import { allAreas, planAreas, type DemoArea } from './areas.ts';
import { cellArea, type Cell } from './geometry.ts';
import { createRng } from './random.ts';
import { generateSites, type DemoSite } from './sites.ts';
import { GUALI_BOX, totalSites } from './scales.ts';

const guali = planAreas('guali');
const town = planAreas('town');

const ringOf = (a: DemoArea): Cell => a.boundary.coordinates[0]!.slice(0, -1).map((p) => [p[0], p[1]] as const);
const countLevels = (areas: DemoArea[]) => Object.fromEntries(['district', 'town', 'village', 'grid', 'micro_grid'].map((l) => [l, areas.filter((a) => a.level === l).length]));

describe('planAreas', () => {
  it('builds Guali at its real size', () => {
    expect(countLevels([...allAreas(guali)])).toEqual({ district: 1, town: 1, village: 74, grid: 160, micro_grid: 2283 });
  });

  it('builds a small town for the default demo', () => {
    expect(countLevels([...allAreas(town)])).toEqual({ district: 1, town: 1, village: 12, grid: 30, micro_grid: 150 });
  });

  it('is deterministic per seed', () => {
    expect(JSON.stringify([...allAreas(planAreas('town'))])).toBe(JSON.stringify([...allAreas(town)]));
    expect(JSON.stringify([...allAreas(planAreas('town', 'other'))])).not.toBe(JSON.stringify([...allAreas(town)]));
  });

  it('uses official-style codes and materialised paths', () => {
    const areas = [...allAreas(guali)];
    const byCode = new Map(areas.map((a) => [a.code, a]));
    expect(new Set(areas.map((a) => a.code)).size).toBe(areas.length);
    expect(byCode.get('330109000000')!.path).toBe('/330109000000/');
    expect(byCode.get('330109118000')!.name).toBe('瓜沥镇');
    for (const a of areas) {
      const parent = a.parentCode ? byCode.get(a.parentCode)! : null;
      expect(a.path).toBe(`${parent?.path ?? '/'}${a.code}/`);
      if (a.level === 'village') {
        expect(a.code).toMatch(DIVISION_CODE_PATTERN);
        expect(a.code.startsWith('330109118')).toBe(true);
        expect(a.name).toMatch(/(村|社区)$/);
      }
      if (a.level === 'grid') expect(a.code).toMatch(new RegExp(`^${a.parentCode}-G\\d{2}$`));
      if (a.level === 'micro_grid') expect(a.code).toMatch(new RegExp(`^${a.parentCode}-W\\d{2}$`));
    }
    expect(new Set(guali.towns[0]!.villages.map((v) => v.area.name)).size).toBe(74);
  });

  it('tiles each parent with its children: areas add up and every point lies in exactly one child', () => {
    const areas = [...allAreas(guali)];
    const children = new Map<string, DemoArea[]>();
    for (const a of areas) if (a.parentCode) children.set(a.parentCode, [...(children.get(a.parentCode) ?? []), a]);
    for (const a of areas.filter((x) => x.level === 'village' || x.level === 'grid')) {
      const sum = children.get(a.code)!.reduce((s, c) => s + cellArea(ringOf(c)), 0);
      expect(Math.abs(sum - cellArea(ringOf(a))) / cellArea(ringOf(a))).toBeLessThan(1e-3);
    }
    const villages = guali.towns[0]!.villages.map((v) => v.area);
    const rng = createRng('probe');
    for (let i = 0; i < 500; i++) {
      const point = [rng.float(GUALI_BOX.west, GUALI_BOX.east), rng.float(GUALI_BOX.south, GUALI_BOX.north)];
      const hits = villages.filter((v) => booleanPointInPolygon(point, v.boundary, { ignoreBoundary: true })).length;
      expect(hits).toBe(1);
    }
  });

  it('puts every centre inside its own area', () => {
    for (const a of allAreas(guali)) expect(booleanPointInPolygon([...a.centre], a.boundary)).toBe(true);
  });

  it('spreads the exact site quotas over the micro-grids', () => {
    const mgs = guali.towns[0]!.microGrids;
    const sum = (k: 'enterprise' | 'street_shop' | 'rental_housing') => mgs.reduce((s, m) => s + m.sites[k], 0);
    expect([sum('enterprise'), sum('street_shop'), sum('rental_housing')]).toEqual([2906, 5295, 17172]);
    expect(mgs.reduce((s, m) => s + totalSites(m.sites), 0)).toBe(25433);
  });

  it('plans the city: ~2,000 villages in several towns and a million sites', () => {
    const city = planAreas('city');
    expect(city.towns.length).toBeGreaterThan(10);
    expect(city.towns[0]!.spec.code).toBe('330109118000');
    expect(city.towns.reduce((s, t) => s + t.villages.length, 0)).toBe(2000);
    expect(city.towns.reduce((s, t) => s + t.microGrids.reduce((x, m) => x + totalSites(m.sites), 0), 0)).toBe(1_000_000);
    expect(new Set(city.towns.map((t) => t.spec.code)).size).toBe(city.towns.length);
    // Sites stream lazily: the first thousand come without generating the other 999,000.
    const stream = generateSites(city);
    const first = Array.from({ length: 1000 }, () => stream.next().value as DemoSite);
    expect(first.every((s) => s.areaPath.startsWith('/330109000000/330109118000/'))).toBe(true);
  });
});
