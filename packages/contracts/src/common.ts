import { z } from 'zod';

export const Id = z.uuid();
export const IsoDateTime = z.iso.datetime({ offset: true });

/** One error shape for every 4xx/5xx answer. */
export const ApiError = z.object({
  code: z.string(),
  message: z.string().describe('中文说明'),
  messageEn: z.string(),
  details: z
    .array(z.object({ path: z.string(), message: z.string(), messageEn: z.string() }))
    .optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/**
 * A page of a list. Large lists stop counting at 10,000 and keyword searches do not count at all:
 * then `totalCapped` is true and there are more than `total` rows (show "10,000+", offer a next page).
 */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().describe('行数；totalCapped 为真时是下限 Row count, a lower bound when totalCapped'),
    totalCapped: z.boolean().optional().describe('为真时实际多于 total 行 More than total rows exist'),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const LngLat = z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) });
export type LngLat = z.infer<typeof LngLat>;

/** Input coordinates may come from Amap/Tencent (GCJ-02) or GPS/Tianditu (WGS-84); stored as WGS-84. */
export const CoordSystem = z.enum(['wgs84', 'gcj02']);

/** A GeoJSON Polygon or MultiPolygon, validated structurally. */
const Ring = z.array(z.tuple([z.number(), z.number()])).min(4);
export const AreaBoundary = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);
export type AreaBoundary = z.infer<typeof AreaBoundary>;

/** The actions a viewer may take on a resource, so the UI shows only those. */
export const Allowed = z.record(z.string(), z.boolean());
