import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { notFound } from '../../platform/errors.ts';
import { smsOutbox } from '../../platform/sms/schema.ts';
import { findSite } from '../sites/queries.ts';
import { canSite } from '../sites/policy.ts';

const SmsView = z.object({
  id: z.uuid(),
  phone: z.string(),
  template: z.string(),
  body: z.string(),
  status: z.enum(['queued', 'sending', 'sent', 'failed']),
  attempts: z.number().int(),
  provider: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

/** What the party of a site was told, and whether it was delivered: the outbox seen from the archive. */
export const messageRoutes: ModuleRoutes = (app, { database }) => {
  app.get(
    '/sites/:id/sms',
    { schema: { tags: ['sites'], summary: '短信记录（发给该单位负责人的短信及送达状态）SMS sent to the site', params: z.object({ id: z.uuid() }), response: { 200: z.array(SmsView) } } },
    async (request) => {
      const ctx = contextOf(request, database);
      const found = await findSite(database.db, request.params.id);
      if (!found || !canSite(ctx.actor, 'read', found.site)) throw notFound('site');
      if (!found.site.phone) return [];
      const rows = await database.db.select().from(smsOutbox).where(eq(smsOutbox.phone, found.site.phone)).orderBy(desc(smsOutbox.createdAt)).limit(100);
      // A login code is for the phone's owner only, never for officials reading the archive.
      const isOwner = ctx.actor.phone === found.site.phone;
      return rows.map((m) => ({
        id: m.id,
        phone: m.phone,
        template: m.template,
        body: m.template === 'login_code' && !isOwner ? m.body.replace(/\d{6}/, '******') : m.body,
        status: m.status,
        attempts: m.attempts,
        provider: m.provider,
        lastError: m.lastError,
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
      }));
    },
  );
};
