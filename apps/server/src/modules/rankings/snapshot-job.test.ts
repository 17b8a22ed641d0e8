import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/database.ts';
import { areaTree, insertSite } from '../../../test/factories.ts';
import { loadConfig } from '../../platform/config.ts';
import type { Database } from '../../platform/db/client.ts';
import { startJobs, type Jobs } from '../../platform/jobs.ts';
import { createLogger } from '../../platform/logging.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { campaigns } from '../campaigns/schema.ts';
import { JOBS } from '../jobs.ts';
import { addDays } from './rules.ts';
import { rankingSnapshots } from './schema.ts';
import { RANKING_SNAPSHOT_JOB } from './snapshot-job.ts';

const log = createLogger({ logLevel: 'silent' });
let database: Database;
let jobs: Jobs | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await jobs?.stop();
  await database.close();
});

describe('ranking-snapshot job', () => {
  it('is registered to run at 00:00 Asia/Shanghai and at every start', () => {
    expect(JOBS).toContain(RANKING_SNAPSHOT_JOB);
    expect(RANKING_SNAPSHOT_JOB).toMatchObject({ name: 'ranking-snapshot', cron: '0 0 * * *', runOnStart: true });
  });

  it('on the durable queue: scheduled in Shanghai time, and a start back-fills the days a stopped server missed', async () => {
    const tree = await areaTree(database.db);
    await insertSite(database.db, tree.microA, { createdAt: new Date('2020-01-01T00:00:00Z') });
    const campaignId = randomUUID();
    const startsOn = addDays(shanghaiDate(), -3);
    await database.db.insert(campaigns).values({ id: campaignId, name: '除险保安', areaId: tree.town.id, areaPath: tree.town.path, startsOn, endsOn: addDays(startsOn, 30), siteKinds: ['enterprise'] });
    const url = database.pool ? (database.pool.options as { connectionString: string }).connectionString : undefined;
    const config = loadConfig({ LOG_LEVEL: 'silent', ...(url ? { DATABASE_URL: url } : {}) } as NodeJS.ProcessEnv);
    jobs = await startJobs({ config, database, log }, [RANKING_SNAPSHOT_JOB]);

    const schedules = await jobs.boss.getSchedules();
    expect(schedules).toEqual([expect.objectContaining({ name: 'ranking-snapshot', cron: '0 0 * * *', timezone: 'Asia/Shanghai' })]);
    const days = async () => [...new Set((await database.db.select().from(rankingSnapshots).where(eq(rankingSnapshots.campaignId, campaignId))).map((r) => r.day))].sort();
    await expect.poll(days, { timeout: 20_000, interval: 250 }).toEqual([startsOn, addDays(startsOn, 1), addDays(startsOn, 2)]);
  });
});
