import { randomUUID } from 'node:crypto';
import type { SmsProvider } from '../provider.ts';

/** Development provider: the message is already stored in the outbox; this prints it. */
export function consoleProvider(print: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): SmsProvider {
  return {
    name: 'console',
    async send({ phone, body }) {
      print(`[sms:console] to ${phone}: ${body}`);
      return { messageId: `console-${randomUUID()}` };
    },
  };
}
