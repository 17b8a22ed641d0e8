import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/platform/config.ts';
import type { Database } from '../src/platform/db/client.ts';
import type { JobTrigger } from '../src/platform/jobs.ts';
import { createTestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Names of jobs the code under test asked to run, in order. */
  triggered: string[];
  /** Logs in and returns the cookie header to send with later requests. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'Test@12345';

/** The real app on a fresh database, files in a temp dir; requests go through app.inject. */
export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxun-app-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...env } as NodeJS.ProcessEnv);
  const database = await createTestDatabase();
  const triggered: string[] = [];
  const jobs: JobTrigger = { trigger: async (name) => void triggered.push(name) };
  const app = await buildApp({ config, database, jobs });
  await app.ready();
  return {
    app,
    database,
    config,
    triggered,
    async login(username, password = TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'anxun_session');
      return `anxun_session=${cookie!.value}`;
    },
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
