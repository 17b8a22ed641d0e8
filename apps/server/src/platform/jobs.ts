import { PgBoss, fromPglite } from 'pg-boss';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Log } from './logging.ts';

/** A durable job: a queue, an optional cron schedule (Asia/Shanghai) and a handler. */
export interface JobDefinition {
  name: string;
  cron?: string;
  /** Also queue one run at every start (catch-up work a stopped server missed). */
  runOnStart?: boolean;
  /** Runs once at startup before any worker; a throw stops the start (e.g. misconfiguration). */
  init?(deps: JobDeps): Promise<void>;
  run(deps: JobDeps): Promise<void>;
}

export interface JobDeps {
  config: Config;
  database: Database;
  log: Log;
}

/** What features use: queue a run now, after a commit that created work for it. */
export interface JobTrigger {
  trigger(name: string): Promise<void>;
}

export interface Jobs extends JobTrigger {
  boss: PgBoss;
  stop(): Promise<void>;
}

/** pg-boss on the application database, PGlite or PostgreSQL alike, so no job is lost on restart. */
export async function startJobs({ config, database, log }: JobDeps, definitions: readonly JobDefinition[]): Promise<Jobs> {
  for (const job of definitions) await job.init?.({ config, database, log });
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite', useListenNotify: true })
      : new PgBoss({ connectionString: config.databaseUrl!, useListenNotify: true, max: 4 });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const job of definitions) {
    await boss.createQueue(job.name, { notify: true, retryLimit: 5, retryBackoff: true });
    await boss.work(job.name, async () => {
      await job.run({ config, database, log });
    });
    if (job.cron) await boss.schedule(job.name, job.cron, null, { tz: 'Asia/Shanghai' });
    if (job.runOnStart) await boss.send(job.name, null, { singletonKey: job.name });
  }
  return {
    boss,
    async trigger(name) {
      // One pending run is enough: singletonKey folds a burst of triggers into one job.
      await boss.send(name, null, { singletonKey: name });
    },
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
