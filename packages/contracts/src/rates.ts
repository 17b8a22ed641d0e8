/**
 * The rates everyone is ranked on (DOMAIN.md). Pure, shared by the rankings, the dashboard, the
 * briefing and the web, so a figure means the same thing wherever it is shown.
 */

/** A share as a fraction in [0, 1]; `null` when there is nothing to divide by (shown as "—", ranked last). */
export function rate(numerator: number, denominator: number): number | null {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`rate needs non-negative integer counts, got ${numerator}/${denominator}`);
  }
  if (numerator > denominator) throw new RangeError(`rate numerator ${numerator} exceeds denominator ${denominator}`);
  return denominator === 0 ? null : numerator / denominator;
}

/** 排查率 = sites inspected at least once in the campaign ÷ sites in scope. */
export const inspectionRate = (sitesInspected: number, sitesInScope: number) => rate(sitesInspected, sitesInScope);

/** 销号率 = hazards closed ÷ hazards found (hazards cancelled as entered by mistake count in neither). */
export const closeOutRate = (hazardsClosed: number, hazardsFound: number) => rate(hazardsClosed, hazardsFound);

/**
 * Standard competition ranking ("1224"): equal rates share a rank, the next rank skips. Rates are
 * compared as exact fractions (a·d vs c·b), never as rounded floats, so 1/3 and 2/6 tie.
 * Units with no denominator rank after every unit that has one, tied among themselves.
 */
export function competitionRanks(shares: readonly { numerator: number; denominator: number }[]): number[] {
  const order = shares.map((_, index) => index).sort((a, b) => compareShares(shares[b]!, shares[a]!));
  const ranks = new Array<number>(shares.length);
  order.forEach((index, position) => {
    const previous = order[position - 1];
    ranks[index] = previous !== undefined && compareShares(shares[previous]!, shares[index]!) === 0 ? ranks[previous]! : position + 1;
  });
  return ranks;
}

/** Orders two shares by value (negative when `a` is smaller); an empty denominator is the smallest. */
export function compareShares(a: { numerator: number; denominator: number }, b: { numerator: number; denominator: number }): number {
  if (a.denominator === 0 || b.denominator === 0) return (a.denominator === 0 ? 0 : 1) - (b.denominator === 0 ? 0 : 1);
  return a.numerator * b.denominator - b.numerator * a.denominator;
}

/** Definitions shown in tooltips and docs; the wording is the contract. */
export const RATE_DEFINITIONS = {
  inspectionRate: {
    zh: '排查率 = 行动期间至少检查过一次的受检单位数 ÷ 行动范围内的受检单位数',
    en: 'Inspection rate = sites inspected at least once during the campaign ÷ sites in the campaign scope',
  },
  closeOutRate: {
    zh: '销号率 = 已销号隐患数 ÷ 发现隐患数（误录撤销的隐患不计）',
    en: 'Close-out rate = hazards closed ÷ hazards found (hazards cancelled as entered by mistake are not counted)',
  },
  sitesInScope: {
    zh: '受检单位数 = 所选区域内（且在本人辖区内）的受检单位数；选择专项行动时只计行动区域内、行动所含单位类型的单位',
    en: 'Sites = sites in the chosen area (within your own scope); with a campaign, only sites in its area and of its site kinds',
  },
  sitesInspected: {
    zh: '已排查单位数 = 期间内至少检查过一次的受检单位数（复查不计）',
    en: 'Sites inspected = sites inspected at least once in the period (re-inspections do not count)',
  },
  hazardsFound: {
    zh: '发现隐患数 = 期间内在上述单位发现的隐患数（误录撤销的不计；部门用户只计本部门的隐患）',
    en: 'Hazards found = hazards found at those sites in the period (cancelled ones not counted; a department user counts only its own department’s)',
  },
  hazardsClosed: {
    zh: '已销号隐患数 = 发现隐患中目前已销号的数量',
    en: 'Hazards closed = hazards found that are now closed out',
  },
  hazardsOverdue: {
    zh: '逾期隐患数 = 发现隐患中限期整改、整改期限日（上海时间）已过而仍未销号（待整改或待复查）的数量',
    en: 'Overdue hazards = hazards found with a deadline whose day (Asia/Shanghai) has passed and that are not yet closed (open or awaiting review)',
  },
  openMajorHazards: {
    zh: '未销号重大隐患数 = 发现隐患中等级为重大、仍待整改或待复查的数量',
    en: 'Open major hazards = major hazards found that are still open or awaiting review',
  },
  sitesByColour: {
    zh: '五色分布 = 上述单位按当前颜色计数：黑（停业整改）、红（有未销号重大隐患）、橙（逾期或黄牌到期）、黄（有未销号一般隐患）、绿（已检查无隐患）、灰（从未检查）',
    en: 'Sites by colour = those sites counted by their current colour: black (suspended), red (open major hazard), orange (overdue or expired yellow card), yellow (open general hazards), green (inspected, nothing open), grey (never inspected)',
  },
  period: {
    zh: '期间 = 选择专项行动时为行动起止日（上海时间，含首尾两日）；未选择时不限时间',
    en: 'Period = with a campaign, its first to last day (Asia/Shanghai, both included); without one, all time',
  },
  dailyTrend: {
    zh: '每日发现与销号 = 按上海时间自然日，发现隐患按发现时间计入当天，已销号隐患按销号时间计入当天',
    en: 'Daily found vs closed = per Asia/Shanghai calendar day, hazards found counted on the day found, hazards closed on the day closed',
  },
  daysOverdue: {
    zh: '逾期天数 = 今天（上海时间）与整改期限日相差的天数；期限当天不算逾期',
    en: 'Days overdue = days from the deadline day to today (Asia/Shanghai); the deadline day itself is on time',
  },
} as const;

export type FigureKey = keyof typeof RATE_DEFINITIONS;
