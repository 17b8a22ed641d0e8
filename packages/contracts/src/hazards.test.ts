import { describe, it, expect } from 'vitest';
import {
  EXTENSION_STATUSES,
  ExtensionRequestBody,
  HAZARD_ACTIONS,
  HAZARD_LABELS_EN,
  HAZARD_LABELS_ZH,
  HAZARD_LEVELS,
  HAZARD_STATUSES,
  HazardActionInput,
  IsoCalendarDate,
  RECTIFICATION_MODES,
  TreatmentPlan,
} from './hazards.ts';

const plan = {
  targetAndTasks: '消除厂房人字顶彩钢夹芯板火灾隐患',
  methodsAndMeasures: '拆除泡沫夹芯板，改用A级不燃材料',
  fundsAndMaterials: '企业自筹经费20万元，岩棉夹芯板1200平方米',
  responsible: '企业法定代表人张某某；镇安监办李某某督办',
  deadline: '2026-06-30',
  safetyAndEmergency: '施工期间动火作业审批、专人监护，配备灭火器20具并制定应急预案',
};

describe('enumerations and labels', () => {
  it('every value has a Chinese and an English label', () => {
    const pairs = [
      [HAZARD_LEVELS, 'hazardLevel'],
      [RECTIFICATION_MODES, 'rectificationMode'],
      [HAZARD_STATUSES, 'hazardStatus'],
      [HAZARD_ACTIONS, 'hazardAction'],
      [EXTENSION_STATUSES, 'extensionStatus'],
    ] as const;
    for (const [values, key] of pairs) {
      const zh: Record<string, string> = HAZARD_LABELS_ZH[key];
      const en: Record<string, string> = HAZARD_LABELS_EN[key];
      expect(Object.keys(zh).sort()).toEqual([...values].sort());
      expect(Object.keys(en).sort()).toEqual([...values].sort());
      for (const v of values) expect(zh[v]).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(HAZARD_LABELS_ZH.hazardStatus).toEqual({ open: '待整改', pending_review: '待复查', closed: '已销号', cancelled: '已撤销' });
  });
});

describe('IsoCalendarDate', () => {
  it.each([
    ['2026-05-06', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-5-6', false],
    ['2026-05-06T00:00:00Z', false],
  ])('%s → %s', (value, ok) => expect(IsoCalendarDate.safeParse(value).success).toBe(ok));
});

describe('TreatmentPlan (六落实)', () => {
  it('accepts a complete plan, trimming text', () => {
    const parsed = TreatmentPlan.parse({ ...plan, responsible: `  ${plan.responsible}  ` });
    expect(parsed).toEqual(plan);
  });

  it('has exactly the six elements', () => {
    expect(Object.keys(TreatmentPlan.shape).sort()).toEqual(Object.keys(plan).sort());
    expect(Object.keys(HAZARD_LABELS_ZH.treatmentPlan).sort()).toEqual(Object.keys(plan).sort());
  });

  it.each(Object.keys(plan))('%s is required and may not be blank', (key) => {
    const { [key]: _dropped, ...missing } = plan as Record<string, string>;
    const missingResult = TreatmentPlan.safeParse(missing);
    expect(missingResult.success).toBe(false);
    expect(missingResult.error?.issues[0]?.path).toEqual([key]);
    expect(missingResult.error?.issues[0]?.message).toContain(' | ');
    expect(TreatmentPlan.safeParse({ ...plan, [key]: '   ' }).success).toBe(false);
  });

  it('the deadline must be a real date', () => {
    expect(TreatmentPlan.safeParse({ ...plan, deadline: '2026-06-31' }).success).toBe(false);
    expect(TreatmentPlan.safeParse({ ...plan, deadline: '下月底' }).success).toBe(false);
  });
});

describe('request bodies', () => {
  it('HazardActionInput', () => {
    expect(HazardActionInput.parse({ action: 'reject', reason: ' 照片不清晰 ' })).toEqual({ action: 'reject', reason: '照片不清晰' });
    expect(HazardActionInput.safeParse({ action: 'close' }).success).toBe(false);
    expect(HazardActionInput.safeParse({ action: 'approve', evidence: Array.from({ length: 21 }, (_, i) => `p${i}`) }).success).toBe(false);
  });
  it('ExtensionRequestBody needs a date and a reason', () => {
    expect(ExtensionRequestBody.safeParse({ newDeadline: '2026-07-01', reason: '材料未到货' }).success).toBe(true);
    expect(ExtensionRequestBody.safeParse({ newDeadline: '2026-07-01', reason: ' ' }).success).toBe(false);
    expect(ExtensionRequestBody.safeParse({ newDeadline: '07/01', reason: '材料未到货' }).success).toBe(false);
  });
});
