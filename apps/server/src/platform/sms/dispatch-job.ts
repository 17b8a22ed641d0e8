import type { JobDefinition } from '../jobs.ts';
import { createSmsProvider } from './provider.ts';
import { dispatchDueSms, recoverInterruptedSms } from './outbox.ts';

const BATCH = 50;
// A send times out after 10 s; a claim this old belongs to a process that died (other instances on PostgreSQL).
const STALE_CLAIM_MS = 10 * 60_000;

/** Sends due SMS from the outbox every minute (and on demand after a message is queued). */
export const SMS_DISPATCH_JOB: JobDefinition = {
  name: 'sms-dispatch',
  cron: '* * * * *',
  async init({ config, database, log }) {
    createSmsProvider(config, { log });
    const recovered = await recoverInterruptedSms(database.db, new Date(performance.timeOrigin));
    if (recovered > 0) log.warn({ recovered }, 'SMS interrupted by the last shutdown queued again 中断的短信已重新排队');
  },
  async run({ config, database, log }) {
    const provider = createSmsProvider(config, { log });
    await recoverInterruptedSms(database.db, new Date(Date.now() - STALE_CLAIM_MS));
    for (;;) {
      const result = await dispatchDueSms(database.db, provider, { limit: BATCH });
      if (result.retrying > 0 || result.failed > 0) log.warn({ ...result, provider: provider.name }, 'SMS delivery failures 短信发送失败');
      if (result.selected < BATCH) break;
    }
  },
};
