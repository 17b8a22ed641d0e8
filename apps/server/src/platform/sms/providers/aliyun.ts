import { createHmac, randomUUID } from 'node:crypto';
import type { SmsProvider } from '../provider.ts';
import { describeFetchError } from './http.ts';

/**
 * Alibaba Cloud POP percent-encoding: everything but A-Z a-z 0-9 - _ . ~ is %XX (UTF-8, upper-case hex).
 * encodeURIComponent alone leaves ! ' ( ) * as they are; a company name like "某某(杭州)公司" would
 * then be signed differently from what the server computes.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Sorted by key (code-unit order, as the server sorts), each key and value percent-encoded. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((key) => key !== 'Signature')
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key]!)}`)
    .join('&');
}

export function stringToSign(params: Record<string, string>, method = 'GET'): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

/** Signature version 1.0: base64(HMAC-SHA1(secret + '&', StringToSign)). */
export function signAliyun(params: Record<string, string>, secret: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign(params), 'utf8').digest('base64');
}

export interface AliyunOptions {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** Template name → approved TemplateCode (SMS_...). */
  templates: Record<string, string>;
  timeoutMs?: number;
  /** For tests: fixed time and nonce. */
  now?: () => Date;
  nonce?: () => string;
}

/** Dysmsapi SendSms parameters, without Signature. */
export function sendSmsParams(
  options: Pick<AliyunOptions, 'accessKeyId' | 'signName'>,
  message: { phone: string; templateCode: string; params: Record<string, string> },
  at: Date,
  nonce: string,
): Record<string, string> {
  return {
    AccessKeyId: options.accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    PhoneNumbers: message.phone,
    RegionId: 'cn-hangzhou',
    SignName: options.signName,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: nonce,
    SignatureVersion: '1.0',
    TemplateCode: message.templateCode,
    TemplateParam: JSON.stringify(message.params),
    Timestamp: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Version: '2017-05-25',
  };
}

/** Alibaba Cloud SMS (Dysmsapi SendSms, RPC style, GET with signature version 1.0). */
export function aliyunProvider(options: AliyunOptions): SmsProvider {
  const { timeoutMs = 10_000, now = () => new Date(), nonce = randomUUID } = options;
  return {
    name: 'aliyun',
    async send({ phone, template, params }) {
      const templateCode = options.templates[template];
      if (!templateCode) throw new Error(`ALIYUN_SMS_TEMPLATES has no TemplateCode for "${template}"`);
      const query = sendSmsParams(options, { phone, templateCode, params }, now(), nonce());
      const url = new URL(options.endpoint);
      url.search = `Signature=${percentEncode(signAliyun(query, options.accessKeySecret))}&${canonicalQuery(query)}`;
      let response: Response;
      try {
        response = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        throw new Error(describeFetchError(error, timeoutMs), { cause: error });
      }
      const text = await response.text().catch(() => '');
      let result: { Code?: string; Message?: string; BizId?: string; RequestId?: string };
      try {
        result = JSON.parse(text) as typeof result;
      } catch (error) {
        throw new Error(`Aliyun SMS HTTP ${response.status}: ${text.slice(0, 300)}`, { cause: error });
      }
      // Business errors come back as HTTP 200 with a Code other than OK.
      if (result.Code !== 'OK') {
        throw new Error(`Aliyun SMS ${result.Code ?? `HTTP ${response.status}`}: ${result.Message ?? ''} (RequestId ${result.RequestId ?? '-'})`);
      }
      return { messageId: result.BizId };
    },
  };
}
