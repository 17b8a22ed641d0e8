import type { ApiError } from '@anxun/contracts';

type Detail = NonNullable<ApiError['details']>[number];

/** An expected failure with a bilingual message; the error handler turns it into the one error shape. */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly details: Detail[] | undefined;

  constructor(status: number, code: string, zh: string, en: string, details?: Detail[]) {
    super(en);
    this.status = status;
    this.code = code;
    this.messageZh = zh;
    this.details = details;
  }

  toJSON(): ApiError {
    return { code: this.code, message: this.messageZh, messageEn: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

const ENTITY_ZH: Record<string, string> = {
  site: '受检单位',
  area: '区域',
  user: '用户',
  attachment: '附件',
  import: '导入任务',
  department: '部门',
  hazard: '隐患',
  extension: '延期申请',
  inspection: '检查记录',
  notice: '整改通知书',
  checklist: '检查表',
  yellow_card: '黄牌',
};

/** Out-of-scope reads answer 404 too, so a probe cannot tell "hidden" from "absent". */
export const notFound = (entity: string) =>
  new AppError(404, 'not_found', `${ENTITY_ZH[entity] ?? entity}不存在或无权查看`, `${entity} not found`);

export const forbidden = (zh = '没有执行此操作的权限', en = 'You may not do this') => new AppError(403, 'forbidden', zh, en);

export const unauthenticated = () => new AppError(401, 'unauthenticated', '请先登录', 'Please log in');

export const conflict = (code: string, zh: string, en: string, details?: Detail[]) => new AppError(409, code, zh, en, details);

export const badRequest = (code: string, zh: string, en: string, details?: Detail[]) => new AppError(400, code, zh, en, details);

export function assertFound<T>(value: T | undefined | null, entity: string): T {
  if (value === undefined || value === null) throw notFound(entity);
  return value;
}
