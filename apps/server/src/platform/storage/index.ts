import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { S3Client, GetObjectCommand, PutObjectCommand, DeleteObjectCommand } from '@aws-sdk/client-s3';
import type { Config } from '../config.ts';

/** Where uploaded photos, signatures and exports live; keys are opaque relative paths. */
export interface Storage {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Readable | null>;
  remove(key: string): Promise<void>;
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9/_.-]*$/;
function checkKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key: ${key}`);
  return key;
}

export function localStorage(root: string): Storage {
  const full = (key: string) => path.join(root, checkKey(key));
  return {
    async put(key, body) {
      const target = full(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.tmp`;
      await fs.promises.writeFile(tmp, body);
      await fs.promises.rename(tmp, target); // never a half-written file under the real name
    },
    async get(key) {
      const target = full(key);
      return fs.existsSync(target) ? fs.createReadStream(target) : null;
    },
    async remove(key) {
      await fs.promises.rm(full(key), { force: true });
    },
  };
}

export function s3Storage(options: Config['storage']['s3']): Storage {
  if (!options.bucket) throw new Error('S3_BUCKET is required when STORAGE_DRIVER=s3');
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
    ...(options.accessKeyId && options.secretAccessKey
      ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
      : {}),
  });
  const Bucket = options.bucket;
  return {
    async put(key, body, contentType) {
      await client.send(new PutObjectCommand({ Bucket, Key: checkKey(key), Body: body, ContentType: contentType }));
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: checkKey(key) }));
        return out.Body instanceof Readable ? out.Body : null;
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') return null;
        throw error;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkKey(key) }));
    },
  };
}

export function createStorage(config: Config): Storage {
  return config.storage.driver === 's3' ? s3Storage(config.storage.s3) : localStorage(config.storage.localDir);
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
