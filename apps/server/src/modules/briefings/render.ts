import SVGtoPDF from 'svg-to-pdfkit';
import type { Briefing, RankingRow } from '@anxun/contracts';
import type { PdfFontName } from '../../platform/pdf-fonts.ts';
import { footerOnEveryPage, renderA4Pdf, type PdfDoc } from '../../platform/pdf.ts';
import { trendChartSvg, villageChartSvg } from './charts.ts';
import { cutOffText, percent } from './rules.ts';

const RED = '#C00000';
const INK = '#1A1A1A';
const GREY = '#595959';
const RULE = '#7F7F7F';
const SHADE = '#F2F2F2';
const BOTTOM_FILL = '#FBE4E4';
const MARGIN = { top: 56, bottom: 60, left: 52, right: 52 };
const FOOTER = 22;
const PAD = 3;

type Doc = PdfDoc;
interface Column {
  title: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}
interface Cell {
  text: string;
  color?: string;
  bold?: boolean;
}

const contentWidth = (doc: Doc) => doc.page.width - MARGIN.left - MARGIN.right;
const bottomLimit = (doc: Doc) => doc.page.height - MARGIN.bottom - FOOTER;
const use = (doc: Doc, font: PdfFontName, size: number, color = INK) => doc.font(font).fontSize(size).fillColor(color);

function ensure(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

/** Column widths as shares of the content width; the first `flex` column takes what is left. */
function columns(doc: Doc, spec: [string, number, Column['align']?][]): Column[] {
  const total = spec.reduce((n, [, w]) => n + w, 0);
  return spec.map(([title, w, align]) => ({ title, width: (w / total) * contentWidth(doc), align: align ?? 'center' }));
}

/** A table that breaks across pages and repeats its header; `fill` shades a row (the bottom three). */
function table(doc: Doc, cols: Column[], rows: { cells: Cell[]; fill?: string }[], size = 8.5): void {
  const heightOf = (cells: Cell[], font: PdfFontName) =>
    Math.max(...cells.map((c, i) => use(doc, c.bold ? 'sansBold' : font, size).heightOfString(c.text || ' ', { width: cols[i]!.width - 2 * PAD }))) + 2 * PAD;
  const draw = (cells: Cell[], fill: string | undefined, font: PdfFontName) => {
    const height = heightOf(cells, font);
    if (doc.y + height > bottomLimit(doc)) {
      doc.addPage();
      if (font !== 'sansBold') draw(cols.map((c) => ({ text: c.title })), SHADE, 'sansBold');
    }
    const top = doc.y;
    let x = MARGIN.left;
    cells.forEach((cell, i) => {
      const col = cols[i]!;
      if (fill) doc.rect(x, top, col.width, height).fill(fill);
      doc.lineWidth(0.5).strokeColor(RULE).rect(x, top, col.width, height).stroke();
      use(doc, cell.bold ? 'sansBold' : font, size, cell.color).text(cell.text, x + PAD, top + PAD, { width: col.width - 2 * PAD, align: col.align });
      x += col.width;
    });
    doc.x = MARGIN.left;
    doc.y = top + height;
  };
  draw(cols.map((c) => ({ text: c.title })), SHADE, 'sansBold');
  for (const row of rows) draw(row.cells, row.fill, 'sans');
}

function heading(doc: Doc, text: string, room = 90): void {
  ensure(doc, room);
  doc.moveDown(0.7);
  use(doc, 'sansBold', 12).text(text, MARGIN.left, doc.y);
  doc.moveDown(0.35);
}

function masthead(doc: Doc, b: Briefing): void {
  const width = contentWidth(doc);
  use(doc, 'title', 25, RED).text('安全隐患排查整治每日通报', MARGIN.left, MARGIN.top, { width, align: 'center', characterSpacing: 2 });
  doc.moveDown(0.3);
  use(doc, 'body', 12).text(`第 ${b.issueNo} 期`, MARGIN.left, doc.y, { width, align: 'center' });
  doc.moveDown(0.5);
  const y = doc.y;
  use(doc, 'body', 11).text(`${b.campaign.name}指挥部`, MARGIN.left, y, { width: width / 2 });
  const [year, month, day] = b.day.split('-').map(Number);
  use(doc, 'body', 11).text(`${year}年${month}月${day}日${b.live ? '（截至生成时）' : ''}`, MARGIN.left + width / 2, y, { width: width / 2, align: 'right' });
  const ruleY = doc.y + 6;
  // The red double rule under an official document's header (版头分隔线).
  doc.lineWidth(1.6).strokeColor(RED).moveTo(MARGIN.left, ruleY).lineTo(MARGIN.left + width, ruleY).stroke();
  doc.lineWidth(0.5).moveTo(MARGIN.left, ruleY + 3).lineTo(MARGIN.left + width, ruleY + 3).stroke();
  doc.y = ruleY + 14;
}

const signed = (n: number | null | undefined, unit = '') => (n === null || n === undefined ? '—' : `${n > 0 ? '+' : ''}${n}${unit}`);
const arrow = (change: number | null) => (change === null ? '—' : change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : '—');
const arrowColor = (change: number | null) => (change === null || change === 0 ? GREY : change > 0 ? '#2F7D32' : RED);

function headlineTable(doc: Doc, b: Briefing): void {
  const h = b.headline;
  const c = h.change;
  const cols = columns(doc, [
    ['指标', 3, 'left'],
    ['截至当日', 2],
    ['较前一日', 2],
    ['指标', 3, 'left'],
    ['截至当日', 2],
    ['较前一日', 2],
  ]);
  const pair = (label: string, value: string, change: string): Cell[] => [{ text: label, bold: true }, { text: value }, { text: change, color: GREY }];
  table(doc, cols, [
    { cells: [...pair('应排查单位（家）', String(h.sitesInScope), signed(c?.sitesInScope)), ...pair('发现隐患（处）', String(h.hazardsFound), signed(c?.hazardsFound))] },
    { cells: [...pair('已排查单位（家）', String(h.sitesInspected), signed(c?.sitesInspected)), ...pair('已销号（处）', String(h.hazardsClosed), signed(c?.hazardsClosed))] },
    { cells: [...pair('排查率', percent(h.inspectionRate), signed(c?.inspectionRatePoints, '个百分点')), ...pair('销号率', percent(h.closeOutRate), signed(c?.closeOutRatePoints, '个百分点'))] },
    { cells: [...pair('逾期未整改（处，当前）', String(h.hazardsOverdue), '—'), ...pair('重大隐患未销号（处，当前）', String(h.openMajorHazards), '—')] },
  ]);
}

function chart(doc: Doc, svg: string, height: number): void {
  ensure(doc, height + 6);
  const top = doc.y;
  SVGtoPDF(doc, svg, MARGIN.left, top, { width: contentWidth(doc), height, fontCallback: (_family: string, bold: boolean) => (bold ? 'sansBold' : 'sans') });
  doc.x = MARGIN.left;
  doc.y = top + height + 4;
}

function rankingTable(doc: Doc, rows: readonly RankingRow[], withWeekly: boolean): void {
  const spec: [string, number, Column['align']?][] = [
    ['名称', 4, 'left'],
    ['应排查', 2],
    ['已排查', 2],
    ['排查率', 2.2],
    ['名次', 1.5],
    ['变化', 1.5],
    ['发现', 1.6],
    ['销号', 1.6],
    ['销号率', 2.2],
    ['名次', 1.5],
    ['变化', 1.5],
  ];
  if (withWeekly) spec.push(['周排查完成', 2.4], ['周销号完成', 2.4]);
  const weekly = (actual: number, target: number | undefined, share: number | null) => (target === undefined ? '—' : `${actual}/${target} ${share === null ? '—' : `${Math.round(share * 100)}%`}`);
  table(
    doc,
    columns(doc, spec),
    rows.map((r) => {
      const cells: Cell[] = [
        { text: `${r.name}${r.inspectionBottom || r.closeOutBottom ? ' ★' : ''}`, bold: r.inspectionBottom || r.closeOutBottom },
        { text: String(r.sitesInScope) },
        { text: String(r.sitesInspected) },
        { text: percent(r.inspectionRate), color: r.inspectionBottom ? RED : INK },
        { text: String(r.inspectionRank), color: r.inspectionBottom ? RED : INK },
        { text: arrow(r.inspectionRankChange), color: arrowColor(r.inspectionRankChange) },
        { text: String(r.hazardsFound) },
        { text: String(r.hazardsClosed) },
        { text: percent(r.closeOutRate), color: r.closeOutBottom ? RED : INK },
        { text: String(r.closeOutRank), color: r.closeOutBottom ? RED : INK },
        { text: arrow(r.closeOutRankChange), color: arrowColor(r.closeOutRankChange) },
      ];
      if (withWeekly) {
        const w = r.weekly;
        cells.push(
          { text: w ? weekly(w.actual.sitesInspected, w.target?.sitesInspected, w.attainment.sitesInspected) : '—' },
          { text: w ? weekly(w.actual.hazardsClosed, w.target?.hazardsClosed, w.attainment.hazardsClosed) : '—' },
        );
      }
      return { cells, fill: r.inspectionBottom || r.closeOutBottom ? BOTTOM_FILL : undefined };
    }),
    withWeekly ? 7.5 : 8.5,
  );
  use(doc, 'sans', 8, GREY).text('★ 末三位（排查率或销号率排名后三位，并列者同列）；▲▼ 较前一日名次变化。', MARGIN.left, doc.y + 3, { width: contentWidth(doc) });
}

function bottomLine(doc: Doc, label: string, names: readonly string[]): void {
  use(doc, 'sansBold', 10).text(`${label}：`, MARGIN.left, doc.y, { continued: true });
  use(doc, 'sansBold', 10, RED).text(names.length ? names.join('、') : '无');
}

function overdueTable(doc: Doc, b: Briefing): void {
  if (b.overdue.items.length === 0) {
    use(doc, 'body', 10.5).text('当前无逾期隐患。', MARGIN.left, doc.y);
    return;
  }
  const cols = columns(doc, [
    ['单位', 4, 'left'],
    ['所在区域', 2.5, 'left'],
    ['隐患', 6, 'left'],
    ['责任部门', 2.5, 'left'],
    ['整改期限', 2.4],
    ['逾期天数', 1.8],
  ]);
  table(
    doc,
    cols,
    b.overdue.items.map((o) => ({
      cells: [
        { text: o.siteName },
        { text: o.areaName },
        { text: `${o.level === 'major' ? '【重大】' : ''}${o.description}`, color: o.level === 'major' ? RED : INK },
        { text: o.departmentName },
        { text: o.deadline },
        { text: String(o.daysOverdue), color: RED },
      ],
    })),
  );
  use(doc, 'sans', 8, GREY).text(`逾期隐患共 ${b.overdue.total} 处，列出逾期最久的 ${b.overdue.items.length} 处（当前状态）。`, MARGIN.left, doc.y + 3, { width: contentWidth(doc) });
}

const NAIL_STATUS: Record<string, string> = { open: '未启动', in_progress: '推进中', resolved: '已拔除' };

function nailsTable(doc: Doc, b: Briefing): void {
  if (b.nails.rows.length === 0) {
    use(doc, 'body', 10.5).text('本月无在办重点钉。', MARGIN.left, doc.y);
    return;
  }
  const cols = columns(doc, [
    ['重点钉', 6, 'left'],
    ['所在区域', 3, 'left'],
    ['状态', 2],
    ['进度（月初→当前）', 3.4],
    ['本月报告', 1.8],
    ['逾期节点', 1.8],
  ]);
  table(
    doc,
    cols,
    b.nails.rows.map((n) => ({
      cells: [
        { text: `${n.title}${n.noProgress ? '（无进展）' : ''}`, color: n.noProgress ? RED : INK, bold: n.noProgress },
        { text: n.areaName },
        { text: NAIL_STATUS[n.status] ?? n.status },
        { text: `${n.progressBefore}% → ${n.progressAfter}%` },
        { text: String(n.reportsInMonth) },
        { text: String(n.milestonesOverdue), color: n.milestonesOverdue > 0 ? RED : INK },
      ],
      fill: n.noProgress ? BOTTOM_FILL : undefined,
    })),
  );
}

/** Renders the 每日通报 on A4 and resolves with the whole PDF. */
export function renderBriefingPdf(b: Briefing): Promise<Buffer> {
  const info = { Title: `安全隐患排查整治每日通报 第${b.issueNo}期 ${b.day}`, Author: b.campaign.name, Subject: b.campaign.name };
  return renderA4Pdf({ margins: MARGIN, info }, (doc) => {
    const width = contentWidth(doc);
    masthead(doc, b);
    use(doc, 'body', 11.5).text(b.summary, MARGIN.left, doc.y, { width, indent: 23, lineGap: 5, align: 'justify' });
    heading(doc, '一、主要指标');
    headlineTable(doc, b);
    use(doc, 'sans', 8, GREY).text(`数据截至${cutOffText(b.day, b.live, new Date(b.computedAt))}；逾期与重大隐患为生成时的当前数。`, MARGIN.left, doc.y + 3, { width });
    heading(doc, '二、隐患发现与销号走势', 230);
    chart(doc, trendChartSvg(b, Math.round(width), 200), 200);
    heading(doc, '三、村社排名（晾晒）', 260);
    bottomLine(doc, '排查率后三位', b.bottom.villages.inspection);
    bottomLine(doc, '销号率后三位', b.bottom.villages.closeOut);
    doc.moveDown(0.3);
    chart(doc, villageChartSvg(b, Math.round(width), 190), 190);
    rankingTable(doc, b.villages, false);
    heading(doc, '四、小组排名与周目标完成情况');
    if (b.squads.length) {
      bottomLine(doc, '排查率后三位', b.bottom.squads.inspection);
      bottomLine(doc, '销号率后三位', b.bottom.squads.closeOut);
      doc.moveDown(0.3);
      rankingTable(doc, b.squads, true);
    } else use(doc, 'body', 10.5).text('本行动尚未设立小组。', MARGIN.left, doc.y);
    heading(doc, '五、逾期隐患');
    overdueTable(doc, b);
    heading(doc, `六、重点钉进展（${Number(b.nails.month.slice(5))}月）`);
    nailsTable(doc, b);
    footerOnEveryPage(doc, MARGIN, (page, pages) => `每日通报 第 ${b.issueNo} 期\u3000\u3000第 ${page} 页，共 ${pages} 页`, (d) => use(d, 'sans', 8.5, GREY));
  });
}
