import { z } from 'zod';
import { AttachmentKind, RiskLevel, SiteColour, SiteFlag, SiteKind } from './enums.ts';
import { Allowed, CoordSystem, Id, IsoDateTime, LngLat, PageQuery } from './common.ts';
import { isValidUscc, MESSAGES, MOBILE_PATTERN } from './validators.ts';

export const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidUscc, { message: MESSAGES.uscc });

export const Site = z.object({
  id: Id,
  kind: SiteKind,
  flags: z.array(SiteFlag),
  name: z.string(),
  creditCode: z.string().nullable(),
  address: z.string(),
  location: LngLat.nullable(),
  areaId: Id,
  areaName: z.string(),
  responsiblePerson: z.string().nullable(),
  phone: z.string().nullable(),
  industry: z.string().nullable(),
  riskLevel: RiskLevel.nullable(),
  employees: z.number().int().nullable(),
  floorArea: z.number().nullable(),
  colour: SiteColour,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Site = z.infer<typeof Site>;

export const Attachment = z.object({
  id: Id,
  kind: AttachmentKind,
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type Attachment = z.infer<typeof Attachment>;

export const SiteDetail = Site.extend({
  areaPath: z.array(z.object({ id: Id, name: z.string(), level: z.string() })),
  attachments: z.array(Attachment),
  allowed: Allowed,
});
export type SiteDetail = z.infer<typeof SiteDetail>;

const SiteFields = z.object({
  kind: SiteKind,
  flags: z.array(SiteFlag),
  name: z.string().trim().min(1).max(200),
  creditCode: CreditCode.nullable().optional(),
  address: z.string().trim().min(1).max(300),
  location: LngLat.nullable().optional(),
  coordSystem: CoordSystem,
  areaId: Id,
  responsiblePerson: z.string().trim().max(50).nullable().optional(),
  phone: z.string().trim().regex(MOBILE_PATTERN, MESSAGES.mobile).nullable().optional(),
  industry: z.string().trim().max(100).nullable().optional(),
  riskLevel: RiskLevel.nullable().optional(),
  employees: z.number().int().min(0).max(1_000_000).nullable().optional(),
  floorArea: z.number().min(0).max(10_000_000).nullable().optional(),
});
export const SiteWriteBody = SiteFields.extend({ flags: SiteFields.shape.flags.default([]), coordSystem: CoordSystem.default('wgs84') });
export type SiteWriteBody = z.input<typeof SiteWriteBody>;
/** No defaults here: a field left out of a PATCH stays as it is. */
export const SiteUpdateBody = SiteFields.partial();

export const SiteListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  areaId: Id.optional(),
  kind: SiteKind.optional(),
  riskLevel: RiskLevel.optional(),
  colour: SiteColour.optional(),
  flag: SiteFlag.optional(),
});
export type SiteListQuery = z.infer<typeof SiteListQuery>;

export const TimelineEvent = z.object({
  id: z.string(),
  at: IsoDateTime,
  action: z.string(),
  actorName: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** Roster import: one row's problems, reported before anything is written. */
export const ImportRowError = z.object({
  row: z.number().int(),
  column: z.string(),
  reason: z.string(),
  reasonEn: z.string(),
});
export const ImportPreview = z.object({
  importId: Id,
  status: z.enum(['validating', 'validated', 'importing', 'done', 'failed']),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  validRows: z.number().int(),
  duplicateRows: z.number().int(),
  importedRows: z.number().int(),
  errors: z.array(ImportRowError),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
