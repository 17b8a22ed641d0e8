import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiError } from '@anxun/contracts';
import { AppError } from '../errors.ts';

const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

type Localiser = typeof zh;

function localise(map: Localiser, issue: Parameters<Localiser>[0]): string {
  const out = map(issue);
  return typeof out === 'string' ? out : (out?.message ?? '');
}

/** Custom schema messages are written "中文 | English"; built-in ones come from zod's locales. */
function bilingual(issue: { code: string; message: string } & Record<string, unknown>) {
  const [zhText, enText] = issue.message.split(' | ');
  if (enText) return { message: zhText!, messageEn: enText };
  const raw = { ...issue, input: undefined } as unknown as Parameters<Localiser>[0];
  return { message: localise(zh, raw) || issue.message, messageEn: localise(en, raw) || issue.message };
}

/** Fastify's own errors we can name: everything else of status < 500 keeps its message. */
const KNOWN: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, '上传内容过大', 'Request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, '不支持的内容类型', 'Unsupported content type'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, '请求体不能为空', 'Request body must not be empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, '请求体不是有效的 JSON', 'Request body is not valid JSON'],
  FST_REQ_FILE_TOO_LARGE: [413, '文件过大', 'File is too large'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, '需要 multipart/form-data 上传', 'Expected a multipart/form-data upload'],
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      // A 4xx that wraps a lower-level failure (an unreadable upload, say) keeps it in the log.
      if (error.cause) request.log.warn({ err: error.cause, code: error.code }, 'request refused');
      return reply.status(error.status).send(error.toJSON());
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: `${error.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`.replace(/\.$/, ''),
        ...bilingual({ code: v.keyword, message: v.message ?? '', path: v.instancePath.split('/').slice(1), ...v.params }),
      }));
      const body: ApiError = { code: 'validation_failed', message: '输入有误，请检查后重试', messageEn: 'The input is invalid', details };
      return reply.status(400).send(body);
    }
    const known = error.code ? KNOWN[error.code] : undefined;
    if (known) return reply.status(known[0]).send({ code: error.code.toLowerCase(), message: known[1], messageEn: known[2] });
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({ code: 'rate_limited', message: '请求过于频繁，请稍后再试', messageEn: 'Too many requests, try again later' });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ code: error.code ?? 'bad_request', message: '请求无效', messageEn: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'internal', message: '服务器内部错误', messageEn: 'Internal server error' });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ code: 'route_not_found', message: '接口不存在', messageEn: `No route ${request.method} ${request.url}` });
  });
}
