import { sql } from 'drizzle-orm';
import { doublePrecision, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AreaBoundary, AreaLevel } from '@anxun/contracts';

export const areas = pgTable(
  'areas',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id'),
    level: text('level').$type<AreaLevel>().notNull(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** Codes from the root, slash-delimited with a trailing slash: "everything under X" is one prefix range scan. */
    path: text('path').notNull().unique(),
    centreLng: doublePrecision('centre_lng'),
    centreLat: doublePrecision('centre_lat'),
    boundary: jsonb('boundary').$type<AreaBoundary>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('areas_parent_idx').on(t.parentId), index('areas_path_prefix_idx').using('btree', t.path.op('text_pattern_ops'))],
);
