import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';

const root = path.resolve(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts the real server (built web app, fresh PGlite dir, demo data) the way `npm start` does. */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxun-e2e-'));
  const logPath = path.join(dataDir, 'server.log');
  const log = fs.createWriteStream(logPath);
  const server: ChildProcess = spawn(process.execPath, [path.join(root, 'apps/server/bin/anxun.js'), 'serve'], {
    cwd: root,
    // info: the console SMS provider logs each message (party login codes too) at info level.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', DATABASE_URL: '',
      // Every e2e file logs its roles in from 127.0.0.1 against this one server.
      LOGIN_RATE_PER_MINUTE: '1000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.pipe(log);
  server.stderr!.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  // The demo fills in the closed-loop slice, then two weeks of a campaign (minutes on a busy machine).
  const deadline = Date.now() + 420_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited: ${fs.readFileSync(path.join(dataDir, 'server.log'), 'utf8')}`);
    try {
      // Wait for the closed-loop demo too: journeys pick sites it would otherwise still be inspecting.
      const health = await fetch(`${baseUrl}/api/health`);
      if (health.ok && ((await health.json()) as { demo: string }).demo === 'ready') break;
    } catch {}
    if (Date.now() > deadline) {
      server.kill('SIGTERM');
      throw new Error(`server did not become ready; log: ${logPath}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseUrl', baseUrl);
  // The console SMS provider's lines (login codes too) land here.
  project.provide('serverLog', logPath);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    serverLog: string;
  }
}
