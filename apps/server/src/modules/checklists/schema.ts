import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AnswerType, CheckDomain, HazardLevel, NumberThreshold, RectificationMode, SiteKind } from '@anxun/contracts';
import { departments, users } from '../users/schema.ts';

/** A department's checklist (检查表); its content lives in versions. */
export const checklists = pgTable('checklists', {
  id: uuid('id').primaryKey(),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * Published versions are frozen: inspections point at their items, so publishing a new version
 * never changes what a past inspection recorded. At most one draft and one published per checklist.
 */
export const checklistVersions = pgTable(
  'checklist_versions',
  {
    id: uuid('id').primaryKey(),
    checklistId: uuid('checklist_id').notNull().references(() => checklists.id),
    version: integer('version').notNull(),
    status: text('status').$type<'draft' | 'published' | 'retired'>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex('checklist_versions_uq').on(t.checklistId, t.version),
    uniqueIndex('checklist_versions_one_published').on(t.checklistId).where(sql`${t.status} = 'published'`),
    uniqueIndex('checklist_versions_one_draft').on(t.checklistId).where(sql`${t.status} = 'draft'`),
  ],
);

export const checkItems = pgTable(
  'check_items',
  {
    id: uuid('id').primaryKey(),
    versionId: uuid('version_id').notNull().references(() => checklistVersions.id),
    sort: integer('sort').notNull(),
    code: text('code').notNull(),
    text: text('text').notNull(),
    textEn: text('text_en').notNull(),
    domain: text('domain').$type<CheckDomain>().notNull(),
    siteKinds: text('site_kinds').array().$type<SiteKind[]>().notNull(),
    answerType: text('answer_type').$type<AnswerType>().notNull(),
    threshold: jsonb('threshold').$type<NumberThreshold>(),
    choices: jsonb('choices').$type<{ value: string; label: string; fails: boolean }[]>(),
    photoRequired: boolean('photo_required').notNull().default(false),
    defaultLevel: text('default_level').$type<HazardLevel>().notNull(),
    legalBasis: text('legal_basis').notNull(),
    suggestedFix: text('suggested_fix').notNull().default(''),
    defaultMode: text('default_mode').$type<RectificationMode>().notNull(),
    defaultDays: integer('default_days').notNull().default(0),
  },
  (t) => [index('check_items_version_idx').on(t.versionId, t.sort), uniqueIndex('check_items_code_uq').on(t.versionId, t.code)],
);
