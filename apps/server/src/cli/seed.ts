import type { Config } from '../platform/config.ts';
import type { Database } from '../platform/db/client.ts';
import { createStorage } from '../platform/storage/index.ts';
import { seedDemo } from '../modules/demo/seed.ts';
import { seedClosedLoopDemo } from '../modules/demo/closed-loop.ts';
import { seedDemoCampaign } from '../modules/simulation/demo.ts';

/**
 * The demo: the area tree, sites and accounts, then a slice of the closed loop run through the
 * services, then a campaign two weeks under way (town scale only: the others are for measuring).
 */
export async function seedEverything(database: Database, config: Config): Promise<void> {
  const log = (line: string) => console.log(line);
  await seedDemo(database, { scale: config.demoScale, log });
  await seedClosedLoopDemo(database, createStorage(config), log);
  if (config.demoScale === 'town') await seedDemoCampaign(database, createStorage(config), { log });
}
