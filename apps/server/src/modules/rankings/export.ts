import { ExportParams, RankingQuery, type RankingRow, type RankingView } from '@anxun/contracts';
import { fileDay, type ExportLanguage, type XlsxColumn, type XlsxSheet } from '../../platform/xlsx.ts';

export const RankingExportQuery = RankingQuery.extend(ExportParams.shape);

const change = (n: number | null) => (n === null ? null : n > 0 ? `▲${n}` : n < 0 ? `▼${-n}` : '—');
const bottom = (flag: boolean, lang: ExportLanguage) => (flag ? (lang === 'zh' ? '末三位' : 'bottom three') : null);

/** 排名晾晒 as officials post it: both ranks with their rates, changes and the bottom-three marks. */
export const RANKING_COLUMNS: XlsxColumn<RankingRow>[] = [
  { header: { zh: '名称', en: 'Name' }, width: 20, value: (r) => r.name },
  { header: { zh: '应检单位数', en: 'Sites in scope' }, width: 11, value: (r) => r.sitesInScope },
  { header: { zh: '已检单位数', en: 'Sites inspected' }, width: 11, value: (r) => r.sitesInspected },
  { header: { zh: '检查率', en: 'Inspection rate' }, width: 9, numFmt: '0.0%', value: (r) => r.inspectionRate },
  { header: { zh: '检查率排名', en: 'Inspection rank' }, width: 10, value: (r) => r.inspectionRank },
  { header: { zh: '较前次', en: 'Change' }, width: 8, value: (r) => change(r.inspectionRankChange) },
  { header: { zh: '检查率末三位', en: 'Inspection bottom three' }, width: 12, value: (r, lang) => bottom(r.inspectionBottom, lang) },
  { header: { zh: '发现隐患数', en: 'Hazards found' }, width: 11, value: (r) => r.hazardsFound },
  { header: { zh: '已销号数', en: 'Hazards closed' }, width: 10, value: (r) => r.hazardsClosed },
  { header: { zh: '销号率', en: 'Close-out rate' }, width: 9, numFmt: '0.0%', value: (r) => r.closeOutRate },
  { header: { zh: '销号率排名', en: 'Close-out rank' }, width: 10, value: (r) => r.closeOutRank },
  { header: { zh: '较前次', en: 'Change' }, width: 8, value: (r) => change(r.closeOutRankChange) },
  { header: { zh: '销号率末三位', en: 'Close-out bottom three' }, width: 12, value: (r, lang) => bottom(r.closeOutBottom, lang) },
];

const byName = new Intl.Collator('zh');

/** One ranking view is at most a few hundred units: one batch, in inspection-rank order as the page shows it. */
export function rankingSheet(view: RankingView, lang: ExportLanguage): XlsxSheet<RankingRow> {
  const rows = [...view.rows].sort((a, b) => a.inspectionRank - b.inspectionRank || byName.compare(a.name, b.name));
  const unit = view.unit === 'village' ? (lang === 'zh' ? '村社' : 'villages') : lang === 'zh' ? '小组' : 'squads';
  return { name: lang === 'zh' ? `${unit}排名` : `Rankings of ${unit}`, columns: RANKING_COLUMNS, lang, batches: (async function* () { yield rows; })() };
}

export function rankingFileNames(view: RankingView) {
  const period = view.period === 'day' ? view.day : (view.periodStart ?? view.day);
  // Characters Windows refuses in file names.
  const campaign = view.campaign.name.replace(/[\\/:*?"<>|]/g, '_');
  return { fileName: `${campaign}-${view.unit === 'village' ? '村社' : '小组'}排名-${period}.xlsx`, asciiFileName: `rankings-${view.unit}-${period.replace(/-/g, '')}-${fileDay()}.xlsx` };
}
