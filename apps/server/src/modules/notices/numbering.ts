/**
 * Document numbers (文号) in the official style (GB/T 9704): issuer abbreviation, document-type
 * word, year in hexagonal brackets 〔〕, sequence, 号 — e.g. 瓜沥安改〔2026〕0001号. Numbered
 * per town per year, restarting at 1 each year.
 */

export const NOTICE_KINDS = ['rectification', 'yellow_card'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** 安改 = 安全隐患整改通知书; 黄牌 = 黄牌警示. */
export const NOTICE_WORD: Readonly<Record<NoticeKind, string>> = {
  rectification: '安改',
  yellow_card: '黄牌',
};

export interface NoticeNumber {
  townShortName: string;
  year: number;
  seq: number;
}

export interface ParsedNoticeNumber extends NoticeNumber {
  kind: NoticeKind;
}

const SEQ_WIDTH = 4;
// Brackets and whitespace would make the number unparseable; digits would blur into the year.
const BAD_TOWN_CHARS = /[\s〔〕［］[\]【】()（）0-9０-９号]/u;

function check({ townShortName, year, seq }: NoticeNumber): void {
  if (townShortName.length === 0 || townShortName.length > 10 || BAD_TOWN_CHARS.test(townShortName)) {
    throw new RangeError(`镇街简称无效：「${townShortName}」 | Invalid town short name: "${townShortName}"`);
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`年份无效：${year} | Invalid year: ${year}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`序号须为正整数：${seq} | Sequence must be a positive integer: ${seq}`);
}

export function formatDocumentNumber(kind: NoticeKind, n: NoticeNumber): string {
  check(n);
  // Padding keeps four digits as the minimum only: a busy town's 10,000th notice reads 10000, not 0000.
  return `${n.townShortName}${NOTICE_WORD[kind]}〔${n.year}〕${String(n.seq).padStart(SEQ_WIDTH, '0')}号`;
}

/** 整改通知书: 瓜沥安改〔2026〕0001号. */
export function formatNoticeNumber(n: NoticeNumber): string {
  return formatDocumentNumber('rectification', n);
}

/** 黄牌: 瓜沥黄牌〔2026〕0001号. */
export function formatYellowCardNumber(n: NoticeNumber): string {
  return formatDocumentNumber('yellow_card', n);
}

// People retype numbers with 【】, ［］ or [] for 〔〕, and with full-width digits; accept those.
const PATTERN = /^(.+)(安改|黄牌)[〔［[【](\d{4})[〕］\]】](\d{4,})号$/u;

function normalise(text: string): string {
  return text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Parses either kind; null for anything else. A sequence past 9999 must not carry leading zeros
 * (00001 is not a number this module would print), so every valid number has one spelling.
 */
export function parseDocumentNumber(text: string): ParsedNoticeNumber | null {
  const m = PATTERN.exec(normalise(text));
  if (!m) return null;
  const [, townShortName, word, yearText, seqText] = m as unknown as [string, string, string, string, string];
  if (seqText.length > SEQ_WIDTH && seqText.startsWith('0')) return null;
  const n = { townShortName, year: Number(yearText), seq: Number(seqText) };
  try {
    check(n);
  } catch {
    return null;
  }
  return { kind: word === '安改' ? 'rectification' : 'yellow_card', ...n };
}

/** A rectification notice number, or null (also for a yellow-card number). */
export function parseNoticeNumber(text: string): NoticeNumber | null {
  const parsed = parseDocumentNumber(text);
  if (parsed?.kind !== 'rectification') return null;
  const { kind: _kind, ...n } = parsed;
  return n;
}

export function parseYellowCardNumber(text: string): NoticeNumber | null {
  const parsed = parseDocumentNumber(text);
  if (parsed?.kind !== 'yellow_card') return null;
  const { kind: _kind, ...n } = parsed;
  return n;
}

/** The numbering year is the Asia/Shanghai year: a notice at 00:30 on 1 January CST is next year's. */
export function numberingYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear(); // China has kept UTC+8 without DST since 1991
}

/** The next number for a town, given the last one it issued: the sequence restarts each year. */
export function nextNoticeNumber(last: NoticeNumber | null, townShortName: string, year: number): NoticeNumber {
  if (last && last.townShortName !== townShortName) {
    throw new RangeError(`上一个文号属于其他镇街 | The last number belongs to another town (${last.townShortName})`);
  }
  if (last && last.year > year) {
    throw new RangeError(`上一个文号的年份${last.year}晚于${year} | The last number is from a later year (${last.year} > ${year})`);
  }
  const n = { townShortName, year, seq: last && last.year === year ? last.seq + 1 : 1 };
  check(n);
  return n;
}

/** Sorts numbers as issued: by year, then sequence (string order puts 10000 before 9999). */
export function compareNoticeNumbers(a: NoticeNumber, b: NoticeNumber): number {
  return a.townShortName.localeCompare(b.townShortName, 'zh-CN') || a.year - b.year || a.seq - b.seq;
}
