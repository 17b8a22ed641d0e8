import PDFDocument from 'pdfkit';
import { registerCjkFonts } from './pdf-fonts.ts';

export type PdfDoc = InstanceType<typeof PDFDocument>;
export interface PdfMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * An A4 document with the CJK faces registered, drawn by `draw`, resolved as one buffer. Pages are
 * buffered so the drawing can go back and number them; an error while drawing rejects.
 */
export function renderA4Pdf(options: { margins: PdfMargins; info: NonNullable<PDFKit.PDFDocumentOptions['info']> }, draw: (doc: PdfDoc) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: options.margins, bufferPages: true, info: { Creator: 'Anxun 安巡', ...options.info } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    registerCjkFonts(doc);
    draw(doc);
    doc.end();
  } catch (error) {
    doc.end();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return done;
}

/** Writes one centred line in the bottom margin of every page, e.g. "第 2 页，共 3 页"; `style` sets font, size and colour. */
export function footerOnEveryPage(doc: PdfDoc, margins: PdfMargins, text: (page: number, pages: number) => string, style: (doc: PdfDoc) => PdfDoc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit start a new page; lift the margin first.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    style(doc).text(text(i + 1, range.count), margins.left, doc.page.height - margins.bottom + 14, { width: doc.page.width - margins.left - margins.right, align: 'center' });
    doc.page.margins.bottom = saved;
  }
}
