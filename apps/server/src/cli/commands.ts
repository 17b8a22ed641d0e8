import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { SYSTEM_ACTOR } from '../platform/context.ts';
import { importCalendarYear } from '../modules/calendar/service.ts';
import { loadConfig } from '../platform/config.ts';
import { openDatabase, migrateDatabase, migrationVersion, type Database } from '../platform/db/client.ts';
import { verifyAuditLog } from '../modules/audit/verify.ts';
import { serve } from './serve.ts';
import { createUserCommand } from './create-user.ts';
import { importSitesCommand } from './import-sites.ts';
import { isDatabaseEmpty } from '../modules/demo/seed.ts';
import { seedEverything } from './seed.ts';
import { rankingsCommand } from '../modules/rankings/cli.ts';
import { SIMULATE_HELP, simulateCommand } from '../modules/simulation/cli.ts';

export interface Command {
  summary: string;
  usage: string;
  help: string;
  run(args: string[]): Promise<void>;
}

/** Opens the configured database (PGlite under DATA_DIR unless DATABASE_URL is set), migrated. */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

const SCALES = ['town', 'guali', 'city'] as const;

export const COMMANDS: Record<string, Command> = {
  serve: {
    summary: '启动服务 Start the API, web app and jobs',
    usage: '',
    help: 'Serves http://localhost:$PORT (default 3000). Applies migrations and, on an empty database, loads demo data (SEED_DEMO=auto|always|never).',
    run: async () => serve(loadConfig()),
  },
  migrate: {
    summary: '执行数据库迁移 Apply database migrations',
    usage: '',
    help: 'Applies the SQL migrations in apps/server/drizzle to the configured database.',
    run: () =>
      withDatabase(async (database) => {
        console.log(`migrated ${database.kind} to ${await migrationVersion(database.db)}`);
      }),
  },
  'seed-demo': {
    summary: '载入演示数据 Load demo data',
    usage: '[--scale town|guali|city]',
    help: '--scale town (default): one town, ~2,000 sites. guali: 74 villages, 160 grids, 2,283 micro-grids, 25,433 sites. city: ~1M sites for benchmarks (use an on-disk DATA_DIR or PostgreSQL).\nThe database must be empty.',
    run: async (args) => {
      const { values } = parseArgs({ args, options: { scale: { type: 'string', default: 'town' } } });
      const scale = values.scale as (typeof SCALES)[number];
      if (!SCALES.includes(scale)) throw new Error(`--scale must be one of ${SCALES.join(', ')}`);
      await withDatabase(async (database) => {
        if (!(await isDatabaseEmpty(database.db))) throw new Error('数据库已有数据 The database already has data; use an empty DATA_DIR / database.');
        await seedEverything(database, { ...loadConfig(), demoScale: scale });
      });
    },
  },
  'import-sites': {
    summary: '从 Excel 名册导入受检单位 Import sites from an xlsx roster',
    usage: '<file.xlsx> [--valid-only]',
    help: 'Validates every row first and prints the row-by-row error report. Imports nothing while errors remain, unless --valid-only imports the valid rows.',
    run: (args) => importSitesCommand(args),
  },
  'create-user': {
    summary: '创建用户 Create a user',
    usage: '--username U --password P --name 姓名 --role admin[,inspector] --area <area code>[,code] [--phone 13…]',
    help: 'Creates an account scoped to the given areas (by area code).',
    run: (args) => createUserCommand(args),
  },
  calendar: {
    summary: '节假日安排 Holiday calendar: "calendar import <year.json>"',
    usage: 'import <year.json>',
    help: 'Loads one year of the State Council holiday schedule ({year, source, issued, holidays: [{name, nameEn, from, to}], workdays: [...]}),\nreplacing that year if the notice is newer. Deadlines counted after that use it.',
    run: async (args) => {
      if (args[0] !== 'import' || !args[1]) throw new Error('Usage: npx anxun calendar import <year.json>');
      const incoming: unknown = JSON.parse(await readFile(args[1], 'utf8'));
      await withDatabase(async (database) => {
        const result = await importCalendarYear({ database, actor: SYSTEM_ACTOR, ip: null, requestId: null }, incoming);
        if (!result.ok) {
          for (const e of result.errors) console.log(`${e.path}: ${e.message} (${e.messageEn})`);
          process.exitCode = 1;
          return;
        }
        console.log(`已载入 Loaded the ${(incoming as { year: number }).year} schedule${result.replaced ? ' (replaced the previous one)' : ''}.`);
      });
    },
  },
  rankings: {
    summary: '排名快照与核对 Ranking snapshots and the tally check: "rankings snapshot", "rankings verify"',
    usage: 'snapshot [--campaign ID] [--from YYYY-MM-DD --to YYYY-MM-DD] | verify [--campaign ID]',
    help: 'snapshot without --from/--to: stores every missing day (campaign start to yesterday) of every campaign, as the nightly job does.\nWith --from/--to: recomputes those days and overwrites their snapshots (e.g. after correcting records).\nverify: recounts every campaign day from the raw records and compares it with the ranking tallies; exits non-zero on any difference.',
    run: (args) => rankingsCommand(args, withDatabase),
  },
  simulate: {
    summary: '模拟专项行动 Simulate a whole campaign through the services',
    usage: '[--scale town|guali] [--days 15] [--seed N] [--start YYYY-MM-DD] [--fraction F] [--out file.json]',
    help: SIMULATE_HELP,
    run: (args) => simulateCommand(args, loadConfig(), withDatabase),
  },
  audit: {
    summary: '审计日志 Audit log tools: "audit verify"',
    usage: 'verify',
    help: 'verify: re-hashes the audit chain and reports every edited or deleted event. Exit code 1 when the chain is broken.',
    run: async (args) => {
      if (args[0] !== 'verify') throw new Error('Usage: npx anxun audit verify');
      await withDatabase(async (database) => {
        const { count, breaks } = await verifyAuditLog(database.db);
        if (breaks.length === 0) {
          console.log(`审计链完整 Audit chain intact: ${count} events verified.`);
          return;
        }
        for (const b of breaks) console.log(`seq ${b.seq}: ${b.reason}`);
        console.log(`审计链被篡改 Audit chain BROKEN: ${breaks.length} problem(s) in ${count} events.`);
        process.exitCode = 1;
      });
    },
  },
};
