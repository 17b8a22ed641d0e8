import { z } from 'zod';
import { AreaLevel } from './enums.ts';
import { AreaBoundary, Id, LngLat } from './common.ts';

export const Area = z.object({
  id: Id,
  parentId: Id.nullable(),
  level: AreaLevel,
  code: z.string(),
  name: z.string(),
  path: z.string().describe('materialised path of codes, e.g. /330109000000/330109104000/'),
  centre: LngLat.nullable(),
  siteCount: z.number().int().optional(),
});
export type Area = z.infer<typeof Area>;

export const AreaDetail = Area.extend({ boundary: AreaBoundary.nullable() });

export const AreaCreateBody = z.object({
  parentId: Id.nullable(),
  level: AreaLevel,
  code: z.string().trim().min(1).max(32),
  name: z.string().trim().min(1).max(100),
  centre: LngLat.nullable().optional(),
  boundary: AreaBoundary.nullable().optional(),
});
export const AreaUpdateBody = AreaCreateBody.pick({ name: true, centre: true, boundary: true }).partial();

export const AreaListQuery = z.object({
  parentId: Id.optional(),
  withBoundary: z.coerce.boolean().optional(),
});
