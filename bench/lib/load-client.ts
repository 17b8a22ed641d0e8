/**
 * The load generator, run as a child process (fork) so that its work does not share the event loop
 * of the server it measures. The parent sends one job, gets one result, and the child exits.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import autocannon from 'autocannon';
import { summarise, type Summary } from './stats.ts';

export interface CannonJob {
  kind: 'cannon';
  url: string;
  connections: number;
  durationSeconds: number;
  requests: { method: 'GET'; path: string; headers: Record<string, string> }[];
}

export interface CannonResult {
  rps: number;
  total: number;
  non2xx: number;
  errors: number;
  latencyP50: number;
  latencyP99: number;
  seconds: number;
}

export interface IngestSite {
  id: string;
  lng: number | null;
  lat: number | null;
  photoKey: string;
}

export interface IngestJob {
  kind: 'ingest';
  url: string;
  cookie: string;
  concurrency: number;
  /** Submissions to send; the run stops early at maxSeconds. */
  count: number;
  maxSeconds: number;
  sites: IngestSite[];
  /** Every item of the checklist; the first `failures` fail, the rest pass. */
  itemIds: string[];
  failures: number;
  /** Offset into the site list, so a warm-up and the measured run visit different sites first. */
  offset: number;
}

export interface IngestResult {
  sent: number;
  created: number;
  statuses: Record<string, number>;
  firstError: string | null;
  seconds: number;
  latency: Summary;
  /** Every request's latency in ms, so runs in several parts can be summarised as one. */
  latencies: number[];
}

async function cannon(job: CannonJob): Promise<CannonResult> {
  // A slow query must be measured, not counted as an error: allow a minute per request.
  const result = await autocannon({ url: job.url, connections: job.connections, duration: job.durationSeconds, timeout: 60, requests: job.requests });
  return {
    rps: result.requests.average,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    seconds: result.duration,
  };
}

/** One combined inspection: every item answered, `failures` of them failed with a photo, signed. */
export function submission(site: IngestSite, itemIds: readonly string[], failures: number, now = Date.now()) {
  const gps = site.lng !== null && site.lat !== null ? { lng: site.lng + 0.0002, lat: site.lat + 0.0001, accuracy: 12 } : null;
  return {
    id: randomUUID(),
    siteId: site.id,
    startedAt: new Date(now - 25 * 60_000).toISOString(),
    endedAt: new Date(now - 60_000).toISOString(),
    gps,
    answers: itemIds.map((checkItemId, i) =>
      i < failures
        ? { checkItemId, result: 'fail' as const, note: `基准测试发现的问题 ${i + 1}`, photos: [site.photoKey] }
        : { checkItemId, result: 'pass' as const },
    ),
    notes: '基准测试',
    signature: { imageKey: site.photoKey, signerName: '基准测试', signerPhone: '13800138000', signedAt: new Date(now - 90_000).toISOString() },
  };
}

async function ingest(job: IngestJob): Promise<IngestResult> {
  const url = new URL(job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let firstError: string | null = null;
  let next = 0;
  let created = 0;
  const started = performance.now();
  const deadline = started + job.maxSeconds * 1000;

  const post = (body: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        { agent, host: url.hostname, port: url.port, method: 'POST', path: '/api/inspections', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie: job.cookie } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.setTimeout(60_000, () => req.destroy(new Error('no answer in 60 s')));
      req.on('error', reject);
      req.end(body);
    });

  const worker = async () => {
    while (next < job.count && performance.now() < deadline) {
      const i = next++;
      const site = job.sites[(i + job.offset) % job.sites.length]!;
      const body = JSON.stringify(submission(site, job.itemIds, job.failures));
      const t0 = performance.now();
      let status: string;
      try {
        const res = await post(body);
        status = String(res.status);
        if (res.status === 201) created += 1;
        else firstError ??= `${res.status} ${res.text.slice(0, 300)}`;
      } catch (error) {
        status = 'error';
        firstError ??= String(error);
      }
      latencies.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { sent: latencies.length, created, statuses, firstError, seconds, latency: summarise(latencies), latencies };
}

process.on('message', (job: CannonJob | IngestJob) => {
  const work = job.kind === 'cannon' ? cannon(job) : ingest(job);
  work.then(
    (result) => process.send!({ ok: true, result }, () => process.exit(0)),
    (error: unknown) => process.send!({ ok: false, error: String(error) }, () => process.exit(1)),
  );
});
