import { z } from 'zod';
import { RankingHistory, RankingHistoryQuery, RankingQuery, RankingView } from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { getRanking, getRankingHistory } from './service.ts';
import { RankingExportQuery, rankingFileNames, rankingSheet } from './export.ts';
import { sendXlsx } from '../../platform/xlsx.ts';

const Params = z.object({ id: z.uuid() });
const tags = ['rankings'];

/** 排名晾晒: daily (live today, snapshots before), month and quarter views, history for charts. */
export const rankingRoutes: ModuleRoutes = (app, { database, jobs }) => {
  app.get(
    '/campaigns/:id/rankings',
    { schema: { tags, summary: '村社、小组排名（日、月、季） Village and squad rankings', params: Params, querystring: RankingQuery, response: { 200: RankingView } } },
    async (request) => getRanking(contextOf(request, database), request.params.id, request.query),
  );

  app.get(
    '/campaigns/:id/rankings/export.xlsx',
    { schema: { tags, summary: '导出排名（xlsx）Export rankings as xlsx', params: Params, querystring: RankingExportQuery } },
    async (request, reply) => {
      const ctx = contextOf(request, database);
      const { exportId, lang, ...query } = request.query;
      const view = await getRanking(ctx, request.params.id, query);
      return sendXlsx(reply, { ...rankingSheet(view, lang), ...rankingFileNames(view), total: view.rows.length, userId: ctx.actor.id, exportId });
    },
  );

  app.get(
    '/campaigns/:id/rankings/history',
    { schema: { tags, summary: '排名走势 Ranking history', params: Params, querystring: RankingHistoryQuery, response: { 200: RankingHistory } } },
    async (request) => {
      const history = await getRankingHistory(contextOf(request, database), request.params.id, request.query);
      // A campaign created with a past start has no snapshots for its first days yet: back-fill them now, not at midnight.
      if (history.missingDays > 0) await jobs.trigger('ranking-snapshot');
      return history;
    },
  );
};
