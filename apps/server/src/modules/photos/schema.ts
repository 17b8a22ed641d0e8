import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sites } from '../sites/schema.ts';
import { users } from '../users/schema.ts';

/**
 * Photos taken in the field (answers, evidence, signatures), uploaded before the submission that
 * cites them, so an offline phone can send files and records separately.
 */
export const sitePhotos = pgTable(
  'site_photos',
  {
    key: text('key').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    thumbnailKey: text('thumbnail_key'),
    size: bigint('size', { mode: 'number' }).notNull(),
    uploadedBy: uuid('uploaded_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('site_photos_site_idx').on(t.siteId)],
);
