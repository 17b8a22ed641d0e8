import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SiteKind } from '@anxun/contracts';
import { areas } from '../areas/schema.ts';
import { sites } from '../sites/schema.ts';
import { users } from '../users/schema.ts';

/** 专项行动: a time-boxed drive over an area and some site kinds. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    areaId: uuid('area_id').notNull().references(() => areas.id),
    /** Copied from the area: scope checks and "sites in scope" are prefix range scans. */
    areaPath: text('area_path').notNull(),
    /** Asia/Shanghai calendar dates, both inclusive. */
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    siteKinds: text('site_kinds').array().$type<SiteKind[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('campaigns_area_idx').using('btree', t.areaPath.op('text_pattern_ops'))],
);

export type CampaignUnitKind = 'office' | 'working_group' | 'zone' | 'squad' | 'village_team';

/**
 * The campaign's organisation: 指挥部办公室 and 工作组 (一办六组) beside the field tree
 * 片区 (zone) → 小组 (squad) → 村社队 (village team).
 */
export const campaignUnits = pgTable(
  'campaign_units',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id),
    kind: text('kind').$type<CampaignUnitKind>().notNull(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    /** A village team works one village/community. */
    areaId: uuid('area_id').references(() => areas.id),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('campaign_units_campaign_idx').on(t.campaignId, t.kind), index('campaign_units_parent_idx').on(t.parentId)],
);

/** Members of a unit; most of a campaign's 800 people have no account, so a user link is optional. */
export const campaignMembers = pgTable(
  'campaign_members',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id').notNull().references(() => campaignUnits.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    phone: text('phone'),
    /** e.g. 组长, 联络员, 村书记. */
    duty: text('duty'),
    isLeader: boolean('is_leader').notNull().default(false),
  },
  (t) => [index('campaign_members_unit_idx').on(t.unitId), index('campaign_members_user_idx').on(t.userId)],
);

/** Which squad (and village team) answers for a site in the campaign. */
export const campaignSites = pgTable(
  'campaign_sites',
  {
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    squadId: uuid('squad_id').notNull().references(() => campaignUnits.id),
    villageTeamId: uuid('village_team_id').references(() => campaignUnits.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.siteId] }), index('campaign_sites_squad_idx').on(t.squadId)],
);

/** Weekly targets per squad (倒排: planned backwards from the end date). */
export const squadTargets = pgTable(
  'squad_targets',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id),
    squadId: uuid('squad_id').notNull().references(() => campaignUnits.id),
    /** Monday of the week (Asia/Shanghai). */
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    sitesInspected: integer('sites_inspected').notNull(),
    hazardsClosed: integer('hazards_closed').notNull(),
  },
  (t) => [uniqueIndex('squad_targets_week_uq').on(t.campaignId, t.squadId, t.weekStart)],
);

export type BatchKind = 'model' | 'upgrade' | 'shutdown';
export type BatchSignoffRole = 'village_secretary' | 'liaison_cadre' | 'squad_leader';

/** 三个一批: the batch an enterprise is put in; decided once all three sign-offs are recorded. */
export const batchDecisions = pgTable(
  'batch_decisions',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    batch: text('batch').$type<BatchKind>().notNull(),
    reason: text('reason').notNull(),
    proposedBy: uuid('proposed_by').references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().default(sql`now()`),
    /** Set when the third sign-off lands. */
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** A newer proposal for the same site supersedes this one. */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    index('batch_decisions_campaign_idx').on(t.campaignId, t.batch),
    uniqueIndex('batch_decisions_current_uq').on(t.campaignId, t.siteId).where(sql`${t.supersededAt} is null`),
  ],
);

export const batchSignoffs = pgTable(
  'batch_signoffs',
  {
    decisionId: uuid('decision_id').notNull().references(() => batchDecisions.id),
    role: text('role').$type<BatchSignoffRole>().notNull(),
    signerId: uuid('signer_id').references(() => users.id),
    signerName: text('signer_name').notNull(),
    comment: text('comment'),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.role] })],
);
