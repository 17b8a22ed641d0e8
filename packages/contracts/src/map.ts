import { z } from 'zod';
import { AreaLevel, RiskLevel, SITE_COLOURS, SiteColour, SiteKind } from './enums.ts';
import { AreaBoundary, Id, IsoDateTime, LngLat } from './common.ts';
import { HazardLevel, HazardStatus } from './hazards.ts';

/** "west,south,east,north" in WGS-84 degrees. */
export const MapBbox = z
  .string()
  .transform((v) => v.split(',').map(Number))
  .pipe(
    z
      .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)])
      .refine(([w, s, e, n]) => w <= e && s <= n, { message: '范围须为 西,南,东,北 | bbox must be west,south,east,north' }),
  );
export type MapBbox = z.infer<typeof MapBbox>;

/** The map's filters; every one narrows the viewer's own scope, never widens it. */
export const MapFilters = z.object({
  areaId: Id.optional(),
  kind: SiteKind.optional(),
  /** One colour, or several separated by commas. */
  colours: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(SiteColour).min(1))
    .optional(),
  riskLevel: RiskLevel.optional(),
  /** Sites with an open hazard of this department. */
  departmentId: Id.optional(),
  campaignId: Id.optional(),
  squadId: Id.optional(),
});
export type MapFilters = z.infer<typeof MapFilters>;

export const MapZoom = z.coerce.number().min(0).max(22);

export const MapClusterQuery = MapFilters.extend({ bbox: MapBbox, zoom: MapZoom });
export type MapClusterQuery = z.infer<typeof MapClusterQuery>;

export const ColourCounts = z.object(Object.fromEntries(SITE_COLOURS.map((c) => [c, z.number().int()])) as Record<SiteColour, z.ZodNumber>);
export type ColourCounts = z.infer<typeof ColourCounts>;

export const MapCluster = z.object({ lng: z.number(), lat: z.number(), count: z.number().int(), counts: ColourCounts });
export type MapCluster = z.infer<typeof MapCluster>;

export const MapPin = z.object({ id: Id, lng: z.number(), lat: z.number(), colour: SiteColour, name: z.string(), kind: SiteKind });
export type MapPin = z.infer<typeof MapPin>;

export const MapClusters = z.object({
  clusters: z.array(MapCluster),
  pins: z.array(MapPin),
  /** Per colour over the whole scope under the other filters (the colour filter left out, so the legend can toggle colours). */
  legend: ColourCounts,
  /** Matching sites (all filters) without coordinates: counted in the legend, absent from the map. */
  unlocated: z.number().int(),
  /** west, south, east, north of every matching located site (not just the viewport), so the map can fit them. */
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
});
export type MapClusters = z.infer<typeof MapClusters>;

export const MapAreasQuery = z.object({ bbox: MapBbox, zoom: MapZoom });

export const MapArea = z.object({ id: Id, name: z.string(), level: AreaLevel, centre: LngLat.nullable(), boundary: AreaBoundary });
export type MapArea = z.infer<typeof MapArea>;

export const MapSiteCard = z.object({
  id: Id,
  name: z.string(),
  kind: SiteKind,
  address: z.string(),
  colour: SiteColour,
  riskLevel: RiskLevel.nullable(),
  areaName: z.string(),
  location: LngLat.nullable(),
  openHazards: z.array(
    z.object({ id: Id, description: z.string(), level: HazardLevel, status: HazardStatus, deadline: z.string().nullable(), departmentName: z.string() }),
  ),
});
export type MapSiteCard = z.infer<typeof MapSiteCard>;

export const MapOptions = z.object({
  departments: z.array(z.object({ id: Id, name: z.string() })),
  campaigns: z.array(z.object({ id: Id, name: z.string(), squads: z.array(z.object({ id: Id, name: z.string() })) })),
});
export type MapOptions = z.infer<typeof MapOptions>;

/** The basemap: none (area polygons on a plain background) unless MAP_TILE_URL is set. */
export const MapTileCrs = z.enum(['wgs84', 'gcj02']);
export type MapTileCrs = z.infer<typeof MapTileCrs>;
export const MapConfig = z.object({ tileUrl: z.string().nullable(), crs: MapTileCrs, attribution: z.string().nullable(), maxZoom: z.number().int() });
export type MapConfig = z.infer<typeof MapConfig>;

/** One server-sent `colour` event. */
export const MapColourEvent = z.object({
  id: z.number().int(),
  siteId: Id,
  colour: SiteColour,
  previous: SiteColour.nullable(),
  reason: z.string(),
  at: IsoDateTime,
});
export type MapColourEvent = z.infer<typeof MapColourEvent>;

export const MapEventsQuery = z.object({
  /** The stream ends after this many seconds; EventSource reconnects by itself (keeps proxies from holding dead connections). */
  maxSeconds: z.coerce.number().min(0.1).max(3600).default(300),
});
