import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import { smsOutbox } from './schema.ts';
import { SMS_TEMPLATES, URGENT_TEMPLATES, expiresAfterMinutes, isUrgentTemplate, renderSms, type SmsParams, type SmsTemplate } from './templates.ts';
import { deliverableAt, isQuietHour } from './quiet-hours.ts';
import type { SmsProvider } from './provider.ts';

/** 15 s · 2^attempts: 30 s, 1 min, 2 min … capped at 1 h; ten attempts span about three hours. */
export const MAX_ATTEMPTS = 10;
const BASE_DELAY_MS = 15_000;
const MAX_DELAY_MS = 3_600_000;

export function retryDelayMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** attempts, MAX_DELAY_MS);
}

/**
 * Queues a message inside the caller's transaction, so it exists exactly when the event does.
 * The idempotency key makes a repeated event find the message already queued instead of sending twice.
 * Returns false when the key was already there. Non-urgent messages wait out quiet hours.
 */
export async function enqueueSms<T extends SmsTemplate>(
  tx: Executor,
  message: { phone: string; template: T; params: SmsParams<T>; idempotencyKey: string },
  now: Date = new Date(),
): Promise<boolean> {
  const rows = await tx
    .insert(smsOutbox)
    .values({
      id: randomUUID(),
      idempotencyKey: message.idempotencyKey,
      phone: message.phone,
      template: message.template,
      params: message.params as Record<string, string>,
      body: renderSms(message.template, message.params),
      notBefore: deliverableAt(now, SMS_TEMPLATES[message.template].urgent),
      createdAt: now,
    })
    .onConflictDoNothing({ target: smsOutbox.idempotencyKey })
    .returning({ id: smsOutbox.id });
  return rows.length > 0;
}

export interface DispatchOptions {
  limit?: number;
  maxAttempts?: number;
  clock?: () => Date;
}

export interface DispatchResult {
  /** Rows picked up; equal to the limit means more may be due. */
  selected: number;
  sent: number;
  retrying: number;
  failed: number;
}

/** Sends due messages once each; a failure is queued again with backoff until MAX_ATTEMPTS. */
export async function dispatchDueSms(db: Db, provider: SmsProvider, options: DispatchOptions = {}): Promise<DispatchResult> {
  const { limit = 50, maxAttempts = MAX_ATTEMPTS, clock = () => new Date() } = options;
  const now = clock();
  const urgentFirst = sql`${inArray(smsOutbox.template, URGENT_TEMPLATES)} desc`;
  const due = await db
    .select()
    .from(smsOutbox)
    .where(
      and(
        eq(smsOutbox.status, 'queued'),
        lte(smsOutbox.notBefore, now),
        // Rows queued before quiet hours but not yet sent (dispatcher down, retries) still wait for 08:00.
        isQuietHour(now) ? inArray(smsOutbox.template, URGENT_TEMPLATES) : undefined,
      ),
    )
    .orderBy(urgentFirst, asc(smsOutbox.notBefore), asc(smsOutbox.createdAt))
    .limit(limit);
  const result: DispatchResult = { selected: due.length, sent: 0, retrying: 0, failed: 0 };
  for (const message of due) {
    const ttl = expiresAfterMinutes(message.template);
    if (ttl !== undefined && message.createdAt.getTime() + ttl * 60_000 < now.getTime()) {
      await db
        .update(smsOutbox)
        .set({ status: 'failed', lastError: `expired: not sent within ${ttl} min 超时未发送，已作废` })
        .where(and(eq(smsOutbox.id, message.id), eq(smsOutbox.status, 'queued')));
      result.failed++;
      continue;
    }
    // Claim the row so a concurrent dispatcher skips it; while sending, not_before holds the claim time.
    const claimed = await db
      .update(smsOutbox)
      .set({ status: 'sending', attempts: sql`${smsOutbox.attempts} + 1`, notBefore: clock() })
      .where(and(eq(smsOutbox.id, message.id), eq(smsOutbox.status, 'queued')))
      .returning({ attempts: smsOutbox.attempts });
    if (claimed.length === 0) continue;
    const attempts = claimed[0]!.attempts;
    try {
      const { messageId } = await provider.send(message);
      await db
        .update(smsOutbox)
        .set({ status: 'sent', provider: provider.name, providerMessageId: messageId ?? null, sentAt: clock() })
        .where(eq(smsOutbox.id, message.id));
      result.sent++;
    } catch (error) {
      const giveUp = attempts >= maxAttempts;
      const retryAt = new Date(clock().getTime() + retryDelayMs(attempts));
      await db
        .update(smsOutbox)
        .set({
          status: giveUp ? 'failed' : 'queued',
          provider: provider.name,
          lastError: errorText(error),
          notBefore: giveUp ? clock() : deliverableAt(retryAt, isUrgentTemplate(message.template)),
        })
        .where(eq(smsOutbox.id, message.id));
      if (giveUp) result.failed++;
      else result.retrying++;
    }
  }
  return result;
}

/**
 * A process that stopped mid-send leaves rows 'sending'; queue those claimed before `claimedBefore`
 * again (at-least-once: the provider may or may not have sent them). Returns how many.
 */
export async function recoverInterruptedSms(db: Db, claimedBefore: Date): Promise<number> {
  const rows = await db
    .update(smsOutbox)
    .set({ status: 'queued' })
    .where(and(eq(smsOutbox.status, 'sending'), lt(smsOutbox.notBefore, claimedBefore)))
    .returning({ id: smsOutbox.id });
  return rows.length;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}
