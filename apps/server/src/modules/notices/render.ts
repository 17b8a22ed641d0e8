import type { PdfFontName } from '../../platform/pdf-fonts.ts';
import { footerOnEveryPage, renderA4Pdf, type PdfDoc } from '../../platform/pdf.ts';
import type { NoticeData, NoticeSignature } from './data.ts';

const RED = '#C00000';
const INK = '#1A1A1A';
const GREY = '#595959';
const RULE = '#7F7F7F';
const SHADE = '#F2F2F2';
const MARGIN = { top: 62, bottom: 64, left: 60, right: 60 };
/** Space kept free at the foot of each page for the page number. */
const FOOTER = 24;

type Doc = PdfDoc;

interface Part {
  text: string;
  font: PdfFontName;
  size: number;
  color?: string;
}
interface Cell {
  parts: Part[];
  width: number;
  fill?: string;
  align?: 'left' | 'center';
}

const PAD = 4;
const LINE_GAP = 1.5;

const bottomLimit = (doc: Doc) => doc.page.height - MARGIN.bottom - FOOTER;
const contentWidth = (doc: Doc) => doc.page.width - MARGIN.left - MARGIN.right;

/** Starts a new page unless `height` more points fit above the footer; keeps a block in one piece. */
function ensure(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

function use(doc: Doc, part: Pick<Part, 'font' | 'size' | 'color'>): Doc {
  return doc.font(part.font).fontSize(part.size).fillColor(part.color ?? INK);
}

function cellHeight(doc: Doc, cell: Cell): number {
  let h = 0;
  for (const part of cell.parts) h += use(doc, part).heightOfString(part.text, { width: cell.width - 2 * PAD, lineGap: LINE_GAP });
  return h + 2 * PAD;
}

function drawRow(doc: Doc, cells: Cell[], x: number, y: number, height: number): void {
  let cx = x;
  for (const cell of cells) {
    if (cell.fill) doc.rect(cx, y, cell.width, height).fill(cell.fill);
    doc.lineWidth(0.6).strokeColor(RULE).rect(cx, y, cell.width, height).stroke();
    let cy = y + PAD;
    for (const part of cell.parts) {
      use(doc, part).text(part.text, cx + PAD, cy, { width: cell.width - 2 * PAD, lineGap: LINE_GAP, align: cell.align ?? 'left' });
      cy = doc.y;
    }
    cx += cell.width;
  }
}

/** A grid that breaks across pages, repeating its header row on each new page. */
function grid(doc: Doc, rows: Cell[][], header?: Cell[]): void {
  const x = MARGIN.left;
  const place = (cells: Cell[]) => {
    const height = Math.max(...cells.map((c) => cellHeight(doc, c)));
    if (doc.y + height > bottomLimit(doc)) {
      doc.addPage();
      if (header && cells !== header) place(header);
    }
    const top = doc.y;
    drawRow(doc, cells, x, top, height);
    doc.x = x;
    doc.y = top + height;
  };
  if (header) place(header);
  for (const row of rows) place(row);
}

function heading(doc: Doc, text: string): void {
  // A heading never ends a page: keep room for it and the first lines below it.
  ensure(doc, 70);
  doc.moveDown(0.6);
  use(doc, { font: 'sansBold', size: 11.5 }).text(text, MARGIN.left, doc.y);
  doc.moveDown(0.3);
}

function masthead(doc: Doc, data: NoticeData): void {
  const width = contentWidth(doc);
  use(doc, { font: 'title', size: 24, color: RED }).text('安全隐患整改通知书', MARGIN.left, MARGIN.top, { width, align: 'center', characterSpacing: 3 });
  doc.moveDown(0.35);
  use(doc, { font: 'body', size: 12 }).text(data.number, MARGIN.left, doc.y, { width, align: 'center' });
  const y = doc.y + 8;
  // The red double rule of an official document's header (版头分隔线).
  doc.lineWidth(1.6).strokeColor(RED).moveTo(MARGIN.left, y).lineTo(MARGIN.left + width, y).stroke();
  doc.lineWidth(0.5).moveTo(MARGIN.left, y + 3).lineTo(MARGIN.left + width, y + 3).stroke();
  doc.y = y + 16;
}

function opening(doc: Doc, data: NoticeData): void {
  const width = contentWidth(doc);
  use(doc, { font: 'title', size: 12.5 }).text(`${data.site.name}：`, MARGIN.left, doc.y, { width });
  doc.moveDown(0.3);
  const by = data.departments.length ? `${data.issuer}会同${data.departments.join('、')}等部门` : data.issuer;
  use(doc, { font: 'body', size: 11.5 }).text(
    `${data.inspectionDate}，${by}对你单位进行了安全检查，发现存在下列安全隐患。依据《中华人民共和国安全生产法》等有关法律、法规的规定，现责令你单位按下列要求予以整改。`,
    MARGIN.left,
    doc.y,
    { width, indent: 23, lineGap: 4 },
  );
  doc.moveDown(0.6);
}

function siteBox(doc: Doc, data: NoticeData): void {
  const w = contentWidth(doc);
  const label = (text: string, width: number): Cell => ({ parts: [{ text, font: 'sansBold', size: 9.5 }], width, fill: SHADE, align: 'center' });
  const value = (text: string, width: number): Cell => ({ parts: [{ text, font: 'sans', size: 9.5 }], width });
  const lw = 64;
  const half = (w - 2 * lw) / 2;
  grid(doc, [
    [label('受检单位', lw), value(data.site.name, w - lw)],
    [label('地　　址', lw), value(data.site.address, w - lw)],
    [label('负 责 人', lw), value(data.site.responsiblePerson, half), label('联系电话', lw), value(data.site.phone, half)],
    [label('检查日期', lw), value(data.inspectionDate, half), label('检查人员', lw), value(data.inspectors.join('、') || '—', half)],
  ]);
}

function hazardTable(doc: Doc, data: NoticeData): void {
  const w = contentWidth(doc);
  const widths = [28, 0, 32, 50, 74, 124];
  widths[1] = w - widths.reduce((a, b) => a + b, 0);
  const head = ['序号', '检查项 / 隐患描述', '等级', '整改方式', '整改期限', '法律依据'];
  const header: Cell[] = head.map((text, i) => ({ parts: [{ text, font: 'sansBold', size: 9 }], width: widths[i]!, fill: SHADE, align: 'center' }));
  const small = (text: string, width: number, color?: string): Cell => ({ parts: [{ text, font: 'sans', size: 8.5, ...(color ? { color } : {}) }], width });
  const rows = data.hazards.map((h): Cell[] => [
    { ...small(String(h.seq), widths[0]!), align: 'center' },
    {
      parts: [...(h.item ? [{ text: h.item, font: 'sansBold' as const, size: 8.5 }] : []), { text: h.description, font: 'sans', size: 8.5 }],
      width: widths[1]!,
    },
    { ...small(h.level, widths[2]!, h.major ? RED : undefined), align: 'center' },
    { ...small(h.mode, widths[3]!), align: 'center' },
    { ...small(h.deadline, widths[4]!), align: 'center' },
    small(h.legalBasis, widths[5]!, GREY),
  ]);
  grid(doc, rows, header);
}

function instructions(doc: Doc, data: NoticeData): void {
  const width = contentWidth(doc);
  const hang = 18;
  data.instructions.forEach((text, i) => {
    // Number and text drawn apart, so wrapped lines hang under the text rather than the number.
    use(doc, { font: 'body', size: 10.5 });
    ensure(doc, doc.heightOfString(text, { width: width - hang, lineGap: 3 }));
    const top = doc.y;
    doc.text(`${i + 1}.`, MARGIN.left, top, { width: hang });
    doc.text(text, MARGIN.left + hang, top, { width: width - hang, lineGap: 3 });
    doc.moveDown(0.25);
  });
  if (data.contact) {
    use(doc, { font: 'body', size: 10.5 }).text(`联系人：${data.contact}`, MARGIN.left + hang, doc.y, { width: width - hang });
  }
}

function signatureBlock(doc: Doc, sig: NoticeSignature, x: number, y: number, width: number): void {
  use(doc, { font: 'sansBold', size: 10.5 }).text('当事人签收：', x, y, { width });
  const text = (t: string, color?: string) => use(doc, { font: 'body', size: 10, ...(color ? { color } : {}) }).text(t, x, doc.y, { width, lineGap: 2 });
  if (sig.kind === 'signed') {
    const top = doc.y + 4;
    if (sig.image) {
      doc.image(sig.image, x + 8, top, { fit: [150, 56] });
      doc.y = top + 60;
    } else {
      doc.y = top;
      text(sig.signerName);
    }
    text(`签收人：${sig.signerName}（${sig.signerPhone}）`);
    text(`签收日期：${sig.signedAt}`);
  } else if (sig.kind === 'refused') {
    doc.moveDown(0.4);
    text('当事人拒绝签收', RED);
    text(`拒签理由：${sig.reason}`);
    text(`见证人：${sig.witness}`);
  } else {
    doc.moveDown(1.6);
    text('签收人：＿＿＿＿＿＿＿＿');
    doc.moveDown(0.4);
    text('日　期：＿＿＿＿年＿＿月＿＿日');
  }
}

function closing(doc: Doc, data: NoticeData): void {
  const width = contentWidth(doc);
  ensure(doc, 170);
  const top = doc.y + 18;
  const half = width / 2;
  signatureBlock(doc, data.signature, MARGIN.left, top, half - 12);
  const leftEnd = doc.y;
  // The issuer and date sit right, where the seal is stamped over them.
  const rx = MARGIN.left + half;
  use(doc, { font: 'body', size: 12 }).text(data.issuer, rx, top + 30, { width: half, align: 'center' });
  use(doc, { font: 'body', size: 10, color: GREY }).text('（盖章）', rx, doc.y + 2, { width: half, align: 'center' });
  use(doc, { font: 'body', size: 12 }).text(data.issuedDate, rx, doc.y + 10, { width: half, align: 'center' });
  doc.y = Math.max(leftEnd, doc.y) + 18;
  doc.lineWidth(0.5).strokeColor(RULE).moveTo(MARGIN.left, doc.y).lineTo(MARGIN.left + width, doc.y).stroke();
  use(doc, { font: 'body', size: 9, color: GREY }).text('本通知书一式两份，一份送达当事人，一份由检查单位存档。', MARGIN.left, doc.y + 5, { width });
}

/** Renders a 整改通知书 on A4 and resolves with the whole PDF. */
export function renderNoticePdf(data: NoticeData): Promise<Buffer> {
  const info = { Title: `安全隐患整改通知书 ${data.number}`, Author: data.issuer, Subject: data.site.name };
  return renderA4Pdf({ margins: MARGIN, info }, (doc) => {
    masthead(doc, data);
    opening(doc, data);
    siteBox(doc, data);
    heading(doc, `一、隐患清单（共 ${data.hazards.length} 项）`);
    hazardTable(doc, data);
    heading(doc, '二、整改要求');
    instructions(doc, data);
    closing(doc, data);
    footerOnEveryPage(doc, MARGIN, (page, pages) => `${data.number}\u3000\u3000第 ${page} 页，共 ${pages} 页`, (d) => use(d, { font: 'sans', size: 8.5, color: GREY }));
  });
}
