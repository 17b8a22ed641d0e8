import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { requireNode } from './node-check.ts';
import { ensureWebBuilt } from './web-build.ts';

/**
 * The one test command (README, CI): lint, typecheck, unit + integration tests on PGlite, the
 * same again on PostgreSQL when TEST_DATABASE_URL is set, then browser end-to-end tests.
 * `--only unit|e2e` narrows it while developing.
 */
requireNode();
const root = path.resolve(import.meta.dirname, '..');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'anxun-test-report-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps: string[] = [];

function step(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failedSteps.push(name);
}

function vitest(name: string, config: string | null, env: NodeJS.ProcessEnv = {}) {
  const out = path.join(reports, `${name.replace(/\W+/g, '-')}.json`);
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  if (config) args.push('--config', config);
  step(name, 'npx', args, env);
  if (!fs.existsSync(out)) return;
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

if (!only) {
  step('lint 代码规范', 'npx', ['eslint', '.']);
  step('typecheck 类型检查', 'npm', ['run', '--silent', 'typecheck']);
}
if (!only || only === 'unit') {
  const { TEST_DATABASE_URL, ...withoutPg } = process.env;
  vitest('unit + integration on PGlite', null, { ...withoutPg, TEST_DATABASE_URL: '' });
  if (TEST_DATABASE_URL) vitest('integration on PostgreSQL', null, { TEST_DATABASE_URL });
  else console.log('\n(TEST_DATABASE_URL not set: the PostgreSQL run is skipped)');
}
if (!only || only === 'e2e') {
  ensureWebBuilt();
  vitest('end-to-end in Chromium', 'e2e/vitest.config.ts');
}

fs.rmSync(reports, { recursive: true, force: true });
console.log(`\n${failedSteps.length ? `Failed steps: ${failedSteps.join(', ')}` : 'All steps passed.'}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = failedSteps.length ? 1 : 0;
