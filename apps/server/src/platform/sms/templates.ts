/** Message texts, kept with their parameters so providers with server-side templates get the same data. */
export const SMS_TEMPLATES = {
  login_code: (p: { code: string }) => `【安巡】您的登录验证码为 ${p.code}，5 分钟内有效。如非本人操作请忽略。`,
} as const;

export type SmsTemplate = keyof typeof SMS_TEMPLATES;
export type SmsParams<T extends SmsTemplate> = Parameters<(typeof SMS_TEMPLATES)[T]>[0];
