import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { BENCH_DIR } from './report.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Self time by function (top n) and by package/area, from a V8 CPU profile. */
export function profileSummary(profile: { nodes: ProfileNode[]; samples?: number[] }, top = 15): string[] {
  const total = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0) || 1;
  const byFn = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const url = n.callFrame.url.replace(/^file:\/\//, '');
    const short = url.includes('node_modules/') ? url.slice(url.lastIndexOf('node_modules/') + 13) : url.replace(/^.*\/work\/main\//, '');
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${short ? `${short}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
    byFn.set(fn, (byFn.get(fn) ?? 0) + hits);
    const area = !url
      ? n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : '(native/V8)'
      : url.includes('node_modules/')
        ? url.slice(url.lastIndexOf('node_modules/') + 13).split('/').slice(0, url.includes('node_modules/@') ? 2 : 1).join('/')
        : url.startsWith('node:')
          ? 'node:internal'
          : url.includes('/apps/server/')
            ? 'apps/server'
            : url.includes('/packages/')
              ? 'packages/contracts'
              : 'other';
    byArea.set(area, (byArea.get(area) ?? 0) + hits);
  }
  const pct = (v: number) => `${((v / total) * 100).toFixed(1)} %`;
  return [
    'Self time by package: ' + [...byArea.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `${k} ${pct(v)}`).join(', '),
    '',
    'Top functions by self time:',
    '',
    ...[...byFn.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `- ${pct(v)} \`${k}\``),
  ];
}


/** A V8 CPU profile of this process (BENCH_CPU_PROF=1): stop() writes bench/results/<name>.cpuprofile and summarises it. */
export async function startProfile() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return {
    async stop(name: string, what: string): Promise<string[]> {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      const dir = path.join(BENCH_DIR, 'results');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      return ['', `CPU profile of ${what} (bench/results/${name}.cpuprofile):`, '', ...profileSummary(profile as never)];
    },
  };
}
