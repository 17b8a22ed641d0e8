import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { startJobs } from '../jobs.ts';
import { createLogger } from '../logging.ts';
import { SMS_DISPATCH_JOB } from './dispatch-job.ts';
import { enqueueSms } from './outbox.ts';
import { smsOutbox } from './schema.ts';

const log = createLogger({ logLevel: 'silent' });
const config = loadConfig({ LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('SMS dispatch job', () => {
  it('after a restart, sends what the previous process left queued or half-sent', async () => {
    const login = (key: string, code: string) => ({ phone: '13957100077', template: 'login_code' as const, params: { code }, idempotencyKey: key });
    await enqueueSms(database.db, login('login:queued', '111111'));
    await enqueueSms(database.db, login('login:sending', '222222'));
    // The previous process claimed this one a minute ago, then stopped.
    await database.db
      .update(smsOutbox)
      .set({ status: 'sending', attempts: 1, notBefore: new Date(Math.min(Date.now() - 60_000, performance.timeOrigin - 1)) })
      .where(eq(smsOutbox.idempotencyKey, 'login:sending'));

    await SMS_DISPATCH_JOB.init!({ config, database, log });
    await SMS_DISPATCH_JOB.run({ config, database, log });

    const rows = await database.db.select().from(smsOutbox);
    expect(rows.map((r) => [r.idempotencyKey, r.status, r.provider]).sort()).toEqual([
      ['login:queued', 'sent', 'console'],
      ['login:sending', 'sent', 'console'],
    ]);
    expect(rows.every((r) => r.providerMessageId?.startsWith('console-'))).toBe(true);
  });

  it('refuses to start with a misconfigured provider', async () => {
    const broken = loadConfig({ LOG_LEVEL: 'silent', SMS_PROVIDER: 'aliyun' } as NodeJS.ProcessEnv);
    await expect(SMS_DISPATCH_JOB.init!({ config: broken, database, log })).rejects.toThrow(/ALIYUN_SMS_ACCESS_KEY_ID[\s\S]*短信配置错误/);
    await expect(startJobs({ config: broken, database, log }, [SMS_DISPATCH_JOB])).rejects.toThrow(/SMS configuration error/);
  });
});
