import type { AreaLevel, SiteKind } from '@anxun/contracts';
import { apportion, createRng, type Rng } from './random.ts';
import { centroid, partition, roundCell, toGeoJson, type Cell, type GeoPolygon, type Point } from './geometry.ts';
import { placeNames, roadNames } from './names.ts';
import { districtCell, townCells } from './layout.ts';
import { scaleSpec, type DemoScale, type KindCounts, type TownSpec } from './scales.ts';

export interface DemoArea {
  code: string;
  parentCode: string | null;
  level: AreaLevel;
  name: string;
  /** '/' + codes from the root joined by '/' + '/'. */
  path: string;
  centre: Point;
  boundary: GeoPolygon;
}

export interface VillagePlan {
  area: DemoArea;
  /** The village's own roads, for addresses. */
  roads: string[];
}

export interface MicroGridPlan {
  area: DemoArea;
  /** The stored (rounded) polygon, which every site point must fall inside. */
  cell: Cell;
  village: VillagePlan;
  sites: KindCounts;
}

export interface TownPlan {
  spec: TownSpec;
  area: DemoArea;
  villages: VillagePlan[];
  grids: DemoArea[];
  microGrids: MicroGridPlan[];
}

export interface AreaPlan {
  scale: DemoScale;
  seed: string;
  district: DemoArea;
  towns: TownPlan[];
}

export const DEFAULT_SEED = 'anxun-demo';
const KINDS: readonly SiteKind[] = ['enterprise', 'street_shop', 'rental_housing', 'high_rise', 'other'];

function makeArea(level: AreaLevel, code: string, name: string, parent: DemoArea | null, cell: Cell): DemoArea {
  const rounded = roundCell(cell);
  const [lng, lat] = centroid(rounded);
  return {
    code,
    parentCode: parent?.code ?? null,
    level,
    name,
    path: `${parent?.path ?? '/'}${code}/`,
    centre: [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6],
    boundary: toGeoJson(rounded),
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const jitter = (rng: Rng, count: number, lo: number, hi: number) => Array.from({ length: count }, () => rng.float(lo, hi));

/** Each micro-grid's leaning: industrial blocks hold the firms, main streets the shops, the rest homes. */
function kindWeights(rng: Rng, inCommunity: boolean): Record<SiteKind, number> {
  const character = rng.weighted({ industrial: 3, commercial: 2, residential: 5 });
  return {
    enterprise: character === 'industrial' ? 6 : character === 'commercial' ? 0.6 : 0.3,
    street_shop: character === 'commercial' ? 5 : character === 'residential' ? 1 : 0.6,
    rental_housing: character === 'residential' ? 3 : character === 'industrial' ? 1.2 : 1,
    high_rise: inCommunity ? (character === 'residential' ? 3 : 1.5) : 0.1,
    other: 1,
  };
}

function planTown(spec: TownSpec, district: DemoArea, cell: Cell, rng: Rng): TownPlan {
  const town = makeArea('town', spec.code, spec.name, district, cell);
  const prefix = spec.code.slice(0, 9);
  const places = [spec.short, ...placeNames(rng, spec.villages - 1, new Set([spec.short]))];
  const villageWeights = jitter(rng, spec.villages, 0.6, 1.6);
  const villageCells = partition(cell, villageWeights, rng);
  const gridsPerVillage = apportion(spec.grids, villageWeights, 1);
  const gridWeights = jitter(rng, spec.grids, 0.7, 1.3);
  const microPerGrid = apportion(spec.microGrids, gridWeights, 1);

  const villages: VillagePlan[] = [];
  const grids: DemoArea[] = [];
  const microGrids: MicroGridPlan[] = [];
  const weights: Record<SiteKind, number>[] = [];
  let gridIndex = 0;
  villageCells.forEach((villageCell, v) => {
    const isCommunity = v < spec.communities;
    const code = prefix + (isCommunity ? pad(v + 1, 3) : pad(201 + v - spec.communities, 3));
    const name = `${places[v]!}${isCommunity ? '社区' : '村'}`;
    const village: VillagePlan = { area: makeArea('village', code, name, town, villageCell), roads: [] };
    villages.push(village);
    const count = gridsPerVillage[v]!;
    let villageMicros = 0;
    const mine = gridWeights.slice(gridIndex, gridIndex + count);
    partition(villageCell, mine, rng).forEach((gridCell, g) => {
      const grid = makeArea('grid', `${code}-G${pad(g + 1, 2)}`, `${name}第${g + 1}网格`, village.area, gridCell);
      grids.push(grid);
      const micros = microPerGrid[gridIndex + g]!;
      villageMicros += micros;
      partition(gridCell, jitter(rng, micros, 0.8, 1.2), rng).forEach((microCell, m) => {
        const area = makeArea('micro_grid', `${grid.code}-W${pad(m + 1, 2)}`, `${name}${g + 1}网格${m + 1}号微网格`, grid, microCell);
        const rounded = area.boundary.coordinates[0]!.slice(0, -1).map((p) => [p[0], p[1]] as const);
        microGrids.push({ area, cell: rounded, village, sites: { enterprise: 0, street_shop: 0, rental_housing: 0, high_rise: 0, other: 0 } });
        weights.push(kindWeights(rng, isCommunity));
      });
    });
    gridIndex += count;
    // About one road per three micro-grids, so house numbers run on for a while along each.
    village.roads = roadNames(places[v]!, Math.max(2, Math.ceil(villageMicros / 3)));
  });
  for (const kind of KINDS) {
    const split = apportion(spec.sites[kind], weights.map((w) => w[kind]));
    microGrids.forEach((mg, i) => (mg.sites[kind] = split[i]!));
  }
  return { spec, area: town, villages, grids, microGrids };
}

/** Pure and deterministic: the whole area tree of a scale, with every micro-grid's site quota. */
export function planAreas(scale: DemoScale, seed: string = DEFAULT_SEED): AreaPlan {
  const spec = scaleSpec(scale);
  const rng = createRng(`${seed}/areas`);
  const district = makeArea('district', spec.district.code, spec.district.name, null, districtCell());
  const cells = townCells(spec.towns, rng.fork('towns'));
  const towns = spec.towns.map((t, i) => planTown(t, district, cells[i]!, rng.fork(t.code)));
  return { scale, seed, district, towns };
}

/** Every area, parents before children. */
export function* allAreas(plan: AreaPlan): Generator<DemoArea> {
  yield plan.district;
  for (const town of plan.towns) yield town.area;
  for (const town of plan.towns) for (const v of town.villages) yield v.area;
  for (const town of plan.towns) yield* town.grids;
  for (const town of plan.towns) for (const mg of town.microGrids) yield mg.area;
}
