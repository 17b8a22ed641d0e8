import dayjs from 'dayjs';
import { HAZARD_LABELS_ZH, type HazardLevel, type RectificationMode } from '@anxun/contracts';
import { DEADLINE_ZONE } from '../colours/colour.ts';

/** Everything printed on a 整改通知书, already worded: the renderer only lays it out. */
export interface NoticeData {
  number: string;
  site: { name: string; address: string; responsiblePerson: string; phone: string };
  inspectionDate: string;
  inspectors: string[];
  departments: string[];
  hazards: NoticeHazardLine[];
  instructions: string[];
  contact: string | null;
  signature: NoticeSignature;
  issuer: string;
  issuedDate: string;
}

export interface NoticeHazardLine {
  seq: number;
  item: string | null;
  description: string;
  level: string;
  major: boolean;
  mode: string;
  deadline: string;
  legalBasis: string;
}

export type NoticeSignature =
  | { kind: 'signed'; signerName: string; signerPhone: string; signedAt: string; image: Buffer | null }
  | { kind: 'refused'; reason: string; witness: string }
  | { kind: 'none' };

export interface NoticeInput {
  notice: { number: string; createdAt: Date };
  site: { name: string; address: string; responsiblePerson: string | null; phone: string | null };
  inspection: {
    endedAt: Date;
    signature: { signerName: string; signerPhone: string; signedAt: string } | null;
    refusal: { reason: string; witness: string } | null;
  };
  inspector: { name: string; phone: string | null };
  coInspectorNames: string[];
  hazards: {
    level: HazardLevel;
    mode: RectificationMode;
    deadline: string | null;
    description: string;
    checkItem: { code: string; text: string; legalBasis: string } | null;
    departmentName: string;
  }[];
  townName: string | null;
  signatureImage: Buffer | null;
}

/** Official documents date in Arabic numerals without padding (GB/T 9704-2012): 2026年3月5日. */
export function chineseDate(at: Date | string): string {
  const day = typeof at === 'string' ? dayjs.tz(at, DEADLINE_ZONE) : dayjs(at).tz(DEADLINE_ZONE);
  return `${day.year()}年${day.month() + 1}月${day.date()}日`;
}

/** 镇 and 乡 issue as their people's government, 街道 as its office (办事处). */
export function issuerOf(townName: string | null): string {
  if (!townName) return '安全生产检查组';
  if (/街道$/u.test(townName)) return `${townName}办事处`;
  if (/(镇|乡)$/u.test(townName)) return `${townName}人民政府`;
  return townName;
}

function deadlineText(mode: RectificationMode, deadline: string | null): string {
  if (mode === 'immediate') return '立即整改';
  if (deadline) return chineseDate(deadline);
  return mode === 'centralised' ? '按统一部署' : '—';
}

const unique = (xs: string[]) => [...new Set(xs.filter((x) => x.length > 0))];

/** Pure: the printed wording of a notice from the loaded rows; no I/O, so it is tested on its own. */
export function noticeData(input: NoticeInput): NoticeData {
  const { inspection, inspector } = input;
  const anyDeadline = input.hazards.some((h) => h.mode !== 'immediate');
  const anyMajor = input.hazards.some((h) => h.level === 'major');
  const instructions = [
    anyDeadline ? '请你单位对上述隐患逐项落实整改，在整改期限内整改完毕；即时整改的隐患应当立即消除。' : '请你单位对上述隐患立即落实整改。',
    '整改期间应当采取必要的安全防范措施，防止发生生产安全事故；隐患排除前或者排除过程中无法保证安全的，应当从危险区域内撤出作业人员，暂时停产停业或者停止使用相关设施、设备。',
    '整改完成后，请通过“安巡”当事人端上传整改前后的照片等证明材料，或者联系检查人员申请复查；经复查合格后予以销号。',
    '逾期未整改或者整改不到位的，将依法予以黄牌警示、责令停业整改，并依法追究相应责任。',
  ];
  if (anyMajor) instructions.splice(1, 0, '重大隐患应当制定治理方案，做到目标任务、方法措施、经费物资、机构人员、时限要求、安全措施和应急预案“六落实”，并于三日内报送检查单位。');
  return {
    number: input.notice.number,
    site: {
      name: input.site.name,
      address: input.site.address,
      responsiblePerson: input.site.responsiblePerson ?? '—',
      phone: input.site.phone ?? '—',
    },
    inspectionDate: chineseDate(inspection.endedAt),
    inspectors: unique([inspector.name, ...input.coInspectorNames]),
    departments: unique(input.hazards.map((h) => h.departmentName)),
    hazards: input.hazards.map((h, i) => ({
      seq: i + 1,
      item: h.checkItem ? `${h.checkItem.code} ${h.checkItem.text}` : null,
      description: h.description,
      level: h.level === 'major' ? '重大' : '一般',
      major: h.level === 'major',
      mode: HAZARD_LABELS_ZH.rectificationMode[h.mode],
      deadline: deadlineText(h.mode, h.deadline),
      legalBasis: h.checkItem?.legalBasis.trim() || '—',
    })),
    instructions,
    contact: inspector.phone ? `${inspector.name}，电话 ${inspector.phone}` : null,
    signature: inspection.signature
      ? {
          kind: 'signed',
          signerName: inspection.signature.signerName,
          signerPhone: inspection.signature.signerPhone,
          signedAt: chineseDate(new Date(inspection.signature.signedAt)),
          image: input.signatureImage,
        }
      : inspection.refusal
        ? { kind: 'refused', reason: inspection.refusal.reason, witness: inspection.refusal.witness }
        : { kind: 'none' },
    issuer: issuerOf(input.townName),
    issuedDate: chineseDate(input.notice.createdAt),
  };
}
