import { z } from 'zod';
import { Id, IsoDateTime, LngLat } from './common.ts';
import { HazardLevel, IsoCalendarDate, RectificationMode, TreatmentPlan } from './hazards.ts';
import { MESSAGES, MOBILE_PATTERN } from './validators.ts';

/** Beyond this distance from the site the inspection is flagged (the inspector may not have been there). */
export const GPS_FLAG_DISTANCE_M = 200;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export const AnswerResult = z.enum(['pass', 'fail', 'na']);

/**
 * One answer. Photos are uploaded first (POST /api/uploads/photos) and referenced by key, so an
 * offline client can queue uploads and the submission separately.
 */
export const InspectionAnswer = z.object({
  checkItemId: Id,
  result: AnswerResult.optional(),
  value: z.number().optional(),
  choice: z.string().max(40).optional(),
  note: z.string().trim().max(1000).optional(),
  photos: z.array(z.string().max(200)).max(10).default([]),
  /** Overrides for the hazard a failed item creates; defaults come from the check item. */
  hazard: z
    .object({
      level: HazardLevel.optional(),
      mode: RectificationMode.optional(),
      deadline: IsoCalendarDate.optional(),
      description: z.string().trim().max(1000).optional(),
      treatmentPlan: TreatmentPlan.optional(),
      /** 即时整改: fixed during the visit, with an after-photo. */
      fixedOnSpotPhotos: z.array(z.string().max(200)).max(10).optional(),
    })
    .optional(),
});
export type InspectionAnswer = z.input<typeof InspectionAnswer>;

export const Signature = z.object({
  imageKey: z.string().max(200),
  signerName: z.string().trim().min(1).max(50),
  signerPhone: z.string().trim().regex(MOBILE_PATTERN, MESSAGES.mobile),
  signedAt: IsoDateTime,
});
export const SignatureRefusal = z.object({ reason: z.string().trim().min(2).max(500), witness: z.string().trim().min(1).max(100) });

export const GpsFix = LngLat.extend({ accuracy: z.number().min(0).max(100_000).optional(), at: IsoDateTime.optional() });

/**
 * An inspection submission. The client makes the id, so a retried or re-synced submission is
 * stored once and answered the same.
 */
export const InspectionSubmission = z.object({
  id: Id,
  siteId: Id,
  startedAt: IsoDateTime,
  endedAt: IsoDateTime,
  coInspectorIds: z.array(Id).max(10).default([]),
  gps: GpsFix.nullable(),
  answers: z.array(InspectionAnswer).min(1).max(1000),
  notes: z.string().trim().max(2000).optional(),
  signature: Signature.nullable().default(null),
  refusal: SignatureRefusal.nullable().default(null),
});
export type InspectionSubmission = z.input<typeof InspectionSubmission>;

/** 复查: each open hazard of the site, fixed (with after-photos) or not. */
export const ReinspectionSubmission = z.object({
  id: Id,
  siteId: Id,
  startedAt: IsoDateTime,
  endedAt: IsoDateTime,
  gps: GpsFix.nullable(),
  results: z
    .array(z.object({ hazardId: Id, fixed: z.boolean(), photos: z.array(z.string().max(200)).max(10).default([]), note: z.string().trim().max(1000).optional() }))
    .min(1),
  notes: z.string().trim().max(2000).optional(),
});
export type ReinspectionSubmission = z.input<typeof ReinspectionSubmission>;

export const InspectionSummary = z.object({
  id: Id,
  siteId: Id,
  siteName: z.string(),
  kind: z.enum(['inspection', 'reinspection']),
  inspectorName: z.string(),
  startedAt: IsoDateTime,
  endedAt: IsoDateTime,
  distanceM: z.number().nullable(),
  farFromSite: z.boolean(),
  hazardCount: z.number().int(),
  noticeNumber: z.string().nullable(),
});
export type InspectionSummary = z.infer<typeof InspectionSummary>;

export const PhotoRef = z.object({ key: z.string(), url: z.string(), thumbnailUrl: z.string().nullable() });
export type PhotoRef = z.infer<typeof PhotoRef>;
