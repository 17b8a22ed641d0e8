import { eq } from 'drizzle-orm';
import type { JobDefinition } from '../jobs.ts';
import type { Config } from '../config.ts';
import { consoleProvider, type SmsProvider } from './provider.ts';
import { dispatchDueSms } from './outbox.ts';
import { smsOutbox } from './schema.ts';

export function smsProvider(config: Config): SmsProvider {
  switch (config.sms.provider) {
    case 'console':
      return consoleProvider();
    default:
      throw new Error(`SMS provider "${config.sms.provider}" is not available in this version; use SMS_PROVIDER=console`);
  }
}

let provider: SmsProvider | undefined;
let recovered = false;

/** Sends due SMS from the outbox every minute (and on demand after a message is queued). */
export const SMS_DISPATCH_JOB: JobDefinition = {
  name: 'sms-dispatch',
  cron: '* * * * *',
  async run({ config, database }) {
    provider ??= smsProvider(config);
    if (!recovered) {
      // A crash mid-send leaves rows "sending"; send them again (at-least-once).
      await database.db.update(smsOutbox).set({ status: 'queued' }).where(eq(smsOutbox.status, 'sending'));
      recovered = true;
    }
    while ((await dispatchDueSms(database.db, provider)) > 0);
  },
};
