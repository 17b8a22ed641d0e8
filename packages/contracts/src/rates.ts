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
} as const;
