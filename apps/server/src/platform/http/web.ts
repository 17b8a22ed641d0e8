import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config.ts';

/** Serves the built web app; any non-API path falls back to index.html for client routing. */
export async function serveWeb(app: FastifyInstance, config: Config): Promise<void> {
  if (!fs.existsSync(path.join(config.webDist, 'index.html'))) {
    app.log.warn(`web app not built at ${config.webDist}; run npm run build`);
    return;
  }
  await app.register(fastifyStatic, { root: config.webDist, wildcard: false, maxAge: '1h' });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    const asset = path.join(config.webDist, decodeURIComponent(request.url.split('?')[0]!));
    if (asset.startsWith(config.webDist) && fs.existsSync(asset) && fs.statSync(asset).isFile()) {
      return reply.sendFile(path.relative(config.webDist, asset));
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
