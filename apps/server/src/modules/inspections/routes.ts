import { z } from 'zod';
import { InspectionDetail, InspectionResult, InspectionSubmission, ReinspectionSubmission } from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { submitInspection } from './service.ts';
import { submitReinspection } from './reinspect.ts';
import { getInspectionDetail } from './detail.ts';

const tags = ['inspections'];

export const inspectionRoutes: ModuleRoutes = (app, { database, jobs, config }) => {
  app.post(
    '/inspections',
    { schema: { tags, summary: '提交检查（综合查一次；客户端生成 id，重复提交只存一次）Submit an inspection', body: InspectionSubmission, response: { 200: InspectionResult, 201: InspectionResult } } },
    async (request, reply) => {
      const ctx = contextOf(request, database);
      const { result, created } = await submitInspection(config.publicUrl ? { ...ctx, origin: config.publicUrl } : ctx, request.body);
      if (created) {
        await jobs.trigger('sms-dispatch');
        await jobs.trigger('notice-render');
      }
      return reply.status(created ? 201 : 200).send(result);
    },
  );
  app.post(
    '/reinspections',
    { schema: { tags, summary: '提交复查 Submit a re-inspection', body: ReinspectionSubmission, response: { 200: InspectionResult, 201: InspectionResult } } },
    async (request, reply) => {
      const { result, created } = await submitReinspection(contextOf(request, database), request.body);
      if (created) await jobs.trigger('sms-dispatch');
      return reply.status(created ? 201 : 200).send(result);
    },
  );
  app.get('/inspections/:id', { schema: { tags, summary: '检查详情 Inspection', params: z.object({ id: z.uuid() }), response: { 200: InspectionDetail } } }, async (request) =>
    getInspectionDetail(contextOf(request, database), request.params.id),
  );
};
