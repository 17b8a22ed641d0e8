import type { RiskLevel, SiteFlag, SiteKind } from '@anxun/contracts';
import { createRng, exactSelector, type Rng } from './random.ts';
import { pointSampler } from './geometry.ts';
import { enterpriseName, highRiseName, otherName, personName, shopName } from './names.ts';
import { DEMO_PARTY_PHONE, creditCodeMaker, sitePhone } from './identity.ts';
import type { AreaPlan, MicroGridPlan, TownPlan } from './areas.ts';

export interface DemoSite {
  kind: SiteKind;
  /** Sorted, as the sites module stores them. */
  flags: SiteFlag[];
  name: string;
  creditCode: string | null;
  address: string;
  lng: number;
  lat: number;
  /** The micro-grid the site lies in. */
  areaCode: string;
  areaPath: string;
  responsiblePerson: string;
  phone: string;
  industry: string;
  riskLevel: RiskLevel;
  employees: number | null;
  floorArea: number | null;
}

const KINDS: readonly SiteKind[] = ['enterprise', 'street_shop', 'rental_housing', 'high_rise', 'other'];

// Mostly low and general risk; factories-inside-factories and high-rises skew higher.
const RISK: Record<SiteKind | 'factory_in_factory', Record<RiskLevel, number>> = {
  enterprise: { blue: 52, yellow: 38, orange: 8, red: 2 },
  factory_in_factory: { blue: 30, yellow: 45, orange: 18, red: 7 },
  street_shop: { blue: 68, yellow: 28, orange: 3.5, red: 0.5 },
  rental_housing: { blue: 62, yellow: 33, orange: 4, red: 1 },
  high_rise: { blue: 15, yellow: 50, orange: 28, red: 7 },
  other: { blue: 55, yellow: 38, orange: 6, red: 1 },
};

/** Log-uniform: many small places, a few big ones. */
const logUniform = (rng: Rng, min: number, max: number) => Math.round(Math.exp(rng.float(Math.log(min), Math.log(max))));

function shuffledKinds(mg: MicroGridPlan, rng: Rng): SiteKind[] {
  const kinds = KINDS.flatMap((k) => Array<SiteKind>(mg.sites[k]).fill(k));
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  return kinds;
}

interface Body {
  name: string;
  industry: string;
  flags: SiteFlag[];
  employees: number | null;
  floorArea: number;
}

function describe(kind: SiteKind, town: TownPlan, village: string, houseNo: number, rng: Rng, fif: () => boolean): Body {
  if (kind === 'enterprise') {
    const { name, industry } = enterpriseName(rng, town.spec.short);
    const inFactory = fif();
    const flags: SiteFlag[] = inFactory ? ['factory_in_factory'] : rng.chance(0.12) ? ['multi_tenant'] : [];
    const employees = inFactory ? rng.int(3, 30) : logUniform(rng, 5, 320);
    const floorArea = inFactory ? logUniform(rng, 100, 1500) : logUniform(rng, 300, 20000);
    return { name, industry, flags, employees, floorArea };
  }
  if (kind === 'street_shop') {
    const flags: SiteFlag[] = rng.chance(0.08) ? ['three_in_one'] : [];
    return { ...shopName(rng), flags, employees: rng.int(1, 8), floorArea: logUniform(rng, 15, 300) };
  }
  if (kind === 'rental_housing') {
    const flags: SiteFlag[] = rng.chance(0.05) ? ['three_in_one'] : [];
    return { name: `${village}${houseNo}号出租房`, industry: '房屋租赁', flags, employees: null, floorArea: logUniform(rng, 60, 600) };
  }
  if (kind === 'high_rise') return { ...highRiseName(rng), flags: [], employees: null, floorArea: logUniform(rng, 8000, 60000) };
  return { ...otherName(rng, village), flags: [], employees: rng.int(2, 20), floorArea: logUniform(rng, 100, 2000) };
}

/**
 * Pure and deterministic: every site of the plan, streamed micro-grid by micro-grid so even the
 * city scale never sits in memory. Addresses are unique by construction (one house number per
 * road and village), which makes (name, address) unique; credit codes are unique per serial.
 */
export function* generateSites(plan: AreaPlan): Generator<DemoSite> {
  const creditCode = creditCodeMaker(createRng(`${plan.seed}/credit`));
  let serial = 0;
  let first = true;
  for (const town of plan.towns) {
    const rng = createRng(`${plan.seed}/sites/${town.spec.code}`);
    const selector = exactSelector(rng.fork('fif'), town.spec.factoryInFactory, town.spec.sites.enterprise);
    const fif = () => selector.take();
    let village = town.microGrids[0]?.village;
    let villageMicro = 0;
    let nextNo = new Map<string, number>();
    for (const mg of town.microGrids) {
      if (mg.village !== village) {
        village = mg.village;
        villageMicro = 0;
        nextNo = new Map();
      }
      const roads = mg.village.roads;
      const road = roads[Math.min(roads.length - 1, Math.floor(villageMicro / 3))]!;
      villageMicro += 1;
      const point = pointSampler(mg.cell, rng);
      const villageName = mg.village.area.name;
      for (const kind of shuffledKinds(mg, rng)) {
        const houseNo = (nextNo.get(road) ?? 0) + rng.int(1, 3);
        nextNo.set(road, houseNo);
        const body = describe(kind, town, villageName, houseNo, rng, fif);
        const [lng, lat] = point();
        yield {
          kind,
          flags: body.flags,
          name: body.name,
          creditCode: kind === 'enterprise' ? creditCode(serial++) : null,
          address: `${town.spec.name}${villageName}${road}${houseNo}号`,
          lng,
          lat,
          areaCode: mg.area.code,
          areaPath: mg.area.path,
          responsiblePerson: personName(rng),
          phone: first ? DEMO_PARTY_PHONE : sitePhone(rng),
          industry: body.industry,
          riskLevel: rng.weighted(body.flags.includes('factory_in_factory') ? RISK.factory_in_factory : RISK[kind]),
          employees: body.employees,
          floorArea: body.floorArea,
        };
        first = false;
      }
    }
  }
}
