import { z } from 'zod';
import { migrationVersion } from '../../platform/db/client.ts';
import type { ModuleRoutes } from '../index.ts';
import { startup } from '../../platform/startup.ts';

export const healthRoutes: ModuleRoutes = (app, { database }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: '健康检查 Health',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), migration: z.string().nullable(), demo: z.enum(['loading', 'ready']) }) },
      },
    },
    async () => ({ status: 'ok' as const, database: database.kind, migration: await migrationVersion(database.db), demo: startup.demoLoading ? ('loading' as const) : ('ready' as const) }),
  );
};
