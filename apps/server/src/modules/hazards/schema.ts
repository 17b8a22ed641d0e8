import { sql } from 'drizzle-orm';
import { boolean, customType, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { HazardLevel, HazardStatus, RectificationMode, TreatmentPlan } from '@anxun/contracts';
import { sites } from '../sites/schema.ts';
import { departments, users } from '../users/schema.ts';
import { checkItems } from '../checklists/schema.ts';
import { inspections } from '../inspections/schema.ts';

/** ASCII area codes: in the "C" collation one plain btree serves the scope prefix (LIKE 'X%'), as on sites. */
const pathText = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

/** 隐患: one finding, owned by the department whose check item it failed. */
export const hazards = pgTable(
  'hazards',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    areaPath: pathText('area_path').notNull(),
    departmentId: uuid('department_id').notNull().references(() => departments.id),
    inspectionId: uuid('inspection_id').references(() => inspections.id),
    checkItemId: uuid('check_item_id').references(() => checkItems.id),
    level: text('level').$type<HazardLevel>().notNull(),
    mode: text('mode').$type<RectificationMode>().notNull(),
    status: text('status').$type<HazardStatus>().notNull(),
    description: text('description').notNull(),
    /** Asia/Shanghai calendar date; only deadline-mode hazards have one. */
    deadline: date('deadline', { mode: 'string' }),
    treatmentPlan: jsonb('treatment_plan').$type<TreatmentPlan>(),
    photosBefore: text('photos_before').array().notNull().default(sql`'{}'::text[]`),
    photosAfter: text('photos_after').array().notNull().default(sql`'{}'::text[]`),
    extensionPending: boolean('extension_pending').notNull().default(false),
    foundBy: uuid('found_by').references(() => users.id),
    foundAt: timestamp('found_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    reminderSentFor: date('reminder_sent_for', { mode: 'string' }),
    overdueNoticeSentFor: date('overdue_notice_sent_for', { mode: 'string' }),
    /** Optimistic lock: a transition names the version it saw. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('hazards_site_idx').on(t.siteId, t.status),
    index('hazards_area_path_idx').on(t.areaPath, t.status),
    // The ledger's default order: a broad scope walks this instead of sorting every hazard (NULLS FIRST: the order ORDER BY found_at DESC means).
    index('hazards_found_idx').on(t.foundAt.desc().nullsFirst(), t.id),
    index('hazards_department_idx').on(t.departmentId, t.status),
    index('hazards_deadline_idx').on(t.deadline).where(sql`${t.status} in ('open', 'pending_review')`),
  ],
);

/** Every transition, with who, when, where and the evidence: the hazard's timeline. */
export const hazardEvents = pgTable(
  'hazard_events',
  {
    id: uuid('id').primaryKey(),
    hazardId: uuid('hazard_id').notNull().references(() => hazards.id),
    action: text('action').notNull(),
    fromStatus: text('from_status').$type<HazardStatus>(),
    toStatus: text('to_status').$type<HazardStatus>().notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    reason: text('reason'),
    evidence: text('evidence').array().notNull().default(sql`'{}'::text[]`),
    details: jsonb('details'),
  },
  (t) => [index('hazard_events_hazard_idx').on(t.hazardId, t.at)],
);

/** 延期申请. */
export const hazardExtensions = pgTable(
  'hazard_extensions',
  {
    id: uuid('id').primaryKey(),
    hazardId: uuid('hazard_id').notNull().references(() => hazards.id),
    status: text('status').$type<'requested' | 'approved' | 'rejected'>().notNull(),
    fromDeadline: date('from_deadline', { mode: 'string' }).notNull(),
    newDeadline: date('new_deadline', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().default(sql`now()`),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
  },
  (t) => [index('hazard_extensions_hazard_idx').on(t.hazardId)],
);
