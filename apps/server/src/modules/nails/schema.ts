import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { areas } from '../areas/schema.ts';
import { sites } from '../sites/schema.ts';
import { departments, users } from '../users/schema.ts';
import { campaigns } from '../campaigns/schema.ts';

export type NailKind = 'key' | 'dynamic';
export type NailStatus = 'open' | 'in_progress' | 'resolved';

/** 一案一策: the nail's own plan. */
export interface NailPlan {
  target: string;
  measures: string;
  funds?: string;
  responsible: string;
}

/** 钉: a stubborn problem tracked as a named case — key nails fixed at campaign start, dynamic ones added later. */
export const nails = pgTable(
  'nails',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id),
    kind: text('kind').$type<NailKind>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    areaId: uuid('area_id').notNull().references(() => areas.id),
    areaPath: text('area_path').notNull(),
    plan: jsonb('plan').$type<NailPlan>().notNull(),
    status: text('status').$type<NailStatus>().notNull().default('open'),
    progress: integer('progress').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('nails_campaign_idx').on(t.campaignId, t.kind), index('nails_area_idx').using('btree', t.areaPath.op('text_pattern_ops'))],
);

export const nailSites = pgTable('nail_sites', {
  nailId: uuid('nail_id').notNull().references(() => nails.id, { onDelete: 'cascade' }),
  siteId: uuid('site_id').notNull().references(() => sites.id),
}, (t) => [primaryKey({ columns: [t.nailId, t.siteId] })]);

export const nailDepartments = pgTable('nail_departments', {
  nailId: uuid('nail_id').notNull().references(() => nails.id, { onDelete: 'cascade' }),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
}, (t) => [primaryKey({ columns: [t.nailId, t.departmentId] })]);

export const nailMilestones = pgTable(
  'nail_milestones',
  {
    id: uuid('id').primaryKey(),
    nailId: uuid('nail_id').notNull().references(() => nails.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('nail_milestones_nail_idx').on(t.nailId)],
);

/** Progress reports: the monthly airing (月晾晒) shows each nail's movement within the month. */
export const nailUpdates = pgTable(
  'nail_updates',
  {
    id: uuid('id').primaryKey(),
    nailId: uuid('nail_id').notNull().references(() => nails.id, { onDelete: 'cascade' }),
    progress: integer('progress').notNull(),
    status: text('status').$type<NailStatus>().notNull(),
    note: text('note').notNull(),
    reportedBy: uuid('reported_by').references(() => users.id),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('nail_updates_nail_idx').on(t.nailId, t.reportedAt)],
);
