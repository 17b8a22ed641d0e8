import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Attachment, AttachmentKind, SiteDetail, SiteUpdateBody, SiteWriteBody, TimelineEvent } from '@anxun/contracts';
import type { RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { write } from '../../platform/write.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { findArea, ancestorsOf } from '../areas/queries.ts';
import { canSite, siteAllowed } from './policy.ts';
import { findDuplicate, findSite, listAttachments, siteHistory, toSite, type SiteRow } from './queries.ts';
import { diffFields, siteColumns } from './rules.ts';
import { siteAttachments, sites } from './schema.ts';

/** Sites hang on grids or micro-grids, where inspectors and grid members work. */
const SITE_AREA_LEVELS = new Set(['village', 'grid', 'micro_grid']);

async function loadVisible(ctx: RequestContext, db: Executor, id: string) {
  const found = await findSite(db, id);
  if (!found || !canSite(ctx.actor, 'read', found.site)) throw notFound('site');
  return found;
}

async function areaForSite(ctx: RequestContext, db: Executor, areaId: string) {
  const area = await findArea(db, areaId);
  if (!area || !canSite(ctx.actor, 'read', { areaPath: area.path })) {
    throw badRequest('invalid_area', '所选区域不存在或不在您的管辖范围内', 'The chosen area does not exist or is outside your scope', [
      { path: 'body.areaId', message: '区域无效', messageEn: 'Invalid area' },
    ]);
  }
  if (!SITE_AREA_LEVELS.has(area.level)) {
    throw badRequest('invalid_area_level', '受检单位须归属到村社、网格或微网格', 'A site belongs to a village, grid or micro-grid', [
      { path: 'body.areaId', message: '请选择村社、网格或微网格', messageEn: 'Choose a village, grid or micro-grid' },
    ]);
  }
  return area;
}

async function refuseDuplicate(db: Executor, site: { creditCode?: string | null; name: string; address: string }, exceptId?: string) {
  const dup = await findDuplicate(db, site, exceptId);
  if (!dup) return;
  const byCode = site.creditCode && dup.creditCode === site.creditCode;
  throw conflict(
    'duplicate_site',
    byCode ? `统一社会信用代码已登记：${dup.name}` : `同名同地址的受检单位已存在：${dup.name}`,
    byCode ? `This credit code is already registered to ${dup.name}` : `A site with the same name and address exists: ${dup.name}`,
    [{ path: byCode ? 'body.creditCode' : 'body.name', message: '重复', messageEn: 'Duplicate' }],
  );
}

/** The audit snapshot: plain columns, no timestamps, so the timeline shows only real changes. */
function snapshot(row: SiteRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

export async function getSiteDetail(ctx: RequestContext, id: string): Promise<SiteDetail> {
  const db = ctx.database.db;
  const { site, areaName } = await loadVisible(ctx, db, id);
  const [chain, files] = await Promise.all([ancestorsOf(db, site.areaPath), listAttachments(db, id)]);
  return {
    ...toSite(site, areaName),
    areaPath: chain.map(({ id: areaId, name, level }) => ({ id: areaId, name, level })),
    attachments: files.map(toAttachment),
    allowed: siteAllowed(ctx.actor, site),
  };
}

export async function createSite(ctx: RequestContext, body: z.infer<typeof SiteWriteBody>) {
  const id = await write(ctx, async ({ tx, audit }) => {
    const area = await areaForSite(ctx, tx, body.areaId);
    if (!canSite(ctx.actor, 'create', { areaPath: area.path })) throw forbidden();
    const columns = siteColumns(body);
    await refuseDuplicate(tx, { creditCode: body.creditCode ?? null, name: body.name, address: body.address });
    const [row] = await tx
      .insert(sites)
      .values({ ...columns, id: randomUUID(), kind: body.kind, name: body.name, address: body.address, areaId: area.id, areaPath: area.path })
      .returning();
    audit({ action: 'site.created', entityType: 'site', entityId: row!.id, after: snapshot(row!) });
    return row!.id;
  });
  return getSiteDetail(ctx, id);
}

export async function updateSite(ctx: RequestContext, id: string, body: z.infer<typeof SiteUpdateBody>) {
  await write(ctx, async ({ tx, audit }) => {
    const { site: before } = await loadVisible(ctx, tx, id);
    if (!canSite(ctx.actor, 'update', before)) throw forbidden();
    const columns = siteColumns(body);
    if (body.areaId && body.areaId !== before.areaId) {
      const area = await areaForSite(ctx, tx, body.areaId);
      if (!canSite(ctx.actor, 'update', { areaPath: area.path })) throw forbidden();
      Object.assign(columns, { areaId: area.id, areaPath: area.path });
    }
    await refuseDuplicate(tx, { creditCode: columns.creditCode ?? before.creditCode, name: columns.name ?? before.name, address: columns.address ?? before.address }, id);
    const [after] = await tx.update(sites).set({ ...columns, updatedAt: sql`now()` }).where(eq(sites.id, id)).returning();
    if (diffFields(snapshot(before), snapshot(after!)).length > 0) {
      audit({ action: 'site.updated', entityType: 'site', entityId: id, before: snapshot(before), after: snapshot(after!) });
    }
  });
  return getSiteDetail(ctx, id);
}

export async function siteTimeline(ctx: RequestContext, id: string): Promise<TimelineEvent[]> {
  await loadVisible(ctx, ctx.database.db, id);
  const events = await siteHistory(ctx.database.db, id);
  return events.map((e) => ({
    id: String(e.seq),
    at: e.at.toISOString(),
    action: e.action,
    actorName: e.actorName,
    changes: diffFields(e.before as Record<string, unknown> | null, e.after as Record<string, unknown> | null),
  }));
}

export function toAttachment(row: typeof siteAttachments.$inferSelect): Attachment {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
    url: `/api/files/${row.fileKey}`,
    thumbnailUrl: row.thumbnailKey ? `/api/files/${row.thumbnailKey}` : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface StoredUpload {
  fileKey: string;
  thumbnailKey: string | null;
  fileName: string;
  mimeType: string;
  size: number;
}

/** Checks the actor may attach to the site before the upload is stored. */
export async function assertCanAttach(ctx: RequestContext, siteId: string) {
  const { site } = await loadVisible(ctx, ctx.database.db, siteId);
  if (!canSite(ctx.actor, 'attach', site)) throw forbidden();
}

export async function recordAttachment(ctx: RequestContext, siteId: string, kind: AttachmentKind, file: StoredUpload): Promise<Attachment> {
  return write(ctx, async ({ tx, audit }) => {
    const { site } = await loadVisible(ctx, tx, siteId);
    if (!canSite(ctx.actor, 'attach', site)) throw forbidden();
    const [row] = await tx
      .insert(siteAttachments)
      .values({ id: randomUUID(), siteId, kind, ...file, createdBy: ctx.actor.id })
      .returning();
    audit({ action: 'site.attachment_added', entityType: 'site', entityId: siteId, after: { attachment: { kind, fileName: file.fileName } } });
    return toAttachment(row!);
  });
}
