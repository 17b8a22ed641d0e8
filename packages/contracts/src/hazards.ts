import { z } from 'zod';

/** 隐患等级: 一般 / 重大. */
export const HAZARD_LEVELS = ['general', 'major'] as const;
export const HazardLevel = z.enum(HAZARD_LEVELS);
export type HazardLevel = z.infer<typeof HazardLevel>;

/** 整改方式: 即时整改 / 集中整改 / 限期整改 (only the last carries a deadline). */
export const RECTIFICATION_MODES = ['immediate', 'centralised', 'deadline'] as const;
export const RectificationMode = z.enum(RECTIFICATION_MODES);
export type RectificationMode = z.infer<typeof RectificationMode>;

/** 待整改 → 待复查 → 已销号; 已撤销 is terminal (entered in error, duplicate, site demolished). */
export const HAZARD_STATUSES = ['open', 'pending_review', 'closed', 'cancelled'] as const;
export const HazardStatus = z.enum(HAZARD_STATUSES);
export type HazardStatus = z.infer<typeof HazardStatus>;

/** Statuses that still count as an unfixed hazard (for colours, rates and reminders). */
export const OPEN_HAZARD_STATUSES: readonly HazardStatus[] = ['open', 'pending_review'];

export const HAZARD_ACTIONS = [
  'submit_rectification',
  'approve',
  'reject',
  'reinspect_fixed',
  'reinspect_not_fixed',
  'close_on_spot',
  'reopen',
  'cancel',
] as const;
export const HazardAction = z.enum(HAZARD_ACTIONS);
export type HazardAction = z.infer<typeof HazardAction>;

/** 延期申请 status. */
export const EXTENSION_STATUSES = ['requested', 'approved', 'rejected'] as const;
export const ExtensionStatus = z.enum(EXTENSION_STATUSES);
export type ExtensionStatus = z.infer<typeof ExtensionStatus>;

/**
 * A calendar date (YYYY-MM-DD) with no time zone: deadlines are Asia/Shanghai calendar days.
 * z.iso.date() rejects impossible dates such as 2025-02-29.
 */
export const IsoCalendarDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD | Dates must be YYYY-MM-DD' });
export type IsoCalendarDate = z.infer<typeof IsoCalendarDate>;

const Required = (zh: string, en: string) =>
  z
    .string({ message: `请填写${zh} | ${en} is required` })
    .trim()
    .min(1, { message: `请填写${zh} | ${en} is required` })
    .max(5000, { message: `${zh}不能超过5000字 | ${en} must be at most 5000 characters` });

/**
 * 重大隐患治理方案 — the "six in place" (六落实) every major hazard needs before it can be
 * worked on: target and tasks, methods and measures, funds and materials, responsible
 * organisation and people, deadline and requirements, safety measures and emergency plan.
 * The deadline is a date so reminders and the orange colour can be computed from it.
 */
export const TreatmentPlan = z.object({
  targetAndTasks: Required('目标和任务', 'Target and tasks'),
  methodsAndMeasures: Required('方法和措施', 'Methods and measures'),
  fundsAndMaterials: Required('经费和物资', 'Funds and materials'),
  responsible: Required('负责机构和人员', 'Responsible organisation and people'),
  deadline: IsoCalendarDate,
  safetyAndEmergency: Required('安全措施和应急预案', 'Safety measures and emergency plan'),
});
export type TreatmentPlan = z.infer<typeof TreatmentPlan>;

/** Photo ids are attachment ids; before-photos on submit, after-photos on close-out. */
export const HazardActionInput = z.object({
  action: HazardAction,
  reason: z.string().trim().max(1000, { message: '原因不能超过1000字 | Reason must be at most 1000 characters' }).optional(),
  evidence: z.array(z.string().min(1)).max(20, { message: '照片最多20张 | At most 20 photos' }).optional(),
});
export type HazardActionInput = z.infer<typeof HazardActionInput>;

export const ExtensionRequestBody = z.object({
  newDeadline: IsoCalendarDate,
  reason: Required('延期理由', 'Reason for the extension'),
});
export type ExtensionRequestBody = z.infer<typeof ExtensionRequestBody>;

export const ExtensionDecisionBody = z.object({
  approve: z.boolean(),
  reason: z.string().trim().max(1000).optional(),
});
export type ExtensionDecisionBody = z.infer<typeof ExtensionDecisionBody>;

export const HAZARD_LABELS_ZH = {
  hazardLevel: { general: '一般隐患', major: '重大隐患' },
  rectificationMode: { immediate: '即时整改', centralised: '集中整改', deadline: '限期整改' },
  hazardStatus: { open: '待整改', pending_review: '待复查', closed: '已销号', cancelled: '已撤销' },
  hazardAction: {
    submit_rectification: '提交整改',
    approve: '复查通过（销号）',
    reject: '退回整改',
    reinspect_fixed: '复查已整改（销号）',
    reinspect_not_fixed: '复查未整改',
    close_on_spot: '现场整改销号',
    reopen: '重新打开',
    cancel: '撤销',
  },
  extensionStatus: { requested: '待审批', approved: '已批准', rejected: '已驳回' },
  treatmentPlan: {
    targetAndTasks: '目标和任务',
    methodsAndMeasures: '方法和措施',
    fundsAndMaterials: '经费和物资',
    responsible: '负责机构和人员',
    deadline: '时限和要求',
    safetyAndEmergency: '安全措施和应急预案',
  },
} as const satisfies Record<string, Record<string, string>>;

/** English labels, for the bilingual error messages and the English UI. */
export const HAZARD_LABELS_EN = {
  hazardLevel: { general: 'general hazard', major: 'major hazard' },
  rectificationMode: { immediate: 'immediate', centralised: 'centralised', deadline: 'deadline' },
  hazardStatus: { open: 'open', pending_review: 'pending review', closed: 'closed', cancelled: 'cancelled' },
  hazardAction: {
    submit_rectification: 'submit rectification',
    approve: 'approve (close out)',
    reject: 'send back',
    reinspect_fixed: 're-inspection: fixed (close out)',
    reinspect_not_fixed: 're-inspection: not fixed',
    close_on_spot: 'close on the spot',
    reopen: 'reopen',
    cancel: 'cancel',
  },
  extensionStatus: { requested: 'requested', approved: 'approved', rejected: 'rejected' },
  treatmentPlan: {
    targetAndTasks: 'Target and tasks',
    methodsAndMeasures: 'Methods and measures',
    fundsAndMaterials: 'Funds and materials',
    responsible: 'Responsible organisation and people',
    deadline: 'Deadline',
    safetyAndEmergency: 'Safety measures and emergency plan',
  },
} as const satisfies { [K in keyof typeof HAZARD_LABELS_ZH]: Record<keyof (typeof HAZARD_LABELS_ZH)[K], string> };
