import { z } from 'zod';
import { ImportPreview } from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { badRequest } from '../../platform/errors.ts';
import { contentDisposition } from '../../platform/xlsx.ts';
import { assertCanImport, commitImport, getImport, importsSettled, startImport, XLSX_MIME } from './service.ts';
import { buildTemplate, TEMPLATE_FILE_NAME } from './template.ts';

const Params = z.object({ id: z.uuid() });
const tags = ['site-imports'];

let template: Promise<Buffer> | undefined;

export const siteImportRoutes: ModuleRoutes = (app, { database, storage }) => {
  // A half-done import must not lose its database under it on shutdown.
  app.addHook('onClose', () => importsSettled());

  app.get('/site-imports/template.xlsx', { schema: { tags, summary: '下载受检单位名册模板 Download the roster template' } }, async (request, reply) => {
    contextOf(request, database);
    template ??= buildTemplate();
    return reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', contentDisposition(TEMPLATE_FILE_NAME, 'site-roster-template.xlsx'))
      .send(await template);
  });

  app.post(
    '/site-imports',
    { schema: { tags, summary: '上传名册并逐行校验（multipart：file）Upload a roster for validation', consumes: ['multipart/form-data'], response: { 202: ImportPreview } } },
    async (request, reply) => {
      const ctx = contextOf(request, database);
      // Refuse before reading a possibly large upload.
      assertCanImport(ctx.actor);
      const file = await request.file();
      if (!file || file.fieldname !== 'file') throw badRequest('file_missing', '未收到文件（表单字段 file）', 'No file was uploaded (form field "file")');
      const data = await file.toBuffer();
      reply.status(202);
      return startImport(ctx, storage, { fileName: file.filename, data });
    },
  );

  app.get('/site-imports/:id', { schema: { tags, summary: '导入进度与校验结果 Import progress and report', params: Params, response: { 200: ImportPreview } } }, async (request) =>
    getImport(contextOf(request, database), request.params.id),
  );

  app.post(
    '/site-imports/:id/commit',
    { schema: { tags, summary: '导入校验通过的行 Import the valid rows', params: Params, response: { 202: ImportPreview } } },
    async (request, reply) => {
      const preview = await commitImport(contextOf(request, database), storage, request.params.id);
      reply.status(202);
      return preview;
    },
  );
};
