import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sites } from '../sites/schema.ts';
import { inspections } from '../inspections/schema.ts';

/** 整改通知书: one per inspection that found hazards, numbered per town per year, rendered to PDF. */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    inspectionId: uuid('inspection_id').notNull().unique().references(() => inspections.id),
    hazardIds: uuid('hazard_ids').array().notNull(),
    fileKey: text('file_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('notices_site_idx').on(t.siteId)],
);
