import { spawn } from 'node:child_process';
import path from 'node:path';
import { requireNode } from './node-check.ts';

/** API with reload on change (port 3000) and the Vite dev server (port 5173, proxying /api). */
requireNode();
const root = path.resolve(import.meta.dirname, '..');
const children = [
  spawn(process.execPath, ['--watch-path=apps/server/src', '--watch-path=packages/contracts/src', 'apps/server/bin/anxun.js', 'serve'], { cwd: root, stdio: 'inherit' }),
  spawn('npx', ['vite', '--host'], { cwd: path.join(root, 'apps/web'), stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
