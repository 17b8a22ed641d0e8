import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, timestamp } from 'drizzle-orm/pg-core';

/** Holiday notices loaded after release (the shipped JSON covers the years known at build time). */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  data: jsonb('data').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});
