import type { Config } from '../platform/config.ts';
import { openDatabase, migrateDatabase, migrationVersion } from '../platform/db/client.ts';
import { buildApp } from '../app.ts';
import { startJobs } from '../platform/jobs.ts';
import { JOBS } from '../modules/jobs.ts';
import { isDatabaseEmpty, seedDemo } from '../modules/demo/seed.ts';
import { seedClosedLoopDemo } from '../modules/demo/closed-loop.ts';
import { seedDemoCampaign } from '../modules/simulation/demo.ts';
import { createStorage } from '../platform/storage/index.ts';
import { startup } from '../platform/startup.ts';
import { createLogger } from '../platform/logging.ts';

/** The whole system in one process: API, web app, job worker. */
export async function serve(config: Config): Promise<void> {
  const started = Date.now();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  const seed = config.seedDemo === 'auto' && (await isDatabaseEmpty(database.db));
  if (seed) await seedDemo(database, { scale: config.demoScale, log: (line) => console.log(line) });
  const log = createLogger(config);
  const jobs = await startJobs({ config, database, log }, JOBS);
  const app = await buildApp({ config, database, jobs, log });
  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'pglite' ? `PGlite at ${config.dataDir}` : 'PostgreSQL';
  console.log(`安巡 Anxun ready at http://localhost:${config.port} (${where}, migration ${await migrationVersion(database.db)}, ${Date.now() - started} ms)`);
  if (seed) {
    // Inspections through the real services take a while; the server is usable meanwhile.
    startup.demoLoading = true;
    seedClosedLoopDemo(database, createStorage(config), (line) => console.log(line))
      .then(() => (config.demoScale === 'town' ? seedDemoCampaign(database, createStorage(config), { log: (line) => console.log(line) }) : undefined))
      .catch((error: unknown) => log.error({ err: error }, 'closed-loop demo failed'))
      .finally(() => (startup.demoLoading = false));
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    await app.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
