import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/client.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { installSession } from './platform/auth/session.ts';
import { createStorage, type Storage } from './platform/storage/index.ts';
import { serveWeb } from './platform/http/web.ts';
import { MODULES } from './modules/index.ts';
import type { JobTrigger } from './platform/jobs.ts';
import type { Log } from './platform/logging.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  jobs: JobTrigger;
  log?: Log;
  storage?: Storage;
}

/** Everything a route needs, passed explicitly instead of hung on the instance. */
export interface ModuleDeps {
  config: Config;
  database: Database;
  storage: Storage;
  jobs: JobTrigger;
}

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export async function buildApp({ config, database, jobs, log, storage }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(log ? { loggerInstance: log as FastifyBaseLogger } : { logger: config.logLevel === 'silent' ? false : { level: config.logLevel } }),
    genReqId: () => randomUUID(),
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Anxun 安巡 API', version: '0.1.0', description: '隐患排查整治闭环管理 — hazard inspection and closed-loop rectification' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'anxun_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  installSession(app, database);
  const deps: ModuleDeps = { config, database, jobs, storage: storage ?? createStorage(config) };
  for (const register of MODULES) await app.register((scope) => register(scope.withTypeProvider<ZodTypeProvider>(), deps), { prefix: '/api' });
  await serveWeb(app, config);
  return app;
}
