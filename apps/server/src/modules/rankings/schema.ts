import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from '../campaigns/schema.ts';

export type RankingUnitKind = 'village' | 'squad';

/**
 * The figures of one village (area id) or squad (campaign unit id) at 24:00 Asia/Shanghai of `day`.
 * Counts are stored, rates and ranks derived from them, so a snapshot can be recounted and compared.
 */
export const rankingSnapshots = pgTable(
  'ranking_snapshots',
  {
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id),
    day: date('day', { mode: 'string' }).notNull(),
    unitKind: text('unit_kind').$type<RankingUnitKind>().notNull(),
    unitId: uuid('unit_id').notNull(),
    sitesInScope: integer('sites_in_scope').notNull(),
    sitesInspected: integer('sites_inspected').notNull(),
    hazardsFound: integer('hazards_found').notNull(),
    hazardsClosed: integer('hazards_closed').notNull(),
    inspectionRank: integer('inspection_rank').notNull(),
    closeOutRank: integer('close_out_rank').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.day, t.unitKind, t.unitId] })],
);

/**
 * Per-unit daily deltas of the four ranking counts, kept by triggers on sites, campaign_sites,
 * campaigns, inspections, hazards and hazard_events (migration 0005, docs/rankings.md): a unit's
 * figures as of the end of a day are the sums over its rows up to that day, so a ranking reads a
 * few thousand rows instead of every hazard. Rows are only appended (no row is a hot spot for
 * concurrent submissions); the nightly job folds them into one row per unit and day.
 */
export const rankingTallies = pgTable(
  'ranking_tallies',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    unitKind: text('unit_kind').$type<RankingUnitKind>().notNull(),
    unitId: uuid('unit_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    sites: integer('sites').notNull().default(0),
    inspected: integer('inspected').notNull().default(0),
    found: integer('found').notNull().default(0),
    closed: integer('closed').notNull().default(0),
  },
  (t) => [index('ranking_tallies_day_idx').on(t.campaignId, t.unitKind, t.day)],
);
