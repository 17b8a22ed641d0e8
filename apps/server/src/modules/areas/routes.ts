import { z } from 'zod';
import { Area, AreaCreateBody, AreaDetail, AreaListQuery, AreaUpdateBody } from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { listAreas } from './queries.ts';
import { createArea, getArea, updateArea } from './service.ts';
import { canArea } from './policy.ts';
import { notFound } from '../../platform/errors.ts';

const Params = z.object({ id: z.uuid() });
const tags = ['areas'];

export const areaRoutes: ModuleRoutes = (app, { database }) => {
  app.get('/areas', { schema: { tags, summary: '区域树（下级） Area children', querystring: AreaListQuery, response: { 200: z.array(Area) } } }, async (request) => {
    const ctx = contextOf(request, database);
    if (request.query.parentId) {
      await getArea(ctx, request.query.parentId); // 404 for a parent outside the scope
    } else if (!canArea(ctx.actor, 'read', { path: ctx.actor.scopePaths[0] ?? '' })) {
      throw notFound('area');
    }
    return listAreas(database.db, ctx.actor, request.query.parentId);
  });
  app.get('/areas/:id', { schema: { tags, summary: '区域详情 Area', params: Params, response: { 200: AreaDetail } } }, async (request) =>
    getArea(contextOf(request, database), request.params.id),
  );
  app.post('/areas', { schema: { tags, summary: '新建区域 Create area', body: AreaCreateBody, response: { 201: AreaDetail } } }, async (request, reply) => {
    reply.status(201);
    return createArea(contextOf(request, database), request.body);
  });
  app.patch('/areas/:id', { schema: { tags, summary: '修改区域 Update area', params: Params, body: AreaUpdateBody, response: { 200: AreaDetail } } }, async (request) =>
    updateArea(contextOf(request, database), request.params.id, request.body),
  );
};
