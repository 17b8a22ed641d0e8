import { z } from 'zod';
import { ExportProgress } from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { notFound } from '../../platform/errors.ts';
import { exportProgress } from '../../platform/xlsx.ts';

export const exportRoutes: ModuleRoutes = (app, { database }) => {
  app.get(
    '/exports/:id/progress',
    { schema: { tags: ['exports'], summary: '导出进度（仅本人的导出）Progress of one of my exports', params: z.object({ id: z.string().max(64) }), response: { 200: ExportProgress } } },
    async (request) => {
      const { actor } = contextOf(request, database);
      const progress = exportProgress(actor.id, request.params.id);
      if (!progress) throw notFound('export');
      return progress;
    },
  );
};
