import path from 'node:path';
import { z } from 'zod';
import { Attachment, AttachmentKind, SiteDetail, SiteListQuery, SiteUpdateBody, SiteWriteBody, TimelineEvent, pageOf, Site } from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { MIME_BY_EXT, storeUpload } from '../../platform/uploads.ts';
import { findArea } from '../areas/queries.ts';
import { listSites, siteFilters } from './queries.ts';
import { assertCanAttach, createSite, getSiteDetail, recordAttachment, siteTimeline, updateSite } from './service.ts';
import { canSite } from './policy.ts';
import { findSite } from './queries.ts';
import { countSites, prepareExport, SiteExportQuery, siteExportFileNames, siteSheet } from './export.ts';
import { sendXlsx } from '../../platform/xlsx.ts';

const Params = z.object({ id: z.uuid() });
const tags = ['sites'];

export const siteRoutes: ModuleRoutes = (app, { database, storage }) => {
  app.get('/sites', { schema: { tags, summary: '受检单位列表 List sites', querystring: SiteListQuery, response: { 200: pageOf(Site) } } }, async (request) => {
    const ctx = contextOf(request, database);
    const { page, pageSize, ...filters } = request.query;
    const area = filters.areaId ? await findArea(database.db, filters.areaId) : undefined;
    if (filters.areaId && !area) throw notFound('area');
    return listSites(database.db, siteFilters(ctx.actor, filters, area?.path), page, pageSize, filters.q ? 'hasMore' : 'capped');
  });

  app.get('/sites/export.xlsx', { schema: { tags, summary: '导出受检单位（xlsx，与名册模板同列）Export sites as xlsx', querystring: SiteExportQuery } }, async (request, reply) => {
    const ctx = contextOf(request, database);
    const where = await prepareExport(ctx, request.query);
    const total = await countSites(database.db, where);
    return sendXlsx(reply, { ...siteSheet(database.db, where), ...siteExportFileNames(), total, userId: ctx.actor.id, exportId: request.query.exportId });
  });

  app.get('/sites/:id', { schema: { tags, summary: '一企一档 Site archive', params: Params, response: { 200: SiteDetail } } }, async (request) =>
    getSiteDetail(contextOf(request, database), request.params.id),
  );

  app.post('/sites', { schema: { tags, summary: '新建受检单位 Create site', body: SiteWriteBody, response: { 201: SiteDetail } } }, async (request, reply) => {
    reply.status(201);
    return createSite(contextOf(request, database), request.body);
  });

  app.patch('/sites/:id', { schema: { tags, summary: '修改受检单位 Update site', params: Params, body: SiteUpdateBody, response: { 200: SiteDetail } } }, async (request) =>
    updateSite(contextOf(request, database), request.params.id, request.body),
  );

  app.get('/sites/:id/timeline', { schema: { tags, summary: '履历 Site timeline', params: Params, response: { 200: z.array(TimelineEvent) } } }, async (request) =>
    siteTimeline(contextOf(request, database), request.params.id),
  );

  app.post(
    '/sites/:id/attachments',
    { schema: { tags, summary: '上传附件（multipart：kind, file）Upload attachment', consumes: ['multipart/form-data'], params: Params, response: { 201: Attachment } } },
    async (request, reply) => {
      const ctx = contextOf(request, database);
      await assertCanAttach(ctx, request.params.id);
      let kind: z.infer<typeof AttachmentKind> | undefined;
      for await (const part of request.parts()) {
        if (part.type === 'field' && part.fieldname === 'kind') {
          const parsed = AttachmentKind.safeParse(part.value);
          if (!parsed.success) throw badRequest('invalid_kind', '附件类型无效', 'Invalid attachment kind', [{ path: 'body.kind', message: '附件类型无效', messageEn: 'Invalid kind' }]);
          kind = parsed.data;
        } else if (part.type === 'file') {
          if (!kind) throw badRequest('kind_first', '请先提供附件类型 kind 字段', 'Send the kind field before the file');
          const data = await part.toBuffer();
          const mimeType = part.mimetype === 'application/octet-stream' ? (MIME_BY_EXT[path.extname(part.filename).toLowerCase()] ?? part.mimetype) : part.mimetype;
          const stored = await storeUpload(storage, `sites/${request.params.id}`, { fileName: part.filename, mimeType, data });
          reply.status(201);
          return recordAttachment(ctx, request.params.id, kind, stored);
        }
      }
      throw badRequest('file_missing', '未收到文件', 'No file was uploaded');
    },
  );

  /** Stored files of a site; readable by whoever may read the site. */
  app.get('/files/sites/:siteId/:name', { schema: { tags, summary: '附件文件 Attachment file', params: z.object({ siteId: z.uuid(), name: z.string().regex(/^[A-Za-z0-9._-]+$/) }) } }, async (request, reply) => {
    const ctx = contextOf(request, database);
    const found = await findSite(database.db, request.params.siteId);
    if (!found || !canSite(ctx.actor, 'read', found.site)) throw notFound('attachment');
    const key = `sites/${request.params.siteId}/${request.params.name}`;
    const stream = await storage.get(key);
    if (!stream) throw notFound('attachment');
    const type = MIME_BY_EXT[path.extname(request.params.name).toLowerCase()] ?? 'application/octet-stream';
    return reply.header('content-type', type).header('cache-control', 'private, max-age=86400').send(stream);
  });
};
