import type { ServerResponse } from 'node:http';
import {
  ActivityQuery,
  BreakdownQuery,
  Dashboard,
  DashboardActivity,
  DashboardBreakdown,
  DashboardOverdue,
  DashboardQuery,
  DashboardTrend,
  OverdueQuery,
  TrendQuery,
  type DashboardChangedEvent,
} from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { getActivity, getBreakdown, getDashboard, getOverdue, getTrend, liveLens } from './service.ts';
import { watchDashboard } from './live.ts';

const tags = ['dashboard'];
/** Proxies drop idle connections after about a minute; a comment line keeps the stream open. */
const HEARTBEAT_MS = 25_000;

export const dashboardRoutes: ModuleRoutes = (app, { database }) => {
  app.get('/dashboard', { schema: { tags, summary: '驾驶舱指标与五色分布 Dashboard KPIs and sites by colour', querystring: DashboardQuery, response: { 200: Dashboard } } }, async (request) =>
    getDashboard(contextOf(request, database), request.query),
  );

  app.get('/dashboard/trend', { schema: { tags, summary: '每日发现与销号 Daily hazards found vs closed', querystring: TrendQuery, response: { 200: DashboardTrend } } }, async (request) =>
    getTrend(contextOf(request, database), request.query),
  );

  app.get('/dashboard/breakdowns', { schema: { tags, summary: '分项统计（村社、小组、部门、领域、单位类型）Breakdown', querystring: BreakdownQuery, response: { 200: DashboardBreakdown } } }, async (request) =>
    getBreakdown(contextOf(request, database), request.query),
  );

  app.get('/dashboard/overdue', { schema: { tags, summary: '逾期隐患（逾期最久在前）Top overdue hazards', querystring: OverdueQuery, response: { 200: DashboardOverdue } } }, async (request) =>
    getOverdue(contextOf(request, database), request.query),
  );

  app.get('/dashboard/activity', { schema: { tags, summary: '今日动态 Today’s activity', querystring: ActivityQuery, response: { 200: DashboardActivity } } }, async (request) =>
    getActivity(contextOf(request, database), request.query),
  );

  const open = new Set<() => void>();
  // preClose, not onClose: an open stream would otherwise keep the server from closing at all.
  app.addHook('preClose', async () => {
    for (const close of [...open]) close();
  });

  app.get(
    '/dashboard/events',
    { schema: { tags, summary: '实时更新（SSE：范围内有变化时推送 changed）Live updates (server-sent events)', querystring: DashboardQuery } },
    async (request, reply) => {
      // Scope and role are checked before the stream opens, so a refusal is an ordinary error response.
      const lens = await liveLens(contextOf(request, database), request.query);
      reply.hijack();
      const res: ServerResponse = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write('retry: 5000\n\nevent: ready\ndata: {}\n\n');
      const changed = (kinds: DashboardChangedEvent['kinds']) => res.write(`event: changed\ndata: ${JSON.stringify({ kinds } satisfies DashboardChangedEvent)}\n\n`);
      const stop = watchDashboard(database, lens, changed, (error) => request.log.error({ err: error }, 'dashboard live update failed'));
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const close = () => {
        if (!open.delete(close)) return;
        clearInterval(heartbeat);
        stop();
        res.end();
      };
      open.add(close);
      request.raw.on('close', close);
      res.on('close', close);
    },
  );
};
