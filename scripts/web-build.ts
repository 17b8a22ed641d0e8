import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'apps/web/dist/index.html');
const SOURCES = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/contracts/src'];

function newestMtime(p: string): number {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(full).map((name) => newestMtime(path.join(p, name))));
}

/** Builds the web app when the bundle is missing or older than its sources. */
export function ensureWebBuilt(): void {
  const built = fs.existsSync(dist) ? fs.statSync(dist).mtimeMs : 0;
  if (built > Math.max(...SOURCES.map(newestMtime))) return;
  console.log('构建前端 Building the web app…');
  execFileSync('npm', ['run', 'build', '-w', '@anxun/web'], { cwd: root, stdio: 'inherit' });
}
