import type { MapAreasQuery, MapClusterQuery, MapClusters, MapSiteCard } from '@anxun/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { findArea } from '../areas/queries.ts';
import { findSite } from '../sites/queries.ts';
import { canSite } from '../sites/policy.ts';
import type { MapFeed } from './feed.ts';
import { areaLevelForZoom, scopePrefixes } from './rules.ts';
import { ViewportTooLarge } from './site-index.ts';
import { areaTouchesScope, canMap } from './policy.ts';
import { allDepartments, areasInView, campaignsFor, memberIds, openHazardsOf, siteNames } from './queries.ts';

const MAX_AREAS = 500;

function assertCanMap(ctx: RequestContext) {
  if (!canMap(ctx.actor)) throw forbidden('一张图仅供工作人员使用', 'The map is for officials');
}

export async function mapClusters(ctx: RequestContext, feed: MapFeed, q: MapClusterQuery): Promise<MapClusters> {
  assertCanMap(ctx);
  const { actor } = ctx;
  const db = ctx.database.db;
  let areaPath: string | undefined;
  if (q.areaId) {
    const area = await findArea(db, q.areaId);
    if (!area || !areaTouchesScope(actor, area.path)) throw notFound('area');
    areaPath = area.path;
  }
  const [index, members] = await Promise.all([feed.current(), memberIds(db, q)]);
  let answer;
  try {
    answer = index.query({
      prefixes: scopePrefixes(actor.scopePaths, areaPath),
      kind: q.kind,
      riskLevel: q.riskLevel,
      colours: q.colours,
      members,
      bbox: q.bbox,
      zoom: q.zoom,
    });
  } catch (error) {
    if (error instanceof ViewportTooLarge) throw new AppError(400, 'viewport_too_large', '视野过大，请放大地图', 'The viewport is too large for this zoom');
    throw error;
  }
  const names = await siteNames(db, answer.pins.map((p) => p.id));
  return { ...answer, pins: answer.pins.map((p) => ({ ...p, name: names.get(p.id) ?? '' })) };
}

export async function mapAreas(ctx: RequestContext, q: z.infer<typeof MapAreasQuery>) {
  assertCanMap(ctx);
  return areasInView(ctx.database.db, ctx.actor, areaLevelForZoom(q.zoom), q.bbox, MAX_AREAS);
}

export async function mapSiteCard(ctx: RequestContext, id: string): Promise<MapSiteCard> {
  assertCanMap(ctx);
  const found = await findSite(ctx.database.db, id);
  if (!found || !canSite(ctx.actor, 'read', found.site)) throw notFound('site');
  const { site } = found;
  return {
    id: site.id,
    name: site.name,
    kind: site.kind,
    address: site.address,
    colour: site.colour,
    riskLevel: site.riskLevel,
    areaName: found.areaName,
    location: site.lng !== null && site.lat !== null ? { lng: site.lng, lat: site.lat } : null,
    openHazards: await openHazardsOf(ctx.database.db, id),
  };
}

export async function mapOptions(ctx: RequestContext) {
  assertCanMap(ctx);
  const db = ctx.database.db;
  return { departments: await allDepartments(db), campaigns: await campaignsFor(db, ctx.actor) };
}

export { assertCanMap };
