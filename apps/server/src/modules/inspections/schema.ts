import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, jsonb, pgTable, text, timestamp, uuid, primaryKey } from 'drizzle-orm/pg-core';
import { sites } from '../sites/schema.ts';
import { users } from '../users/schema.ts';
import { checkItems } from '../checklists/schema.ts';

/** One visit (检查) or re-inspection (复查). The id comes from the client, so a resend is a no-op. */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    areaPath: text('area_path').notNull(),
    kind: text('kind').$type<'inspection' | 'reinspection'>().notNull(),
    inspectorId: uuid('inspector_id').notNull().references(() => users.id),
    coInspectorIds: uuid('co_inspector_ids').array().notNull().default(sql`'{}'::uuid[]`),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }).notNull(),
    gpsLng: doublePrecision('gps_lng'),
    gpsLat: doublePrecision('gps_lat'),
    gpsAccuracy: doublePrecision('gps_accuracy'),
    distanceM: doublePrecision('distance_m'),
    farFromSite: boolean('far_from_site').notNull().default(false),
    notes: text('notes'),
    signature: jsonb('signature').$type<{ imageKey: string; signerName: string; signerPhone: string; signedAt: string }>(),
    refusal: jsonb('refusal').$type<{ reason: string; witness: string }>(),
    /** sha256 of the canonical submission: a resend with other content is a conflict, not a silent no-op. */
    submissionHash: text('submission_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('inspections_site_idx').on(t.siteId, t.endedAt), index('inspections_area_idx').using('btree', t.areaPath.op('text_pattern_ops'), t.endedAt)],
);

export const inspectionAnswers = pgTable(
  'inspection_answers',
  {
    inspectionId: uuid('inspection_id').notNull().references(() => inspections.id),
    checkItemId: uuid('check_item_id').notNull().references(() => checkItems.id),
    result: text('result').$type<'pass' | 'fail' | 'na'>().notNull(),
    value: doublePrecision('value'),
    choice: text('choice'),
    note: text('note'),
    photos: text('photos').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.checkItemId] })],
);
