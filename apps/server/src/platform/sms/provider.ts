import type { Config } from '../config.ts';
import type { Log } from '../logging.ts';
import { consoleProvider } from './providers/console.ts';
import { httpProvider } from './providers/http.ts';
import { aliyunProvider } from './providers/aliyun.ts';
import { SMS_TEMPLATE_NAMES } from './templates.ts';

export interface SmsMessage {
  phone: string;
  template: string;
  params: Record<string, string>;
  body: string;
  idempotencyKey: string;
}

/** A way to deliver one SMS; implementations: console (dev), generic HTTP, Alibaba Cloud. A failure throws. */
export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<{ messageId?: string | undefined }>;
}

/** A misconfigured provider is reported here, at startup, rather than at the first send. */
export function createSmsProvider(config: Config, options: { log?: Log } = {}): SmsProvider {
  const sms = config.sms;
  switch (sms.provider) {
    case 'console':
      return consoleProvider(options.log ? (line) => options.log!.info(line) : undefined);
    case 'http': {
      if (!sms.httpUrl) fail('SMS_PROVIDER=http requires SMS_HTTP_URL', 'SMS_PROVIDER=http 时必须设置 SMS_HTTP_URL');
      if (!isHttpUrl(sms.httpUrl)) fail(`SMS_HTTP_URL is not an http(s) URL: ${sms.httpUrl}`, `SMS_HTTP_URL 不是有效的 http(s) 地址`);
      return httpProvider({ url: sms.httpUrl, token: sms.httpToken });
    }
    case 'aliyun': {
      const a = sms.aliyun;
      const missing = [
        a.accessKeyId ? null : 'ALIYUN_SMS_ACCESS_KEY_ID',
        a.accessKeySecret ? null : 'ALIYUN_SMS_ACCESS_KEY_SECRET',
        a.signName ? null : 'ALIYUN_SMS_SIGN_NAME',
      ].filter((v): v is string => v !== null);
      if (missing.length > 0) {
        fail(`SMS_PROVIDER=aliyun requires ${missing.join(', ')}`, `SMS_PROVIDER=aliyun 时必须设置 ${missing.join('、')}`);
      }
      const noCode = SMS_TEMPLATE_NAMES.filter((name) => !a.templates[name]);
      if (noCode.length > 0) {
        fail(
          `ALIYUN_SMS_TEMPLATES has no TemplateCode for: ${noCode.join(', ')}`,
          `ALIYUN_SMS_TEMPLATES 缺少以下模板的模板编号（TemplateCode）：${noCode.join('、')}`,
        );
      }
      if (!isHttpUrl(a.endpoint)) fail(`ALIYUN_SMS_ENDPOINT is not an http(s) URL: ${a.endpoint}`, 'ALIYUN_SMS_ENDPOINT 不是有效的 http(s) 地址');
      return aliyunProvider({
        endpoint: a.endpoint,
        accessKeyId: a.accessKeyId!,
        accessKeySecret: a.accessKeySecret!,
        signName: a.signName!,
        templates: a.templates,
      });
    }
  }
}

function fail(english: string, chinese: string): never {
  throw new Error(`SMS configuration error: ${english}\n短信配置错误：${chinese}`);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
