import type { Config } from '../platform/config.ts';
import type { Database } from '../platform/db/client.ts';
import { createStorage } from '../platform/storage/index.ts';
import { seedDemo } from '../modules/demo/seed.ts';
import { seedClosedLoopDemo } from '../modules/demo/closed-loop.ts';

/** The demo: the area tree, sites and accounts, then a slice of the closed loop run through the services. */
export async function seedEverything(database: Database, config: Config): Promise<void> {
  const log = (line: string) => console.log(line);
  await seedDemo(database, { scale: config.demoScale, log });
  await seedClosedLoopDemo(database, createStorage(config), log);
}
