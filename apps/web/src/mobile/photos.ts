import type { PhotoRef } from '@anxun/contracts';
import { api } from '../app/api.ts';
import type { DraftPhoto } from './draft.ts';

export const MAX_EDGE = 1600;
export const JPEG_QUALITY = 0.7;
/** Matches the server's MAX_PHOTO_BYTES: an undecodable original larger than this cannot be sent anyway. */
const MAX_ORIGINAL_BYTES = 10 * 1024 * 1024;

type Drawable = { source: CanvasImageSource; width: number; height: number; close: () => void };

/** EXIF orientation is applied by both paths (createImageBitmap's from-image, and <img> by default). */
async function decode(file: Blob): Promise<Drawable> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
    } catch {
      // Older Safari rejects the options bag; fall back to an <img>.
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    return { source: image, width: image.naturalWidth, height: image.naturalHeight, close: () => URL.revokeObjectURL(url) };
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
}

function toJpeg(canvas: HTMLCanvasElement | OffscreenCanvas): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), 'image/jpeg', JPEG_QUALITY),
  );
}

/**
 * A phone photo (4000 px, 3–8 MB) shrunk to at most 1600 px on the long edge as a JPEG of quality
 * 0.7 (about 200–400 KB), so uploads work on a weak 4G signal. Formats the browser cannot decode
 * (HEIC outside Safari) are sent as they are and left to the server.
 */
export async function compressPhoto(file: File): Promise<{ blob: Blob; name: string }> {
  let image: Drawable;
  try {
    image = await decode(file);
  } catch {
    if (file.size > MAX_ORIGINAL_BYTES) throw new Error('photo_undecodable');
    return { blob: file, name: file.name || 'photo' };
  }
  try {
    const scale = Math.min(1, MAX_EDGE / Math.max(image.width, image.height));
    const width = Math.max(1, Math.round(image.width * scale));
    const height = Math.max(1, Math.round(image.height * scale));
    // OffscreenCanvas where it has a 2D context (Safari before 16.4 has none), else a detached <canvas>.
    let canvas: HTMLCanvasElement | OffscreenCanvas | null = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : null;
    let context = canvas?.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;
    if (!canvas || !context) {
      canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      context = canvas.getContext('2d');
    }
    if (!context) throw new Error('no 2d context');
    // JPEG has no alpha: paint white first so transparent PNGs do not turn black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.imageSmoothingQuality = 'high';
    context.drawImage(image.source, 0, 0, width, height);
    const blob = await toJpeg(canvas);
    const base = (file.name || 'photo').replace(/\.[^.]*$/, '');
    return { blob, name: `${base}.jpg` };
  } finally {
    image.close();
  }
}

export async function uploadPhoto(siteId: string, blob: Blob, name: string): Promise<DraftPhoto> {
  const form = new FormData();
  form.append('file', blob, name);
  const ref = await api<PhotoRef>(`/sites/${siteId}/photos`, { method: 'POST', body: form });
  return { key: ref.key, url: ref.url, thumbnailUrl: ref.thumbnailUrl };
}
