import { z } from 'zod';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { noticeDisposition, noticePdf } from './service.ts';

/** 整改通知书 as PDF, shown in the browser (inline) and saved under its number. */
export const noticeRoutes: ModuleRoutes = (app, { database, storage }) => {
  app.get(
    '/notices/:id/pdf',
    { schema: { tags: ['notices'], summary: '整改通知书 PDF Rectification notice PDF', produces: ['application/pdf'], params: z.object({ id: z.uuid() }) } },
    async (request, reply) => {
      const { number, body } = await noticePdf(contextOf(request, database), storage, request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', noticeDisposition(request.params.id, number))
        .header('cache-control', 'private, max-age=300')
        .send(body);
    },
  );
};
