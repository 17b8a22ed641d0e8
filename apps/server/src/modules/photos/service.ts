import { and, eq, inArray } from 'drizzle-orm';
import type { PhotoRef } from '@anxun/contracts';
import { nowOf, type RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/client.ts';
import type { Storage } from '../../platform/storage/index.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { storeUpload, type Upload } from '../../platform/uploads.ts';
import { findSite } from '../sites/queries.ts';
import { canSite } from '../sites/policy.ts';
import { sitePhotos } from './schema.ts';

export const photoRef = (key: string, thumbnailKey: string | null): PhotoRef => ({
  key,
  url: `/api/files/${key}`,
  thumbnailUrl: thumbnailKey ? `/api/files/${thumbnailKey}` : null,
});

/** Officials who may work on the site, and the site's own party (for evidence of their fix). */
export async function uploadSitePhoto(ctx: RequestContext, storage: Storage, siteId: string, upload: Upload): Promise<PhotoRef> {
  const found = await findSite(ctx.database.db, siteId);
  if (!found || !canSite(ctx.actor, 'read', found.site)) throw notFound('site');
  if (!canSite(ctx.actor, 'photograph', found.site)) throw forbidden();
  const stored = await storeUpload(storage, `sites/${siteId}`, upload, { onlyImages: true });
  await ctx.database.db.insert(sitePhotos).values({ key: stored.fileKey, siteId, thumbnailKey: stored.thumbnailKey, size: stored.size, uploadedBy: ctx.actor.id, createdAt: nowOf(ctx) });
  return photoRef(stored.fileKey, stored.thumbnailKey);
}

/** Every cited key must be a photo uploaded for this very site; nothing a user sent is dropped silently. */
export async function checkPhotoKeys(db: Executor, siteId: string, keys: readonly string[], field: string): Promise<void> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return;
  const found = await db.select({ key: sitePhotos.key }).from(sitePhotos).where(and(eq(sitePhotos.siteId, siteId), inArray(sitePhotos.key, unique)));
  requireKnownPhotos(unique, new Set(found.map((r) => r.key)), field);
}

/** The same check, against the keys of the site already read (`known`) by a caller that batches its reads. */
export function requireKnownPhotos(keys: readonly string[], known: ReadonlySet<string>, field: string): void {
  const missing = [...new Set(keys)].filter((k) => !known.has(k));
  if (missing.length) {
    throw badRequest('unknown_photo', `照片未上传或不属于该单位：${missing.join(', ')}`, `Photos not uploaded for this site: ${missing.join(', ')}`, [
      { path: field, message: '照片无效', messageEn: 'Unknown photo' },
    ]);
  }
}

/** Photo keys to references with thumbnails, in one query. */
export async function photoRefs(db: Executor, keys: readonly string[]): Promise<Map<string, PhotoRef>> {
  const unique = [...new Set(keys)];
  const rows = unique.length ? await db.select({ key: sitePhotos.key, thumbnailKey: sitePhotos.thumbnailKey }).from(sitePhotos).where(inArray(sitePhotos.key, unique)) : [];
  const byKey = new Map(rows.map((r) => [r.key, photoRef(r.key, r.thumbnailKey)]));
  for (const key of unique) if (!byKey.has(key)) byKey.set(key, photoRef(key, null));
  return byKey;
}
