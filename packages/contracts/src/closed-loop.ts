import { z } from 'zod';
import { Allowed, Id, IsoDateTime, PageQuery, LngLat } from './common.ts';
import { SiteColour, SiteKind } from './enums.ts';
import { HazardAction, HazardLevel, HazardStatus, IsoCalendarDate, RectificationMode, TreatmentPlan, ExtensionStatus } from './hazards.ts';
import { PhotoRef } from './inspections.ts';

export const HazardSummary = z.object({
  id: Id,
  siteId: Id,
  siteName: z.string(),
  siteKind: SiteKind,
  areaName: z.string(),
  departmentId: Id,
  departmentName: z.string(),
  checkItemCode: z.string().nullable(),
  description: z.string(),
  level: HazardLevel,
  mode: RectificationMode,
  status: HazardStatus,
  deadline: IsoCalendarDate.nullable(),
  overdue: z.boolean(),
  foundAt: IsoDateTime,
  closedAt: IsoDateTime.nullable(),
  inspectorName: z.string().nullable(),
});
export type HazardSummary = z.infer<typeof HazardSummary>;

export const HazardEventView = z.object({
  id: Id,
  action: z.string(),
  fromStatus: HazardStatus.nullable(),
  toStatus: HazardStatus,
  actorName: z.string(),
  at: IsoDateTime,
  location: LngLat.nullable(),
  reason: z.string().nullable(),
  evidence: z.array(PhotoRef),
});

export const HazardExtensionView = z.object({
  id: Id,
  status: ExtensionStatus,
  fromDeadline: IsoCalendarDate,
  newDeadline: IsoCalendarDate,
  reason: z.string(),
  requestedAt: IsoDateTime,
  decidedAt: IsoDateTime.nullable(),
  decisionReason: z.string().nullable(),
});

export const HazardDetail = HazardSummary.extend({
  inspectionId: Id.nullable(),
  legalBasis: z.string().nullable(),
  suggestedFix: z.string().nullable(),
  treatmentPlan: TreatmentPlan.nullable(),
  photosBefore: z.array(PhotoRef),
  photosAfter: z.array(PhotoRef),
  events: z.array(HazardEventView),
  extensions: z.array(HazardExtensionView),
  noticeId: Id.nullable(),
  noticeNumber: z.string().nullable(),
  version: z.number().int(),
  /** Actions the viewer may take now: the UI shows only these. */
  allowedActions: z.array(HazardAction),
  allowed: Allowed,
});
export type HazardDetail = z.infer<typeof HazardDetail>;

export const HazardListQuery = PageQuery.extend({
  areaId: Id.optional(),
  siteId: Id.optional(),
  departmentId: Id.optional(),
  /** One status, or several separated by commas (e.g. open,pending_review). */
  status: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(HazardStatus).min(1))
    .optional(),
  sort: z.enum(['found', 'deadline']).default('found'),
  level: HazardLevel.optional(),
  mode: RectificationMode.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  deadlineFrom: IsoCalendarDate.optional(),
  deadlineTo: IsoCalendarDate.optional(),
  q: z.string().trim().max(100).optional(),
});
export type HazardListQuery = z.infer<typeof HazardListQuery>;

export const HazardActionBody = z.object({
  action: HazardAction,
  reason: z.string().trim().max(1000).optional(),
  /** Photo keys from POST /api/sites/:id/photos. */
  evidence: z.array(z.string().max(200)).max(20).optional(),
  /** The version the client saw: a stale one is a 409, not a silent overwrite. */
  version: z.number().int().optional(),
  location: LngLat.optional(),
});

export const InspectionResult = z.object({
  id: Id,
  siteId: Id,
  colour: SiteColour,
  distanceM: z.number().nullable(),
  farFromSite: z.boolean(),
  hazards: z.array(z.object({ id: Id, checkItemId: Id.nullable(), status: HazardStatus, level: HazardLevel, mode: RectificationMode, deadline: IsoCalendarDate.nullable() })),
  noticeId: Id.nullable(),
  noticeNumber: z.string().nullable(),
});
export type InspectionResult = z.infer<typeof InspectionResult>;

export const InspectionDetail = z.object({
  id: Id,
  kind: z.enum(['inspection', 'reinspection']),
  siteId: Id,
  siteName: z.string(),
  siteLocation: LngLat.nullable(),
  inspectorName: z.string(),
  coInspectorNames: z.array(z.string()),
  startedAt: IsoDateTime,
  endedAt: IsoDateTime,
  gps: LngLat.extend({ accuracy: z.number().nullable() }).nullable(),
  distanceM: z.number().nullable(),
  farFromSite: z.boolean(),
  notes: z.string().nullable(),
  signature: z.object({ image: PhotoRef, signerName: z.string(), signerPhone: z.string(), signedAt: IsoDateTime }).nullable(),
  refusal: z.object({ reason: z.string(), witness: z.string() }).nullable(),
  answers: z.array(
    z.object({
      checkItemId: Id,
      code: z.string(),
      text: z.string(),
      departmentName: z.string(),
      result: z.enum(['pass', 'fail', 'na']),
      value: z.number().nullable(),
      choice: z.string().nullable(),
      note: z.string().nullable(),
      photos: z.array(PhotoRef),
    }),
  ),
  hazards: z.array(HazardSummary),
  noticeId: Id.nullable(),
  noticeNumber: z.string().nullable(),
});
export type InspectionDetail = z.infer<typeof InspectionDetail>;

export const YellowCardBody = z.object({ deadline: IsoCalendarDate, reason: z.string().trim().min(2).max(1000) });
export const SuspensionBody = z.object({ reason: z.string().trim().min(2).max(1000) });

export const SiteOrdersView = z.object({
  yellowCards: z.array(z.object({ id: Id, number: z.string(), deadline: IsoCalendarDate, reason: z.string(), issuedAt: IsoDateTime, resolvedAt: IsoDateTime.nullable(), overdue: z.boolean() })),
  suspensions: z.array(z.object({ id: Id, reason: z.string(), orderedAt: IsoDateTime, liftedAt: IsoDateTime.nullable(), liftReason: z.string().nullable() })),
  colourHistory: z.array(z.object({ colour: SiteColour, previous: SiteColour.nullable(), reason: z.string(), at: IsoDateTime })),
  notices: z.array(z.object({ id: Id, number: z.string(), createdAt: IsoDateTime, url: z.string() })),
  inspections: z.array(z.object({ id: Id, kind: z.enum(['inspection', 'reinspection']), inspectorName: z.string(), endedAt: IsoDateTime, hazardCount: z.number().int(), farFromSite: z.boolean() })),
  allowed: Allowed,
});
export type SiteOrdersView = z.infer<typeof SiteOrdersView>;
