import { z } from 'zod';
import {
  BatchDecision,
  BatchListQuery,
  BatchPage,
  BatchProposeBody,
  BatchSignBody,
  Campaign,
  CampaignAssignBody,
  CampaignAssignResult,
  CampaignDetail,
  CampaignListQuery,
  CampaignMemberWriteBody,
  CampaignReassignBody,
  CampaignSitePage,
  CampaignSiteQuery,
  CampaignTargets,
  CampaignUnassignResult,
  CampaignUnitUpdateBody,
  CampaignUnitWriteBody,
  CampaignUpdateBody,
  CampaignWriteBody,
  TargetEditBody,
  TargetPlanBody,
  pageOf,
} from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { createCampaign, getCampaign, listCampaigns, updateCampaign } from './service.ts';
import { addMember, createUnit, deleteUnit, removeMember, updateMember, updateUnit } from './org.ts';
import { assignSites, listCampaignSites, reassignSite, unassignSite } from './assignments.ts';
import { editTarget, getTargets, planCampaignTargets } from './targets.ts';
import { listBatches, proposeBatch, signBatch } from './batches.ts';

const Params = z.object({ id: z.uuid() });
const SiteParams = z.object({ id: z.uuid(), siteId: z.uuid() });
const tags = ['campaigns'];
const detail = { 200: CampaignDetail };

/** 专项行动: the campaign, its organisation (一办六组, 片区→小组→村社队), site assignment, weekly targets and 三个一批. */
export const campaignRoutes: ModuleRoutes = (app, { database }) => {
  app.get('/campaigns', { schema: { tags, summary: '专项行动列表 List campaigns', querystring: CampaignListQuery, response: { 200: pageOf(Campaign) } } }, async (request) =>
    listCampaigns(contextOf(request, database), request.query),
  );

  app.post('/campaigns', { schema: { tags, summary: '新建专项行动 Create a campaign', body: CampaignWriteBody, response: { 201: Campaign } } }, async (request, reply) => {
    reply.status(201);
    return createCampaign(contextOf(request, database), request.body);
  });

  app.get('/campaigns/:id', { schema: { tags, summary: '专项行动（含组织架构）Campaign with its organisation', params: Params, response: detail } }, async (request) =>
    getCampaign(contextOf(request, database), request.params.id),
  );

  app.patch('/campaigns/:id', { schema: { tags, summary: '修改专项行动 Update a campaign', params: Params, body: CampaignUpdateBody, response: detail } }, async (request) =>
    updateCampaign(contextOf(request, database), request.params.id, request.body),
  );

  // --- organisation ---
  app.post('/campaigns/:id/units', { schema: { tags, summary: '新增组织单元 Add an organisation unit', params: Params, body: CampaignUnitWriteBody, response: detail } }, async (request) =>
    createUnit(contextOf(request, database), request.params.id, request.body),
  );

  app.patch('/campaign-units/:id', { schema: { tags, summary: '修改组织单元 Update a unit', params: Params, body: CampaignUnitUpdateBody, response: detail } }, async (request) =>
    updateUnit(contextOf(request, database), request.params.id, request.body),
  );

  app.delete('/campaign-units/:id', { schema: { tags, summary: '删除空的组织单元 Delete an empty unit', params: Params, response: detail } }, async (request) =>
    deleteUnit(contextOf(request, database), request.params.id),
  );

  app.post('/campaign-units/:id/members', { schema: { tags, summary: '添加成员 Add a member', params: Params, body: CampaignMemberWriteBody, response: detail } }, async (request) =>
    addMember(contextOf(request, database), request.params.id, request.body),
  );

  app.patch('/campaign-members/:id', { schema: { tags, summary: '修改成员 Update a member', params: Params, body: CampaignMemberWriteBody.partial(), response: detail } }, async (request) =>
    updateMember(contextOf(request, database), request.params.id, request.body),
  );

  app.delete('/campaign-members/:id', { schema: { tags, summary: '移除成员 Remove a member', params: Params, response: detail } }, async (request) =>
    removeMember(contextOf(request, database), request.params.id),
  );

  // --- site assignment ---
  app.get('/campaigns/:id/sites', { schema: { tags, summary: '行动范围内的受检单位及分配 Sites in scope and their squads', params: Params, querystring: CampaignSiteQuery, response: { 200: CampaignSitePage } } }, async (request) =>
    listCampaignSites(contextOf(request, database), request.params.id, request.query),
  );

  app.post('/campaigns/:id/assignments', { schema: { tags, summary: '按区域或清单批量分配 Assign sites in bulk', params: Params, body: CampaignAssignBody, response: { 200: CampaignAssignResult } } }, async (request) =>
    assignSites(contextOf(request, database), request.params.id, request.body),
  );

  app.put('/campaigns/:id/sites/:siteId', { schema: { tags, summary: '调整单个受检单位的小组 Reassign one site', params: SiteParams, body: CampaignReassignBody, response: { 200: CampaignAssignResult } } }, async (request) =>
    reassignSite(contextOf(request, database), request.params.id, request.params.siteId, request.body.unitId),
  );

  app.delete('/campaigns/:id/sites/:siteId', { schema: { tags, summary: '取消分配 Unassign one site', params: SiteParams, response: { 200: CampaignUnassignResult } } }, async (request) =>
    unassignSite(contextOf(request, database), request.params.id, request.params.siteId),
  );

  // --- weekly targets ---
  app.get('/campaigns/:id/targets', { schema: { tags, summary: '小组周目标与完成率 Weekly targets and attainment', params: Params, response: { 200: CampaignTargets } } }, async (request) =>
    getTargets(contextOf(request, database), request.params.id),
  );

  app.post('/campaigns/:id/targets/plan', { schema: { tags, summary: '倒排周目标 Plan weekly targets backwards from the end date', params: Params, body: TargetPlanBody, response: { 200: CampaignTargets } } }, async (request) =>
    planCampaignTargets(contextOf(request, database), request.params.id, request.body),
  );

  app.put('/campaigns/:id/targets', { schema: { tags, summary: '手工设定一周目标 Set one week\'s target', params: Params, body: TargetEditBody, response: { 200: CampaignTargets } } }, async (request) =>
    editTarget(contextOf(request, database), request.params.id, request.body),
  );

  // --- three batches ---
  app.get('/campaigns/:id/batches', { schema: { tags, summary: '三个一批 Three batches', params: Params, querystring: BatchListQuery, response: { 200: BatchPage } } }, async (request) =>
    listBatches(contextOf(request, database), request.params.id, request.query),
  );

  app.post('/campaigns/:id/batches', { schema: { tags, summary: '提出三个一批 Propose a batch', params: Params, body: BatchProposeBody, response: { 201: BatchDecision } } }, async (request, reply) => {
    reply.status(201);
    return proposeBatch(contextOf(request, database), request.params.id, request.body);
  });

  app.post('/batch-decisions/:id/signoffs', { schema: { tags, summary: '签字确认 Sign off a batch decision', params: Params, body: BatchSignBody, response: { 200: BatchDecision } } }, async (request) =>
    signBatch(contextOf(request, database), request.params.id, request.body),
  );
};
