import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createSmsProvider } from './provider.ts';

const ALL_TEMPLATES = JSON.stringify({
  login_code: 'SMS_1',
  hazard_notice: 'SMS_2',
  deadline_reminder: 'SMS_3',
  overdue_notice: 'SMS_4',
  close_out: 'SMS_5',
});
const ALIYUN = {
  SMS_PROVIDER: 'aliyun',
  ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI-test',
  ALIYUN_SMS_ACCESS_KEY_SECRET: 'secret',
  ALIYUN_SMS_SIGN_NAME: '安巡',
  ALIYUN_SMS_TEMPLATES: ALL_TEMPLATES,
};

const provider = (env: Record<string, string>) => createSmsProvider(loadConfig(env as NodeJS.ProcessEnv));

describe('createSmsProvider', () => {
  it('defaults to the console provider', () => {
    expect(provider({}).name).toBe('console');
  });

  it('builds the HTTP provider from SMS_HTTP_URL', () => {
    expect(provider({ SMS_PROVIDER: 'http', SMS_HTTP_URL: 'https://gw.example.cn/sms' }).name).toBe('http');
  });

  it('refuses the HTTP provider without a usable URL, in both languages', () => {
    expect(() => provider({ SMS_PROVIDER: 'http' })).toThrow(/SMS_HTTP_URL[\s\S]*短信配置错误/);
    expect(() => provider({ SMS_PROVIDER: 'http', SMS_HTTP_URL: 'gw.example.cn' })).toThrow(/not an http\(s\) URL/);
  });

  it('builds the Alibaba Cloud provider when keys and every TemplateCode are set', () => {
    expect(provider(ALIYUN).name).toBe('aliyun');
  });

  it('names the missing Alibaba Cloud keys', () => {
    const { ALIYUN_SMS_ACCESS_KEY_SECRET: _secret, ALIYUN_SMS_SIGN_NAME: _sign, ...partial } = ALIYUN;
    expect(() => provider(partial)).toThrow(
      /ALIYUN_SMS_ACCESS_KEY_SECRET, ALIYUN_SMS_SIGN_NAME[\s\S]*必须设置 ALIYUN_SMS_ACCESS_KEY_SECRET、ALIYUN_SMS_SIGN_NAME/,
    );
  });

  it('names the templates without a TemplateCode', () => {
    expect(() => provider({ ...ALIYUN, ALIYUN_SMS_TEMPLATES: '{"login_code":"SMS_1"}' })).toThrow(
      /no TemplateCode for: hazard_notice, deadline_reminder, overdue_notice, close_out/,
    );
  });

  it('rejects ALIYUN_SMS_TEMPLATES that is not a JSON object of strings', () => {
    expect(() => loadConfig({ ALIYUN_SMS_TEMPLATES: '{login_code:1}' } as NodeJS.ProcessEnv)).toThrow(/ALIYUN_SMS_TEMPLATES: not valid JSON/);
    expect(() => loadConfig({ ALIYUN_SMS_TEMPLATES: '{"login_code":1}' } as NodeJS.ProcessEnv)).toThrow(/ALIYUN_SMS_TEMPLATES/);
    expect(loadConfig({} as NodeJS.ProcessEnv).sms.aliyun.templates).toEqual({});
  });
});
