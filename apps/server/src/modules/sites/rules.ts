import gcoordCjs from 'gcoord';
import type { LngLat, SiteWriteBody } from '@anxun/contracts';
import type { sites } from './schema.ts';

type SiteColumns = Partial<typeof sites.$inferInsert>;

// gcoord's types declare an ES default export, but its CommonJS build has no `default` key.
const gcoord = gcoordCjs as unknown as (typeof gcoordCjs)['default'];

/** Coordinates are stored in WGS-84; Amap/Tencent pickers give GCJ-02. */
export function toWgs84(location: LngLat, system: 'wgs84' | 'gcj02'): LngLat {
  if (system === 'wgs84') return location;
  const [lng, lat] = gcoord.transform([location.lng, location.lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return { lng: round6(lng), lat: round6(lat) };
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

type Parsed = Omit<SiteWriteBody, 'coordSystem' | 'flags'> & { coordSystem?: 'wgs84' | 'gcj02'; flags?: SiteWriteBody['flags'] };

/** Pure: the column values a site write stores (WGS-84, de-duplicated flags, nulls for blanks). */
export function siteColumns(body: Partial<Parsed>): SiteColumns {
  const out: Record<string, unknown> = {};
  if (body.kind !== undefined) out.kind = body.kind;
  if (body.flags !== undefined) out.flags = [...new Set(body.flags)].sort();
  if (body.name !== undefined) out.name = body.name;
  if (body.creditCode !== undefined) out.creditCode = body.creditCode || null;
  if (body.address !== undefined) out.address = body.address;
  if (body.location !== undefined) {
    const loc = body.location ? toWgs84(body.location, body.coordSystem ?? 'wgs84') : null;
    out.lng = loc?.lng ?? null;
    out.lat = loc?.lat ?? null;
  }
  for (const key of ['responsiblePerson', 'phone', 'industry', 'riskLevel', 'employees', 'floorArea'] as const) {
    if (body[key] !== undefined) out[key] = body[key] === '' ? null : body[key];
  }
  return out as SiteColumns;
}

/** Pure: field-level differences between two snapshots, for the timeline. */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const ignored = new Set(['updatedAt', 'createdAt', 'areaPath', 'id']);
  const changes: { field: string; before: unknown; after: unknown }[] = [];
  for (const field of [...keys].sort()) {
    if (ignored.has(field)) continue;
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}
