import { Briefing, BriefingParams } from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { contentDisposition } from '../../platform/xlsx.ts';
import { briefingFileName, getBriefing } from './service.ts';
import { renderBriefingPdf } from './render.ts';

const tags = ['briefings'];

/** 每日通报: the day's figures as JSON for the page, and the same briefing as an A4 PDF. */
export const briefingRoutes: ModuleRoutes = (app, { database }) => {
  app.get(
    '/campaigns/:id/briefings/:day',
    { schema: { tags, summary: '每日通报 Daily briefing', params: BriefingParams, response: { 200: Briefing } } },
    async (request) => getBriefing(contextOf(request, database), request.params.id, request.params.day),
  );

  app.get(
    '/campaigns/:id/briefings/:day/pdf',
    { schema: { tags, summary: '每日通报 PDF Daily briefing as PDF', produces: ['application/pdf'], params: BriefingParams } },
    async (request, reply) => {
      const briefing = await getBriefing(contextOf(request, database), request.params.id, request.params.day);
      const body = await renderBriefingPdf(briefing);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(`${briefingFileName(briefing)}.pdf`, `briefing-${briefing.day}.pdf`))
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
};
