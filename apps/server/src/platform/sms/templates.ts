/**
 * Message texts, kept with their parameters so providers with server-side templates (Alibaba Cloud)
 * get the same data. Texts stay near 70 characters: longer ones are billed as several segments.
 */
interface TemplateDefinition<P extends Record<string, string>> {
  /** Urgent messages ignore quiet hours (22:00–08:00). */
  urgent: boolean;
  /** A message not sent within this time is dropped: a late login code only confuses. */
  expiresAfterMinutes?: number;
  render(params: P): string;
}

function template<P extends Record<string, string>>(definition: TemplateDefinition<P>): TemplateDefinition<P> {
  return definition;
}

export const SMS_TEMPLATES = {
  login_code: template<{ code: string }>({
    urgent: true,
    expiresAfterMinutes: 5,
    render: (p) => `【安巡】您的登录验证码为 ${p.code}，5 分钟内有效。如非本人操作请忽略。`,
  }),
  hazard_notice: template<{ site: string; count: string; items: string; deadline: string; link: string }>({
    urgent: false,
    render: (p) => `【安巡】${p.site}发现${p.count}项隐患：${p.items}。请于${p.deadline}前整改，详见${p.link}`,
  }),
  deadline_reminder: template<{ site: string; item: string; deadline: string }>({
    urgent: false,
    render: (p) => `【安巡】提醒：${p.site}隐患“${p.item}”整改期限为${p.deadline}，请按时整改并上报。`,
  }),
  overdue_notice: template<{ site: string; item: string; deadline: string }>({
    urgent: false,
    render: (p) => `【安巡】${p.site}隐患“${p.item}”已超过整改期限${p.deadline}，请立即整改并上报。`,
  }),
  close_out: template<{ site: string; item: string }>({
    urgent: false,
    render: (p) => `【安巡】${p.site}隐患“${p.item}”已复查合格，予以销号。感谢配合！`,
  }),
} as const;

export type SmsTemplate = keyof typeof SMS_TEMPLATES;
export type SmsParams<T extends SmsTemplate> = Parameters<(typeof SMS_TEMPLATES)[T]['render']>[0];

export const SMS_TEMPLATE_NAMES = Object.keys(SMS_TEMPLATES) as SmsTemplate[];
export const URGENT_TEMPLATES = SMS_TEMPLATE_NAMES.filter((name) => SMS_TEMPLATES[name].urgent);

export function renderSms<T extends SmsTemplate>(name: T, params: SmsParams<T>): string {
  return (SMS_TEMPLATES[name].render as (p: SmsParams<T>) => string)(params);
}

/** Stored rows carry the template as text; an unknown name (older release) counts as not urgent. */
export function isUrgentTemplate(name: string): boolean {
  return (URGENT_TEMPLATES as string[]).includes(name);
}

export function expiresAfterMinutes(name: string): number | undefined {
  const definition = (SMS_TEMPLATES as Record<string, TemplateDefinition<Record<string, string>>>)[name];
  return definition?.expiresAfterMinutes;
}
