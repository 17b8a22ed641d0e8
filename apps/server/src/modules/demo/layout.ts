import { apportion, type Rng } from './random.ts';
import { partition, rectangle, cellArea, type Cell } from './geometry.ts';
import { DISTRICT_BOX, GUALI_BOX, GUALI_CODE, type TownSpec } from './scales.ts';

const box = (b: { west: number; south: number; east: number; north: number }) => rectangle(b.west, b.south, b.east, b.north);

export const districtCell = (): Cell => box(DISTRICT_BOX);

/**
 * One cell per town. Guali always sits on its real extent; the other towns tile the rest of the
 * district: the strip north of Guali, everything west of it, the strip east of it and the block
 * south of it, each region getting towns in proportion to its area.
 */
export function townCells(towns: readonly TownSpec[], rng: Rng): Cell[] {
  const gualiAt = towns.findIndex((t) => t.code === GUALI_CODE);
  if (towns.length === 1) return [gualiAt === 0 ? box(GUALI_BOX) : districtCell()];
  const others = towns.filter((_, i) => i !== gualiAt);
  const d = DISTRICT_BOX;
  const g = GUALI_BOX;
  const regions = [
    box({ west: d.west, south: g.north, east: d.east, north: d.north }),
    box({ west: d.west, south: d.south, east: g.west, north: g.north }),
    box({ west: g.east, south: d.south, east: d.east, north: g.north }),
    box({ west: g.west, south: d.south, east: g.east, north: g.south }),
  ];
  const perRegion = apportion(others.length, regions.map(cellArea), 1);
  const cells: Cell[] = [];
  let next = 0;
  regions.forEach((region, r) => {
    const members = others.slice(next, next + perRegion[r]!);
    next += members.length;
    cells.push(...partition(region, members.map((t) => t.villages), rng));
  });
  if (gualiAt < 0) return cells;
  cells.splice(gualiAt, 0, box(GUALI_BOX));
  return cells;
}
