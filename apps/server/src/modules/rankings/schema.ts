import { sql } from 'drizzle-orm';
import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
