import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bottomNames, cutOffText, dayChange, issueNumber, percent, ratePoints, summaryText, totalsOf } from './rules.ts';

const counts = fc.record({ sitesInScope: fc.nat(50), sitesInspected: fc.nat(50), hazardsFound: fc.nat(50), hazardsClosed: fc.nat(50) }).map((c) => ({
  ...c,
  sitesInspected: Math.min(c.sitesInspected, c.sitesInScope),
  hazardsClosed: Math.min(c.hazardsClosed, c.hazardsFound),
}));

describe('totals and the day’s change', () => {
  it('totals are sums and the rates are the shared rate of the sums', () => {
    fc.assert(
      fc.property(fc.array(counts, { maxLength: 12 }), (units) => {
        const t = totalsOf(units);
        expect(t.sitesInScope).toBe(units.reduce((n, u) => n + u.sitesInScope, 0));
        expect(t.hazardsClosed).toBe(units.reduce((n, u) => n + u.hazardsClosed, 0));
        expect(t.inspectionRate).toBe(t.sitesInScope === 0 ? null : t.sitesInspected / t.sitesInScope);
        expect(t.closeOutRate).toBe(t.hazardsFound === 0 ? null : t.hazardsClosed / t.hazardsFound);
      }),
    );
  });

  it('percentage points to one decimal, none against "—"', () => {
    expect(ratePoints(0.4567, 0.4012)).toBe(5.6);
    expect(ratePoints(0.4, 0.45)).toBe(-5);
    expect(ratePoints(null, 0.3)).toBeNull();
    expect(ratePoints(0.3, null)).toBeNull();
  });

  it('the first day has no change; later days subtract the day before', () => {
    const now = totalsOf([{ sitesInScope: 10, sitesInspected: 6, hazardsFound: 8, hazardsClosed: 4 }]);
    const before = totalsOf([{ sitesInScope: 10, sitesInspected: 5, hazardsFound: 5, hazardsClosed: 4 }]);
    expect(dayChange(now, null)).toBeNull();
    expect(dayChange(now, before)).toEqual({ sitesInScope: 0, sitesInspected: 1, inspectionRatePoints: 10, hazardsFound: 3, hazardsClosed: 0, closeOutRatePoints: -30 });
  });
});

describe('names, numbers and text', () => {
  const row = (name: string, inspectionRank: number, closeOutRank: number, inspectionBottom: boolean, closeOutBottom: boolean) => ({ name, inspectionRank, closeOutRank, inspectionBottom, closeOutBottom });

  it('the bottom three are the marked rows in rank order, ties included', () => {
    const rows = [row('甲村', 1, 5, false, true), row('乙村', 5, 2, true, false), row('丙村', 3, 4, true, true), row('丁村', 5, 1, true, false)];
    expect(bottomNames(rows)).toEqual({ inspection: ['丙村', '丁村', '乙村'], closeOut: ['丙村', '甲村'] });
  });

  it('issue numbers count campaign days from 1', () => {
    expect(issueNumber('2026-11-09', '2026-11-09')).toBe(1);
    expect(issueNumber('2026-11-09', '2026-11-22')).toBe(14);
    expect(issueNumber('2026-02-27', '2026-03-01')).toBe(3);
  });

  it('cut-off: 24时 for a completed day, the Shanghai time for today so far', () => {
    expect(cutOffText('2026-11-22', false, new Date())).toBe('11月22日24时');
    expect(cutOffText('2026-11-23', true, new Date('2026-11-23T07:05:00Z'))).toBe('11月23日15时05分');
    expect(percent(0.45671)).toBe('45.7%');
    expect(percent(null)).toBe('—');
  });

  it('the paragraph carries the figures, the movement and the bottom three', () => {
    const headline = {
      ...totalsOf([{ sitesInScope: 200, sitesInspected: 150, hazardsFound: 80, hazardsClosed: 60 }]),
      change: { sitesInScope: 0, sitesInspected: 12, inspectionRatePoints: 6, hazardsFound: 9, hazardsClosed: 7, closeOutRatePoints: 0 },
      hazardsOverdue: 4,
      openMajorHazards: 2,
    };
    const text = summaryText({
      campaignName: '除险保安专项行动',
      day: '2026-11-22',
      live: false,
      computedAt: new Date(),
      headline,
      bottom: { villages: { inspection: ['甲村', '乙村', '丙村'], closeOut: ['丁村'] }, squads: { inspection: [], closeOut: [] } },
      keyNails: { total: 2, noProgress: ['人字顶厂房'] },
    });
    expect(text).toBe(
      '截至11月22日24时，除险保安专项行动应排查200家，累计排查150家，排查率75.0%，较前一日提高6.0个百分点；累计发现隐患80处，已销号60处，销号率75.0%，与前一日持平；当日新排查12家，新发现隐患9处，销号7处；目前逾期未整改隐患4处，重大隐患未销号2处。' +
        '排查率排名后三位的村社为：甲村、乙村、丙村；销号率排名后三位的村社为：丁村。重点钉2个，本月无进展1个：人字顶厂房。请排名靠后的村社、小组查找原因，加快排查整治进度。',
    );
  });
});
