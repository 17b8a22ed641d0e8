import { z } from 'zod';
import { ExtensionDecisionBody, ExtensionRequestBody, HazardActionBody, HazardDetail, HazardListQuery, HazardSummary, pageOf } from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { notFound } from '../../platform/errors.ts';
import { findArea } from '../areas/queries.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { hazardFilters, listHazards } from './queries.ts';
import { countLedger, HazardExportQuery, ledgerFileNames, ledgerSheet, prepareHazardExport } from './export.ts';
import { sendXlsx } from '../../platform/xlsx.ts';
import { actOnHazard, decideHazardExtension, getHazardDetail, requestHazardExtension } from './service.ts';

const Params = z.object({ id: z.uuid() });
const tags = ['hazards'];

export const hazardRoutes: ModuleRoutes = (app, { database, jobs }) => {
  app.get('/hazards', { schema: { tags, summary: '隐患台账 List hazards', querystring: HazardListQuery, response: { 200: pageOf(HazardSummary) } } }, async (request) => {
    const ctx = contextOf(request, database);
    const { page, pageSize, sort, ...filters } = request.query;
    const area = filters.areaId ? await findArea(database.db, filters.areaId) : undefined;
    if (filters.areaId && !area) throw notFound('area');
    const today = shanghaiDate();
    return listHazards(database.db, hazardFilters(ctx.actor, filters, today, area?.path), page, pageSize, today, sort, filters.q ? 'hasMore' : 'capped');
  });

  app.get('/hazards/export.xlsx', { schema: { tags, summary: '导出隐患台账（xlsx）Export the hazard ledger as xlsx', querystring: HazardExportQuery } }, async (request, reply) => {
    const ctx = contextOf(request, database);
    const { exportId, lang, ...filters } = request.query;
    const today = shanghaiDate();
    const where = await prepareHazardExport(ctx, filters, today);
    const total = await countLedger(database.db, where);
    return sendXlsx(reply, { ...ledgerSheet(database.db, where, today, lang), ...ledgerFileNames(), total, userId: ctx.actor.id, exportId });
  });

  app.get('/hazards/:id', { schema: { tags, summary: '隐患详情 Hazard', params: Params, response: { 200: HazardDetail } } }, async (request) =>
    getHazardDetail(contextOf(request, database), request.params.id),
  );

  app.post('/hazards/:id/actions', { schema: { tags, summary: '隐患流转（整改、复查、销号、退回、重开、撤销）Act on a hazard', params: Params, body: HazardActionBody, response: { 200: HazardDetail } } }, async (request) => {
    const detail = await actOnHazard(contextOf(request, database), request.params.id, request.body);
    if (detail.status === 'closed') await jobs.trigger('sms-dispatch');
    return detail;
  });

  app.post('/hazards/:id/extensions', { schema: { tags, summary: '申请延期 Request an extension', params: Params, body: ExtensionRequestBody, response: { 200: HazardDetail } } }, async (request) =>
    requestHazardExtension(contextOf(request, database), request.params.id, request.body),
  );

  app.post(
    '/hazards/:id/extensions/:extensionId/decision',
    { schema: { tags, summary: '审批延期 Decide an extension', params: Params.extend({ extensionId: z.uuid() }), body: ExtensionDecisionBody, response: { 200: HazardDetail } } },
    async (request) => decideHazardExtension(contextOf(request, database), request.params.id, request.params.extensionId, request.body),
  );
};
