import { z } from 'zod';
import { Campaign, CampaignDetail, CampaignListQuery, CampaignUpdateBody, CampaignWriteBody, pageOf } from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { createCampaign, getCampaign, listCampaigns, updateCampaign } from './service.ts';

const Params = z.object({ id: z.uuid() });
const tags = ['campaigns'];

/** 专项行动: the campaign itself; organisation, assignment, targets and batches live in their own route files. */
export const campaignRoutes: ModuleRoutes = (app, { database }) => {
  app.get('/campaigns', { schema: { tags, summary: '专项行动列表 List campaigns', querystring: CampaignListQuery, response: { 200: pageOf(Campaign) } } }, async (request) =>
    listCampaigns(contextOf(request, database), request.query),
  );

  app.post('/campaigns', { schema: { tags, summary: '新建专项行动 Create a campaign', body: CampaignWriteBody, response: { 201: Campaign } } }, async (request, reply) => {
    reply.status(201);
    return createCampaign(contextOf(request, database), request.body);
  });

  app.get('/campaigns/:id', { schema: { tags, summary: '专项行动（含组织架构）Campaign with its organisation', params: Params, response: { 200: CampaignDetail } } }, async (request) =>
    getCampaign(contextOf(request, database), request.params.id),
  );

  app.patch('/campaigns/:id', { schema: { tags, summary: '修改专项行动 Update a campaign', params: Params, body: CampaignUpdateBody, response: { 200: CampaignDetail } } }, async (request) =>
    updateCampaign(contextOf(request, database), request.params.id, request.body),
  );
};
