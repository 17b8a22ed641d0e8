import { z } from 'zod';
import {
  NailAiring,
  NailAiringQuery,
  NailCreateBody,
  NailDepartmentsBody,
  NailDetail,
  NailList,
  NailListQuery,
  NailMilestoneBody,
  NailMilestoneCompleteBody,
  NailReportBody,
  NailSitesBody,
  NailUpdateBody,
} from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { addNailMilestone, completeNailMilestone, createNail, reportNailProgress, setNailDepartments, setNailSites, updateNail } from './service.ts';
import { getNail, listCampaignNails, nailAiring } from './views.ts';

const CampaignParams = z.object({ campaignId: z.uuid() });
const Params = z.object({ id: z.uuid() });
const tags = ['nails'];
const detail = { 200: NailDetail };

/** 拔钉除患: key and dynamic nails of a campaign, each with its plan, milestones and progress reports. */
export const nailRoutes: ModuleRoutes = (app, { database }) => {
  app.get(
    '/campaigns/:campaignId/nails',
    { schema: { tags, summary: '钉清单 List nails', params: CampaignParams, querystring: NailListQuery, response: { 200: NailList } } },
    async (request) => listCampaignNails(contextOf(request, database), request.params.campaignId, request.query),
  );

  app.post(
    '/campaigns/:campaignId/nails',
    { schema: { tags, summary: '新增钉 Add a nail', params: CampaignParams, body: NailCreateBody, response: { 200: NailDetail } } },
    async (request) => createNail(contextOf(request, database), request.params.campaignId, request.body),
  );

  app.get(
    '/campaigns/:campaignId/nails/airing',
    { schema: { tags, summary: '月晾晒 Monthly airing of nails', params: CampaignParams, querystring: NailAiringQuery, response: { 200: NailAiring } } },
    async (request) => nailAiring(contextOf(request, database), request.params.campaignId, request.query.month),
  );

  app.get('/nails/:id', { schema: { tags, summary: '钉详情 Nail', params: Params, response: detail } }, async (request) => getNail(contextOf(request, database), request.params.id));

  app.patch('/nails/:id', { schema: { tags, summary: '编辑钉与一案一策 Edit a nail and its plan', params: Params, body: NailUpdateBody, response: detail } }, async (request) =>
    updateNail(contextOf(request, database), request.params.id, request.body),
  );

  app.put('/nails/:id/sites', { schema: { tags, summary: '关联受检单位 Link sites', params: Params, body: NailSitesBody, response: detail } }, async (request) =>
    setNailSites(contextOf(request, database), request.params.id, request.body),
  );

  app.put('/nails/:id/departments', { schema: { tags, summary: '责任部门 Responsible departments', params: Params, body: NailDepartmentsBody, response: detail } }, async (request) =>
    setNailDepartments(contextOf(request, database), request.params.id, request.body),
  );

  app.post('/nails/:id/milestones', { schema: { tags, summary: '新增节点 Add a milestone', params: Params, body: NailMilestoneBody, response: detail } }, async (request) =>
    addNailMilestone(contextOf(request, database), request.params.id, request.body),
  );

  app.post(
    '/nails/:id/milestones/:milestoneId/complete',
    { schema: { tags, summary: '完成节点 Complete a milestone', params: Params.extend({ milestoneId: z.uuid() }), body: NailMilestoneCompleteBody, response: detail } },
    async (request) => completeNailMilestone(contextOf(request, database), request.params.id, request.params.milestoneId, request.body),
  );

  app.post('/nails/:id/updates', { schema: { tags, summary: '报告进展 Report progress', params: Params, body: NailReportBody, response: detail } }, async (request) =>
    reportNailProgress(contextOf(request, database), request.params.id, request.body),
  );
};
