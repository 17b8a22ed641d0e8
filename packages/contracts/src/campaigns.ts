import { z } from 'zod';
import { Allowed, Id, IsoDateTime, PageQuery } from './common.ts';
import { SiteColour, SiteKind } from './enums.ts';
import { IsoCalendarDate } from './hazards.ts';
import { MOBILE_PATTERN, MESSAGES } from './validators.ts';

/** planned (before startsOn), active, finished (after endsOn) — by the Asia/Shanghai date. */
export const CAMPAIGN_STATUSES = ['planned', 'active', 'finished'] as const;
export const CampaignStatus = z.enum(CAMPAIGN_STATUSES);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

/** 一办六组 (office, working groups) beside the field tree 片区 → 小组 → 村社队. */
export const CAMPAIGN_UNIT_KINDS = ['office', 'working_group', 'zone', 'squad', 'village_team'] as const;
export const CampaignUnitKind = z.enum(CAMPAIGN_UNIT_KINDS);
export type CampaignUnitKind = z.infer<typeof CampaignUnitKind>;

/** 三个一批: 样板示范 model, 整改提升 upgrade, 关停拆除 shut down. */
export const BATCH_KINDS = ['model', 'upgrade', 'shutdown'] as const;
export const BatchKind = z.enum(BATCH_KINDS);
export type BatchKind = z.infer<typeof BatchKind>;

/** The three people who sign a batch decision: 村书记, 联络干部, 组长. */
export const BATCH_SIGNOFF_ROLES = ['village_secretary', 'liaison_cadre', 'squad_leader'] as const;
export const BatchSignoffRole = z.enum(BATCH_SIGNOFF_ROLES);
export type BatchSignoffRole = z.infer<typeof BatchSignoffRole>;

export const CAMPAIGN_LABELS_ZH = {
  status: { planned: '未开始', active: '进行中', finished: '已结束' },
  unitKind: { office: '指挥部办公室', working_group: '工作组', zone: '片区', squad: '小组', village_team: '村社队' },
  batch: { model: '样板示范', upgrade: '整改提升', shutdown: '关停拆除' },
  signoffRole: { village_secretary: '村书记', liaison_cadre: '联络干部', squad_leader: '组长' },
} as const;

const Name = z.string().trim().min(1, '名称不能为空 | The name is required').max(100, '名称不超过 100 字 | At most 100 characters');
const Text = (max: number) => z.string().trim().min(1, '请填写内容 | This field is required').max(max, `不超过 ${max} 字 | At most ${max} characters`);

export const CampaignWriteBody = z
  .object({
    name: Name,
    areaId: Id,
    startsOn: IsoCalendarDate,
    endsOn: IsoCalendarDate,
    siteKinds: z.array(SiteKind).min(1, '至少选择一类受检单位 | Choose at least one site kind'),
  })
  .refine((b) => b.startsOn <= b.endsOn, { path: ['endsOn'], message: '结束日期不能早于开始日期 | The end date must not be before the start date' });
export type CampaignWriteBody = z.infer<typeof CampaignWriteBody>;

export const CampaignUpdateBody = z
  .object({
    name: Name.optional(),
    startsOn: IsoCalendarDate.optional(),
    endsOn: IsoCalendarDate.optional(),
    siteKinds: z.array(SiteKind).min(1, '至少选择一类受检单位 | Choose at least one site kind').optional(),
  })
  .refine((b) => !b.startsOn || !b.endsOn || b.startsOn <= b.endsOn, {
    path: ['endsOn'],
    message: '结束日期不能早于开始日期 | The end date must not be before the start date',
  });
export type CampaignUpdateBody = z.infer<typeof CampaignUpdateBody>;

export const Campaign = z.object({
  id: Id,
  name: z.string(),
  areaId: Id,
  areaName: z.string(),
  areaPath: z.string(),
  startsOn: IsoCalendarDate,
  endsOn: IsoCalendarDate,
  siteKinds: z.array(SiteKind),
  status: CampaignStatus,
  createdAt: IsoDateTime,
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignMember = z.object({
  id: Id,
  unitId: Id,
  userId: Id.nullable(),
  username: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  duty: z.string().nullable(),
  isLeader: z.boolean(),
});
export type CampaignMember = z.infer<typeof CampaignMember>;

export const CampaignUnit = z.object({
  id: Id,
  kind: CampaignUnitKind,
  parentId: Id.nullable(),
  name: z.string(),
  areaId: Id.nullable(),
  areaName: z.string().nullable(),
  sortOrder: z.number().int(),
  members: z.array(CampaignMember),
  /** Sites assigned to this squad or village team (0 for the others). */
  siteCount: z.number().int(),
});
export type CampaignUnit = z.infer<typeof CampaignUnit>;

export const CampaignCounts = z.object({
  sitesInScope: z.number().int(),
  sitesAssigned: z.number().int(),
  sitesUnassigned: z.number().int(),
  sitesInspected: z.number().int(),
  zones: z.number().int(),
  squads: z.number().int(),
  villageTeams: z.number().int(),
  members: z.number().int(),
});

export const CampaignDetail = Campaign.extend({
  /** Every unit, flat, ordered by sortOrder then creation; the tree is given by parentId. */
  units: z.array(CampaignUnit),
  counts: CampaignCounts,
  allowed: Allowed,
});
export type CampaignDetail = z.infer<typeof CampaignDetail>;

export const CampaignListQuery = PageQuery.extend({
  status: CampaignStatus.optional(),
});

export const CampaignUnitWriteBody = z.object({
  kind: CampaignUnitKind,
  parentId: Id.nullable().optional(),
  name: Name,
  areaId: Id.nullable().optional(),
  sortOrder: z.number().int().min(0).max(10000).optional(),
});
export type CampaignUnitWriteBody = z.infer<typeof CampaignUnitWriteBody>;

export const CampaignUnitUpdateBody = z.object({
  parentId: Id.nullable().optional(),
  name: Name.optional(),
  areaId: Id.nullable().optional(),
  sortOrder: z.number().int().min(0).max(10000).optional(),
});
export type CampaignUnitUpdateBody = z.infer<typeof CampaignUnitUpdateBody>;

export const CampaignMemberWriteBody = z.object({
  name: z.string().trim().min(1, '请填写姓名 | The name is required').max(50, '姓名不超过 50 字 | At most 50 characters'),
  phone: z.string().trim().regex(MOBILE_PATTERN, MESSAGES.mobile).nullable().optional(),
  duty: z.string().trim().max(50, '职务不超过 50 字 | At most 50 characters').nullable().optional(),
  isLeader: z.boolean().optional(),
  /** Optional link to the member's account, so they can act (e.g. sign) as this member. */
  userId: Id.nullable().optional(),
});
export type CampaignMemberWriteBody = z.infer<typeof CampaignMemberWriteBody>;

/** Assign to a squad or a village team: the sites of one area (village, grid, micro-grid) or a list of sites. */
export const CampaignAssignBody = z
  .object({
    unitId: Id,
    areaId: Id.optional(),
    siteIds: z.array(Id).min(1).max(5000).optional(),
    /** Leave sites already assigned elsewhere where they are. */
    onlyUnassigned: z.boolean().default(false),
  })
  .refine((b) => (b.areaId ? 1 : 0) + (b.siteIds ? 1 : 0) === 1, {
    path: ['areaId'],
    message: '请指定一个区域或一组受检单位（二选一） | Give either an area or a list of sites, not both',
  });
export type CampaignAssignBody = z.input<typeof CampaignAssignBody>;

export const CampaignAssignResult = z.object({ assigned: z.number().int(), reassigned: z.number().int(), unchanged: z.number().int() });
export type CampaignAssignResult = z.infer<typeof CampaignAssignResult>;

export const CampaignUnassignResult = z.object({ unassigned: z.number().int() });

export const CampaignReassignBody = z.object({ unitId: Id });

export const CampaignSiteQuery = PageQuery.extend({
  squadId: Id.optional(),
  villageTeamId: Id.optional(),
  areaId: Id.optional(),
  assigned: z.enum(['all', 'assigned', 'unassigned']).default('all'),
  q: z.string().trim().max(100).optional(),
});

export const CampaignSiteRow = z.object({
  siteId: Id,
  name: z.string(),
  kind: SiteKind,
  address: z.string(),
  areaName: z.string(),
  colour: SiteColour,
  squadId: Id.nullable(),
  squadName: z.string().nullable(),
  villageTeamId: Id.nullable(),
  villageTeamName: z.string().nullable(),
  assignedAt: IsoDateTime.nullable(),
});
export type CampaignSiteRow = z.infer<typeof CampaignSiteRow>;

export const CampaignSitePage = z.object({
  items: z.array(CampaignSiteRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** In the viewer's part of the campaign scope, whatever the filters. */
  unassigned: z.number().int(),
});
export type CampaignSitePage = z.infer<typeof CampaignSitePage>;

export const TargetPlanBody = z.object({
  /** One squad, or every squad of the campaign when absent. */
  squadId: Id.optional(),
});

export const TargetEditBody = z.object({
  squadId: Id,
  weekStart: IsoCalendarDate,
  sitesInspected: z.number().int().min(0).max(1_000_000),
  hazardsClosed: z.number().int().min(0).max(1_000_000),
});

export const SquadWeek = z.object({
  squadId: Id,
  weekStart: IsoCalendarDate,
  target: z.object({ sitesInspected: z.number().int(), hazardsClosed: z.number().int() }).nullable(),
  actual: z.object({ sitesInspected: z.number().int(), hazardsClosed: z.number().int() }),
  /** actual ÷ target; null without a target or with a target of 0. May exceed 1. */
  attainment: z.object({ sitesInspected: z.number().nullable(), hazardsClosed: z.number().nullable() }),
});
export type SquadWeek = z.infer<typeof SquadWeek>;

export const CampaignTargets = z.object({
  weeks: z.array(IsoCalendarDate),
  currentWeek: IsoCalendarDate.nullable(),
  squads: z.array(
    z.object({
      squadId: Id,
      squadName: z.string(),
      zoneName: z.string().nullable(),
      sitesAssigned: z.number().int(),
      /** Work left as of the current week's Monday: assigned sites never inspected in the campaign, unclosed hazards. */
      remaining: z.object({ sitesInspected: z.number().int(), hazardsClosed: z.number().int() }),
      weeks: z.array(SquadWeek),
    }),
  ),
  allowed: Allowed,
});
export type CampaignTargets = z.infer<typeof CampaignTargets>;

export const BatchProposeBody = z.object({
  siteId: Id,
  batch: BatchKind,
  reason: Text(500),
});

export const BatchSignBody = z.object({
  role: BatchSignoffRole,
  comment: z.string().trim().max(500, '意见不超过 500 字 | At most 500 characters').nullable().optional(),
});

export const BatchSignoff = z.object({
  role: BatchSignoffRole,
  signerId: Id.nullable(),
  signerName: z.string(),
  comment: z.string().nullable(),
  signedAt: IsoDateTime,
});

export const BatchDecision = z.object({
  id: Id,
  campaignId: Id,
  siteId: Id,
  siteName: z.string(),
  areaName: z.string(),
  batch: BatchKind,
  reason: z.string(),
  proposedByName: z.string().nullable(),
  proposedAt: IsoDateTime,
  decidedAt: IsoDateTime.nullable(),
  supersededAt: IsoDateTime.nullable(),
  signoffs: z.array(BatchSignoff),
  /** Roles still to sign, in order. */
  pending: z.array(BatchSignoffRole),
  /** Roles the viewer may sign now. */
  canSign: z.array(BatchSignoffRole),
});
export type BatchDecision = z.infer<typeof BatchDecision>;

export const BatchListQuery = PageQuery.extend({
  batch: BatchKind.optional(),
  state: z.enum(['pending', 'decided']).optional(),
  siteId: Id.optional(),
  /** Include superseded proposals (history). */
  history: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export const BatchPage = z.object({
  items: z.array(BatchDecision),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Decided, current decisions per batch in the viewer's part of the campaign. */
  decided: z.object({ model: z.number().int(), upgrade: z.number().int(), shutdown: z.number().int() }),
  allowed: Allowed,
});
export type BatchPage = z.infer<typeof BatchPage>;
