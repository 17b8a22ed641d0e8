import { fork } from 'node:child_process';
import path from 'node:path';
import type { CannonJob, CannonResult, IngestJob, IngestResult } from './load-client.ts';

const CLIENT = path.join(import.meta.dirname, 'load-client.ts');

/** Runs one job in a child load generator; killed if it overruns `timeoutSeconds`. */
function inChild<R>(job: CannonJob | IngestJob, timeoutSeconds: number): Promise<R> {
  return new Promise((resolve, reject) => {
    const child = fork(CLIENT, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      child.kill('SIGKILL');
      reject(new Error(`load generator overran ${timeoutSeconds} s`));
    }, timeoutSeconds * 1000);
    child.on('message', (message: { ok: boolean; result?: R; error?: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (message.ok) resolve(message.result!);
      else reject(new Error(`load generator: ${message.error}`));
    });
    child.on('exit', (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`load generator exited with ${code} before answering`));
    });
    child.send(job);
  });
}

/** autocannon in a child process: the requests are cycled through by each connection. */
export const cannon = (job: Omit<CannonJob, 'kind'>) => inChild<CannonResult>({ kind: 'cannon', ...job }, job.durationSeconds + 120);

export const ingestLoad = (job: Omit<IngestJob, 'kind'>) => inChild<IngestResult>({ kind: 'ingest', ...job }, job.maxSeconds + 90);
