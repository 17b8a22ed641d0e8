import { asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import sharp from 'sharp';
import type { RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { readAll, type Storage } from '../../platform/storage/index.ts';
import { sites } from '../sites/schema.ts';
import { canSite } from '../sites/policy.ts';
import { departments, users } from '../users/schema.ts';
import { inspections } from '../inspections/schema.ts';
import { hazards } from '../hazards/schema.ts';
import { checkItems } from '../checklists/schema.ts';
import { townOf } from '../site-orders/numbers.ts';
import { notices } from './schema.ts';
import { noticeData, type NoticeInput } from './data.ts';
import { renderNoticePdf } from './render.ts';

export const noticeFileKey = (noticeId: string) => `notices/${noticeId}.pdf`;

const noticeNotFound = () => new AppError(404, 'not_found', '整改通知书不存在或无权查看', 'notice not found');

/**
 * The signature as a PNG pdfkit can embed (phones upload WebP or HEIC too). A missing or
 * undecodable image prints the signer's name instead of failing the whole notice.
 */
async function signatureImage(storage: Storage, key: string | undefined): Promise<Buffer | null> {
  if (!key) return null;
  try {
    const stream = await storage.get(key);
    if (!stream) return null;
    return await sharp(await readAll(stream)).png().toBuffer();
  } catch {
    return null;
  }
}

/** Everything the notice prints, read from the records; null when the notice does not exist. */
export async function loadNoticeInput(db: Executor, storage: Storage, noticeId: string): Promise<NoticeInput | null> {
  const [notice] = await db.select().from(notices).where(eq(notices.id, noticeId));
  if (!notice) return null;
  const [[site], [visit]] = await Promise.all([
    db.select().from(sites).where(eq(sites.id, notice.siteId)),
    db
      .select({ inspection: inspections, inspectorName: users.displayName, inspectorPhone: users.phone })
      .from(inspections)
      .innerJoin(users, eq(users.id, inspections.inspectorId))
      .where(eq(inspections.id, notice.inspectionId)),
  ]);
  if (!site || !visit) throw new Error(`notice ${noticeId}: site or inspection missing`);
  const { inspection } = visit;
  const [coInspectors, hazardRows, town, image] = await Promise.all([
    inspection.coInspectorIds.length
      ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, inspection.coInspectorIds))
      : Promise.resolve([]),
    notice.hazardIds.length
      ? db
          .select({ hazard: hazards, departmentName: departments.name, code: checkItems.code, text: checkItems.text, legalBasis: checkItems.legalBasis })
          .from(hazards)
          .innerJoin(departments, eq(departments.id, hazards.departmentId))
          .leftJoin(checkItems, eq(checkItems.id, hazards.checkItemId))
          .where(inArray(hazards.id, notice.hazardIds))
      : Promise.resolve([]),
    townOf(db, site.areaPath),
    signatureImage(storage, inspection.signature?.imageKey),
  ]);
  // The notice lists hazards in the order it recorded them (the order of the checklist answers).
  const position = new Map(notice.hazardIds.map((id, i) => [id, i]));
  hazardRows.sort((a, b) => (position.get(a.hazard.id) ?? 0) - (position.get(b.hazard.id) ?? 0));
  const coNames = new Map(coInspectors.map((u) => [u.id, u.name]));
  return {
    notice: { number: notice.number, createdAt: notice.createdAt },
    site: { name: site.name, address: site.address, responsiblePerson: site.responsiblePerson, phone: site.phone },
    inspection: { endedAt: inspection.endedAt, signature: inspection.signature, refusal: inspection.refusal },
    inspector: { name: visit.inspectorName, phone: visit.inspectorPhone },
    coInspectorNames: inspection.coInspectorIds.map((id) => coNames.get(id)).filter((n): n is string => !!n),
    hazards: hazardRows.map((r) => ({
      level: r.hazard.level,
      mode: r.hazard.mode,
      deadline: r.hazard.deadline,
      description: r.hazard.description,
      checkItem: r.code !== null && r.text !== null ? { code: r.code, text: r.text, legalBasis: r.legalBasis ?? '' } : null,
      departmentName: r.departmentName,
    })),
    townName: town?.name ?? null,
    signatureImage: image,
  };
}

/**
 * Renders a notice, stores the PDF at notices/<id>.pdf and records the key. Rendering is
 * deterministic in the records, so two concurrent builds write the same file and the same key.
 */
export async function buildNotice(db: Executor, storage: Storage, noticeId: string): Promise<Buffer> {
  const input = await loadNoticeInput(db, storage, noticeId);
  if (!input) throw noticeNotFound();
  const pdf = await renderNoticePdf(noticeData(input));
  const key = noticeFileKey(noticeId);
  await storage.put(key, pdf, 'application/pdf');
  await db.update(notices).set({ fileKey: key }).where(eq(notices.id, noticeId));
  return pdf;
}

export interface PendingRenderResult {
  rendered: string[];
  failed: { id: string; error: string }[];
}

/**
 * Pre-renders notices that have no file yet (a job runs this after inspections commit), oldest
 * first. One bad notice is reported and skipped, so it cannot block the rest of the queue.
 */
export async function renderPendingNotices(db: Executor, storage: Storage, limit = 50): Promise<PendingRenderResult> {
  const pending = await db.select({ id: notices.id }).from(notices).where(isNull(notices.fileKey)).orderBy(asc(notices.createdAt)).limit(limit);
  const result: PendingRenderResult = { rendered: [], failed: [] };
  for (const { id } of pending) {
    try {
      await buildNotice(db, storage, id);
      result.rendered.push(id);
    } catch (error) {
      result.failed.push({ id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

/** The PDF for GET /api/notices/:id/pdf: whoever may read the site (its party too), else 404. */
export async function noticePdf(ctx: RequestContext, storage: Storage, noticeId: string): Promise<{ number: string; body: Buffer | Readable }> {
  const db = ctx.database.db;
  const [row] = await db
    .select({ number: notices.number, fileKey: notices.fileKey, areaPath: sites.areaPath, phone: sites.phone })
    .from(notices)
    .innerJoin(sites, eq(sites.id, notices.siteId))
    .where(eq(notices.id, noticeId));
  if (!row || !canSite(ctx.actor, 'read', row)) throw noticeNotFound();
  // Rendered lazily on first read; a stored file that has gone missing is rendered again.
  const stored = row.fileKey ? await storage.get(row.fileKey) : null;
  return { number: row.number, body: stored ?? (await buildNotice(db, storage, noticeId)) };
}

/** Inline, with the Chinese file name per RFC 5987 and an ASCII fallback for old clients. */
export function noticeDisposition(noticeId: string, number: string): string {
  return `inline; filename="notice-${noticeId}.pdf"; filename*=UTF-8''${encodeURIComponent(`整改通知书-${number}.pdf`)}`;
}
