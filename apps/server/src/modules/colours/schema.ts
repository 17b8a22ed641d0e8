import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid, bigserial } from 'drizzle-orm/pg-core';
import type { SiteColour } from '@anxun/contracts';
import { sites } from '../sites/schema.ts';

/** Every colour a site has worn, and why it changed. */
export const colourHistory = pgTable(
  'colour_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    colour: text('colour').$type<SiteColour>().notNull(),
    previous: text('previous').$type<SiteColour>(),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('colour_history_site_idx').on(t.siteId, t.at)],
);
