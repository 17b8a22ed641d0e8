import { randomUUID } from 'node:crypto';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import { smsOutbox } from './schema.ts';
import { SMS_TEMPLATES, type SmsParams, type SmsTemplate } from './templates.ts';
import type { SmsProvider } from './provider.ts';

/**
 * Queues a message inside the caller's transaction. The idempotency key makes a repeated event
 * find the message already queued instead of sending twice.
 */
export async function enqueueSms<T extends SmsTemplate>(
  tx: Executor,
  message: { phone: string; template: T; params: SmsParams<T>; idempotencyKey: string },
): Promise<void> {
  const body = (SMS_TEMPLATES[message.template] as (p: SmsParams<T>) => string)(message.params);
  await tx
    .insert(smsOutbox)
    .values({
      id: randomUUID(),
      idempotencyKey: message.idempotencyKey,
      phone: message.phone,
      template: message.template,
      params: message.params as Record<string, string>,
      body,
    })
    .onConflictDoNothing({ target: smsOutbox.idempotencyKey });
}

const MAX_ATTEMPTS = 6;

/** Sends every due message once; failures are retried with exponential backoff. */
export async function dispatchDueSms(db: Db, provider: SmsProvider, limit = 50): Promise<number> {
  const due = await db
    .select()
    .from(smsOutbox)
    .where(and(eq(smsOutbox.status, 'queued'), lte(smsOutbox.notBefore, sql`now()`)))
    .orderBy(asc(smsOutbox.createdAt))
    .limit(limit);
  let sent = 0;
  for (const message of due) {
    // Claim the row so a concurrent dispatcher skips it.
    const claimed = await db
      .update(smsOutbox)
      .set({ status: 'sending', attempts: sql`${smsOutbox.attempts} + 1` })
      .where(and(eq(smsOutbox.id, message.id), eq(smsOutbox.status, 'queued')))
      .returning({ attempts: smsOutbox.attempts });
    if (claimed.length === 0) continue;
    const attempts = claimed[0]!.attempts;
    try {
      const { messageId } = await provider.send(message);
      await db
        .update(smsOutbox)
        .set({ status: 'sent', provider: provider.name, providerMessageId: messageId, sentAt: sql`now()`, lastError: null })
        .where(eq(smsOutbox.id, message.id));
      sent++;
    } catch (error) {
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db
        .update(smsOutbox)
        .set({
          status: giveUp ? 'failed' : 'queued',
          provider: provider.name,
          lastError: String((error as Error).message ?? error).slice(0, 500),
          notBefore: sql`now() + ${`${2 ** attempts * 15} seconds`}::interval`,
        })
        .where(eq(smsOutbox.id, message.id));
    }
  }
  return sent;
}
