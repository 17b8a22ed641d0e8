import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/platform/config.ts';
import type { JobTrigger } from '../../apps/server/src/platform/jobs.ts';
import { DEMO_PASSWORD } from '../../apps/server/src/modules/demo/accounts.ts';
import type { ScratchDatabase } from './db.ts';

export interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** A keep-alive HTTP/1.1 client for 127.0.0.1 with nothing in the way of the numbers. */
export function httpClient(baseUrl: string, sockets = 1) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const url = new URL(baseUrl);
  function request(method: string, urlPath: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...options.headers };
      if (options.body !== undefined) headers['content-length'] = Buffer.byteLength(options.body);
      const req = http.request({ agent, host: url.hostname, port: url.port, method, path: urlPath, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
        res.on('error', reject);
      });
      req.setTimeout(60_000, () => req.destroy(new Error(`${method} ${urlPath}: no answer in 60 s`)));
      req.on('error', reject);
      req.end(options.body);
    });
  }
  return { request, close: () => agent.destroy() };
}

export type HttpClient = ReturnType<typeof httpClient>;

/** Logs a demo account in and returns the Cookie header value. */
export async function login(client: HttpClient, username: string, password = DEMO_PASSWORD): Promise<string> {
  const reply = await client.request('POST', '/api/auth/login', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (reply.status !== 200) throw new Error(`login ${username}: ${reply.status} ${reply.body}`);
  const cookies = ([] as string[]).concat(reply.headers['set-cookie'] ?? []);
  const session = cookies.map((c) => c.split(';')[0]!).find((c) => c.startsWith('anxun_session='));
  if (!session) throw new Error(`login ${username}: no session cookie`);
  return session;
}

export interface RunningApp {
  app: FastifyInstance;
  baseUrl: string;
  close(): Promise<void>;
}

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

/** The real app (buildApp) on the scratch database, listening on a random loopback port, logging off. */
export async function startApp(scratch: ScratchDatabase, jobs: JobTrigger): Promise<RunningApp> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: path.join(scratch.dir, 'app'),
    HOST: '127.0.0.1',
    PORT: '0',
    SEED_DEMO: 'never',
    // No web app: only the API is measured.
    WEB_DIST: path.join(scratch.dir, 'no-web'),
    ...(scratch.url ? { DATABASE_URL: scratch.url } : {}),
  } as NodeJS.ProcessEnv);
  const app = await buildApp({ config, database: scratch.database, jobs });
  const baseUrl = await listen(app);
  return { app, baseUrl, close: () => app.close() };
}

/** A JobTrigger that only counts: the job queue is not what is measured. */
export function countingJobs(): JobTrigger & { count: number } {
  const jobs = {
    count: 0,
    trigger: async () => {
      jobs.count += 1;
    },
  };
  return jobs;
}
