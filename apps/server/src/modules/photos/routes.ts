import path from 'node:path';
import { z } from 'zod';
import { PhotoRef } from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { badRequest } from '../../platform/errors.ts';
import { MIME_BY_EXT } from '../../platform/uploads.ts';
import { uploadSitePhoto } from './service.ts';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export const photoRoutes: ModuleRoutes = (app, { database, storage }) => {
  app.post(
    '/sites/:id/photos',
    { schema: { tags: ['inspections'], summary: '上传现场照片（multipart：file）Upload a field photo', consumes: ['multipart/form-data'], params: z.object({ id: z.uuid() }), response: { 201: PhotoRef } } },
    async (request, reply) => {
      const ctx = contextOf(request, database);
      const file = await request.file({ limits: { fileSize: MAX_PHOTO_BYTES } });
      if (!file) throw badRequest('file_missing', '未收到文件', 'No file was uploaded');
      const data = await file.toBuffer();
      const mimeType = file.mimetype === 'application/octet-stream' ? (MIME_BY_EXT[path.extname(file.filename).toLowerCase()] ?? file.mimetype) : file.mimetype;
      reply.status(201);
      return uploadSitePhoto(ctx, storage, request.params.id, { fileName: file.filename, mimeType, data });
    },
  );
};
