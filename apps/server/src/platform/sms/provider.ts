/** A way to deliver one SMS; implementations: console (dev), generic HTTP, Alibaba Cloud. */
export interface SmsProvider {
  readonly name: string;
  send(message: { phone: string; template: string; params: Record<string, string>; body: string }): Promise<{ messageId: string }>;
}

/** Development provider: the message is already stored in the outbox; this prints it. */
export function consoleProvider(log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): SmsProvider {
  let n = 0;
  return {
    name: 'console',
    async send({ phone, body }) {
      n += 1;
      log(`[sms:console] to ${phone}: ${body}`);
      return { messageId: `console-${Date.now()}-${n}` };
    },
  };
}
