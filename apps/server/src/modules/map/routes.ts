import { z } from 'zod';
import { MapArea, MapAreasQuery, MapClusterQuery, MapClusters, MapConfig, MapEventsQuery, MapOptions, MapSiteCard } from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf, loadActor, SESSION_COOKIE } from '../../platform/auth/session.ts';
import { pathInScope } from '../../platform/scope.ts';
import { MapFeed, type ColourChange } from './feed.ts';
import { assertCanMap, mapAreas, mapClusters, mapOptions, mapSiteCard } from './service.ts';

const tags = ['map'];
/** Comment lines keep proxies from closing a quiet stream; each one also re-checks the session (logout ends the stream). */
const HEARTBEAT_MS = 10_000;

export const mapRoutes: ModuleRoutes = (app, { database, config }) => {
  const feed = new MapFeed(database);
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of streams) end();
    feed.close();
  });

  app.get('/map/config', { schema: { tags, summary: '一张图底图配置 Map basemap configuration', response: { 200: MapConfig } } }, async (request) => {
    assertCanMap(contextOf(request, database));
    return config.map;
  });

  app.get('/map/options', { schema: { tags, summary: '一张图筛选项（部门、专项行动、小组）Map filter options', response: { 200: MapOptions } } }, async (request) =>
    mapOptions(contextOf(request, database)),
  );

  app.get(
    '/map/clusters',
    { schema: { tags, summary: '视野内聚合点与五色计数 Viewport clusters with per-colour counts', querystring: MapClusterQuery, response: { 200: MapClusters } } },
    async (request) => mapClusters(contextOf(request, database), feed, request.query),
  );

  app.get('/map/areas', { schema: { tags, summary: '视野内区域边界 Area polygons in the viewport', querystring: MapAreasQuery, response: { 200: z.array(MapArea) } } }, async (request) =>
    mapAreas(contextOf(request, database), request.query),
  );

  app.get('/map/sites/:id', { schema: { tags, summary: '地图点位卡片 Site card', params: z.object({ id: z.uuid() }), response: { 200: MapSiteCard } } }, async (request) =>
    mapSiteCard(contextOf(request, database), request.params.id),
  );

  app.get(
    '/map/events',
    { schema: { tags, summary: '五色变化实时推送（SSE：colour 事件）Live colour changes (server-sent events)', querystring: MapEventsQuery } },
    async (request, reply) => {
      const ctx = contextOf(request, database);
      assertCanMap(ctx);
      const token = request.cookies[SESSION_COOKIE]!;
      // Fail before the stream opens if the index cannot load.
      await feed.current();
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      raw.write(`retry: 3000\n: connected\n\n`);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        streams.delete(end);
        raw.end();
      };
      const unsubscribe = feed.subscribe((change: ColourChange) => {
        if (!pathInScope(ctx.actor, change.areaPath)) return;
        const { areaPath: _path, ...event } = change;
        raw.write(`id: ${event.id}\nevent: colour\ndata: ${JSON.stringify(event)}\n\n`);
      });
      const heartbeat = setInterval(() => {
        void loadActor(database.db, token)
          .then((actor) => (actor ? raw.write(': ping\n\n') : end()))
          .catch(() => end());
      }, HEARTBEAT_MS);
      const lifetime = setTimeout(end, request.query.maxSeconds * 1000);
      streams.add(end);
      request.raw.on('close', end);
    },
  );
};
