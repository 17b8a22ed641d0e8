import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { RankingRow, RankingView } from '@anxun/contracts';
import { writeXlsx } from '../../platform/xlsx.ts';
import { rankingFileNames, rankingSheet } from './export.ts';

const row = (name: string, inspectionRank: number, extra: Partial<RankingRow> = {}): RankingRow => ({
  unitId: '00000000-0000-4000-8000-00000000000' + inspectionRank,
  name,
  sitesInScope: 10,
  sitesInspected: 8,
  hazardsFound: 4,
  hazardsClosed: 1,
  inspectionRate: 0.8,
  closeOutRate: 0.25,
  inspectionRank,
  closeOutRank: 1,
  inspectionRankChange: null,
  closeOutRankChange: null,
  inspectionBottom: false,
  closeOutBottom: false,
  averageInspectionRank: null,
  averageCloseOutRank: null,
  weekly: null,
  ...extra,
});

const view: RankingView = {
  campaign: { id: '00000000-0000-4000-8000-000000000000', name: '除险保安/百日攻坚', startsOn: '2026-11-01', endsOn: '2027-01-31' },
  unit: 'village',
  period: 'day',
  day: '2026-11-22',
  live: false,
  comparedWith: '2026-11-21',
  periodStart: null,
  computedAt: '2026-11-22T16:00:00.000Z',
  rows: [row('航民村', 2, { inspectionRankChange: -1, inspectionBottom: true, inspectionRate: 0.5 }), row('东恩村', 1, { inspectionRankChange: 2, closeOutRate: null })],
};

async function parse(lang: 'zh' | 'en') {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeXlsx(out, rankingSheet(view, lang));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return { name: sheet.name, rows, sheet };
}

describe('rankings export', () => {
  it('writes the view in rank order with rates as percentages and ▲▼ changes', async () => {
    const { name, rows, sheet } = await parse('zh');
    expect(name).toBe('村社排名');
    expect(rows[0]).toEqual(['名称', '应检单位数', '已检单位数', '检查率', '检查率排名', '较前次', '检查率末三位', '发现隐患数', '已销号数', '销号率', '销号率排名', '较前次', '销号率末三位']);
    expect(rows[1]!.slice(0, 7)).toEqual(['东恩村', 10, 8, 0.8, 1, '▲2', undefined]);
    expect(rows[1]![9]).toBeUndefined();
    expect(rows[2]!.slice(0, 7)).toEqual(['航民村', 10, 8, 0.5, 2, '▼1', '末三位']);
    expect(sheet.getCell('D2').numFmt).toBe('0.0%');
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it('writes English headers on request, and a file name without path characters', async () => {
    const { rows } = await parse('en');
    expect(rows[0]!.slice(0, 2)).toEqual(['Name', 'Sites in scope']);
    expect(rankingFileNames(view).fileName).toBe('除险保安_百日攻坚-村社排名-2026-11-22.xlsx');
  });
});
