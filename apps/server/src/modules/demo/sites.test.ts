import { describe, it, expect } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { isValidMobile, isValidUscc, SITE_KINDS } from '@anxun/contracts';
import { planAreas, type AreaPlan, type MicroGridPlan } from './areas.ts';
import { generateSites, type DemoSite } from './sites.ts';
import { DEMO_PARTY_PHONE, DEMO_PHONE_PREFIX } from './identity.ts';
import { createRng } from './random.ts';

function load(plan: AreaPlan) {
  const sites = [...generateSites(plan)];
  const microGrids = new Map<string, MicroGridPlan>(plan.towns.flatMap((t) => t.microGrids.map((m) => [m.area.code, m] as const)));
  return { sites, microGrids };
}

const town = load(planAreas('town'));
const guali = load(planAreas('guali'));

const countBy = (sites: DemoSite[], key: (s: DemoSite) => string) => {
  const out: Record<string, number> = {};
  for (const s of sites) out[key(s)] = (out[key(s)] ?? 0) + 1;
  return out;
};

const inside = (site: DemoSite, microGrids: Map<string, MicroGridPlan>) =>
  booleanPointInPolygon([site.lng, site.lat], microGrids.get(site.areaCode)!.area.boundary, { ignoreBoundary: true });

describe('generateSites', () => {
  it('gives Guali its campaign numbers exactly', () => {
    expect(guali.sites.length).toBe(25433);
    expect(countBy(guali.sites, (s) => s.kind)).toEqual({ enterprise: 2906, street_shop: 5295, rental_housing: 17172, high_rise: 40, other: 20 });
    expect(guali.sites.filter((s) => s.flags.includes('factory_in_factory')).length).toBe(764);
  });

  it('gives the small town about 2,000 sites of every kind', () => {
    expect(town.sites.length).toBe(2000);
    expect(Object.keys(countBy(town.sites, (s) => s.kind)).sort()).toEqual([...SITE_KINDS].sort());
  });

  it('is deterministic per seed', () => {
    const again = [...generateSites(planAreas('town'))];
    expect(again).toEqual(town.sites);
    const other = generateSites(planAreas('town', 'another seed')).next().value as DemoSite;
    expect(other.name === town.sites[0]!.name && other.lng === town.sites[0]!.lng).toBe(false);
  });

  it('places every small-town site inside its micro-grid', () => {
    expect(town.sites.filter((site) => !inside(site, town.microGrids))).toEqual([]);
  });

  it('places a sample of Guali sites inside their micro-grids, with matching area paths', () => {
    const rng = createRng('sample');
    for (let i = 0; i < 500; i++) {
      const site = rng.pick(guali.sites);
      expect(inside(site, guali.microGrids)).toBe(true);
      expect(site.areaPath).toBe(guali.microGrids.get(site.areaCode)!.area.path);
    }
  });

  it('uses valid demo phones and valid, unique credit codes', () => {
    expect(guali.sites[0]!.phone).toBe(DEMO_PARTY_PHONE);
    expect(guali.sites.filter((s) => s.phone === DEMO_PARTY_PHONE).length).toBe(1);
    expect(guali.sites.filter((s) => !isValidMobile(s.phone) || !s.phone.startsWith(DEMO_PHONE_PREFIX))).toEqual([]);
    const enterprises = guali.sites.filter((s) => s.kind === 'enterprise');
    expect(enterprises.filter((s) => !isValidUscc(s.creditCode ?? '') || !s.creditCode!.startsWith('91330109'))).toEqual([]);
    expect(guali.sites.filter((s) => s.kind !== 'enterprise' && s.creditCode !== null)).toEqual([]);
    const codes = guali.sites.flatMap((s) => (s.creditCode ? [s.creditCode] : []));
    expect(new Set(codes).size).toBe(2906);
  });

  it('keeps name + address unique, as the database requires', () => {
    for (const { sites } of [town, guali]) expect(new Set(sites.map((s) => `${s.name}\u0000${s.address}`)).size).toBe(sites.length);
  });

  it('writes realistic names, addresses and attributes', () => {
    const enterprise = guali.sites.find((s) => s.kind === 'enterprise')!;
    expect(enterprise.name).toMatch(/^杭州.+有限公司$/);
    expect(enterprise.industry).toBeTruthy();
    expect(guali.sites.find((s) => s.kind === 'rental_housing')!.name).toMatch(/(村|社区)\d+号出租房$/);
    for (const s of guali.sites.slice(0, 2000)) {
      expect(s.address).toMatch(/^瓜沥镇.+(村|社区).+\d+号$/);
      expect(s.responsiblePerson).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(s.flags).toEqual([...s.flags].sort());
    }
    const risk = countBy(guali.sites, (s) => s.riskLevel);
    expect(risk.blue! + risk.yellow!).toBeGreaterThan(0.85 * guali.sites.length);
    expect(risk.red!).toBeGreaterThan(0);
  });
});
