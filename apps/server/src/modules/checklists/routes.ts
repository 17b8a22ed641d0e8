import { z } from 'zod';
import { ChecklistCreateBody, ChecklistSummary, ChecklistVersion, CombinedForm, DraftItemsBody } from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { combinedFormForSite, createChecklist, createDraft, getVersion, listChecklists, publishDraft, saveDraftItems } from './service.ts';

const Params = z.object({ id: z.uuid() });
const VersionParams = Params.extend({ version: z.coerce.number().int().min(1).max(100_000) });
const tags = ['checklists'];

export const checklistRoutes: ModuleRoutes = (app, { database }) => {
  app.get('/checklists', { schema: { tags, summary: '检查表列表 List checklists', response: { 200: z.array(ChecklistSummary) } } }, async (request) =>
    listChecklists(contextOf(request, database)),
  );

  app.get(
    '/checklists/:id/versions/:version',
    { schema: { tags, summary: '检查表某一版本及其检查项 A checklist version with its items', params: VersionParams, response: { 200: ChecklistVersion } } },
    async (request) => getVersion(contextOf(request, database), request.params.id, request.params.version),
  );

  app.post('/checklists', { schema: { tags, summary: '新建检查表 Create checklist', body: ChecklistCreateBody, response: { 201: ChecklistSummary } } }, async (request, reply) => {
    reply.status(201);
    return createChecklist(contextOf(request, database), request.body);
  });

  app.post(
    '/checklists/:id/draft',
    { schema: { tags, summary: '新建草稿（复制已发布版本）Create a draft from the published version', params: Params, response: { 201: ChecklistVersion } } },
    async (request, reply) => {
      reply.status(201);
      return createDraft(contextOf(request, database), request.params.id);
    },
  );

  app.put(
    '/checklists/:id/draft/items',
    { schema: { tags, summary: '保存草稿检查项（整体替换）Replace the draft\'s items', params: Params, body: DraftItemsBody, response: { 200: ChecklistVersion } } },
    async (request) => saveDraftItems(contextOf(request, database), request.params.id, request.body),
  );

  app.post(
    '/checklists/:id/publish',
    { schema: { tags, summary: '发布草稿 Publish the draft', params: Params, response: { 200: ChecklistVersion } } },
    async (request) => publishDraft(contextOf(request, database), request.params.id),
  );

  app.get(
    '/sites/:id/combined-form',
    { schema: { tags, summary: '综合查一次：该单位适用的全部检查项 Combined inspection form for a site', params: Params, response: { 200: CombinedForm } } },
    async (request) => combinedFormForSite(contextOf(request, database), request.params.id),
  );
};
