import { z } from 'zod';
import { SiteOrdersView, SuspensionBody, YellowCardBody } from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { getSiteOrders, issueYellowCard, liftSuspension, resolveYellowCard, suspendSite } from './service.ts';

const Params = z.object({ id: z.uuid() });
const tags = ['site-orders'];
const response = { 200: SiteOrdersView };

/** 黄牌 and 停业整改: every write answers with the refreshed view, colour already recomputed. */
export const siteOrderRoutes: ModuleRoutes = (app, { database }) => {
  app.get('/sites/:id/orders', { schema: { tags, summary: '黄牌、停业整改、五色履历、通知书与检查记录 Site orders', params: Params, response } }, async (request) =>
    getSiteOrders(contextOf(request, database), request.params.id),
  );

  app.post('/sites/:id/yellow-cards', { schema: { tags, summary: '发出黄牌 Issue a yellow card', params: Params, body: YellowCardBody, response } }, async (request) =>
    issueYellowCard(contextOf(request, database), request.params.id, request.body),
  );

  app.post('/yellow-cards/:id/resolve', { schema: { tags, summary: '解除黄牌 Resolve a yellow card', params: Params, response } }, async (request) =>
    resolveYellowCard(contextOf(request, database), request.params.id),
  );

  app.post('/sites/:id/suspension', { schema: { tags, summary: '责令停业整改 Order suspension', params: Params, body: SuspensionBody, response } }, async (request) =>
    suspendSite(contextOf(request, database), request.params.id, request.body),
  );

  app.post('/sites/:id/suspension/lift', { schema: { tags, summary: '解除停业整改 Lift suspension', params: Params, body: SuspensionBody, response } }, async (request) =>
    liftSuspension(contextOf(request, database), request.params.id, request.body),
  );
};
