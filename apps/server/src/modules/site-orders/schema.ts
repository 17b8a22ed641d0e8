import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sites } from '../sites/schema.ts';
import { users } from '../users/schema.ts';
import { areas } from '../areas/schema.ts';

/** 黄牌: a formal, numbered deadline notice on a site; expired and unresolved, it turns the site orange. */
export const yellowCards = pgTable(
  'yellow_cards',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    number: text('number').notNull().unique(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    issuedBy: uuid('issued_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().default(sql`now()`),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id),
  },
  (t) => [index('yellow_cards_site_idx').on(t.siteId)],
);

/** 停业整改: while an order is not lifted the site is black. */
export const suspensions = pgTable(
  'suspensions',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    reason: text('reason').notNull(),
    orderedBy: uuid('ordered_by').references(() => users.id),
    orderedAt: timestamp('ordered_at', { withTimezone: true }).notNull().default(sql`now()`),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: uuid('lifted_by').references(() => users.id),
    liftReason: text('lift_reason'),
  },
  (t) => [uniqueIndex('suspensions_one_active').on(t.siteId).where(sql`${t.liftedAt} is null`)],
);

/** Per-town, per-year counters for numbered documents (整改通知书, 黄牌). */
export const documentCounters = pgTable(
  'document_counters',
  {
    townId: uuid('town_id').notNull().references(() => areas.id),
    kind: text('kind').$type<'notice' | 'yellow_card'>().notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [uniqueIndex('document_counters_pk').on(t.townId, t.kind, t.year)],
);
