import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { Storage } from './storage/index.ts';
import { AppError, badRequest } from './errors.ts';

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif']);
const OTHER_TYPES = new Set(['video/mp4', 'video/quicktime', 'application/pdf']);

export interface Upload {
  fileName: string;
  mimeType: string;
  data: Buffer;
}

/** Pure: is this upload of a type we keep? Images are checked again by decoding them. */
export function acceptedType(mimeType: string, onlyImages: boolean): boolean {
  return IMAGE_TYPES.has(mimeType) || (!onlyImages && OTHER_TYPES.has(mimeType));
}

/**
 * Stores an upload under a fresh key; images are decoded (a renamed non-image fails here) and get
 * a 320 px JPEG thumbnail.
 */
export async function storeUpload(storage: Storage, prefix: string, upload: Upload, options: { onlyImages?: boolean } = {}) {
  if (!acceptedType(upload.mimeType, options.onlyImages ?? false)) {
    throw new AppError(415, 'unsupported_file_type', `不支持的文件类型：${upload.mimeType}`, `Unsupported file type: ${upload.mimeType}`);
  }
  if (upload.data.length === 0) throw badRequest('empty_file', '文件为空', 'The file is empty');
  const id = randomUUID();
  const ext = extension(upload.fileName, upload.mimeType);
  const fileKey = `${prefix}/${id}${ext}`;
  let thumbnailKey: string | null = null;
  if (IMAGE_TYPES.has(upload.mimeType)) {
    let thumb: Buffer;
    try {
      thumb = await sharp(upload.data).rotate().resize(320, 320, { fit: 'inside' }).jpeg({ quality: 70 }).toBuffer();
    } catch {
      throw badRequest('invalid_image', '图片无法解析，请上传有效的图片文件', 'The image could not be decoded');
    }
    thumbnailKey = `${prefix}/${id}.thumb.jpg`;
    await storage.put(thumbnailKey, thumb, 'image/jpeg');
  }
  await storage.put(fileKey, upload.data, upload.mimeType);
  return { fileKey, thumbnailKey, fileName: upload.fileName.slice(0, 200), mimeType: upload.mimeType, size: upload.data.length };
}

function extension(fileName: string, mimeType: string): string {
  const fromName = /\.[A-Za-z0-9]{1,5}$/.exec(fileName)?.[0];
  if (fromName) return fromName.toLowerCase();
  return { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp', 'video/mp4': '.mp4', 'application/pdf': '.pdf' }[mimeType] ?? '';
}

export const MIME_BY_EXT: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.heic': 'image/heic',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
