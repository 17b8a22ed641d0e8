import fs from 'node:fs';
import path from 'node:path';
import type PDFDocument from 'pdfkit';

/**
 * Debian's fonts-noto-cjk, shared by every PDF the server renders (整改通知书, 每日通报). Song-style
 * serif for titles and body, as official documents use; the sans (黑体) for tables and labels, which
 * stay legible at small sizes. Each TTC holds every CJK variant, so the Simplified Chinese face is
 * picked by its PostScript name.
 */
export const PDF_FONT_DIR = '/usr/share/fonts/opentype/noto';
const FONTS = {
  title: ['NotoSerifCJK-Bold.ttc', 'NotoSerifCJKsc-Bold'],
  body: ['NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'],
  sans: ['NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  sansBold: ['NotoSansCJK-Bold.ttc', 'NotoSansCJKsc-Bold'],
} as const;
export type PdfFontName = keyof typeof FONTS;

function fontPath(file: string): string {
  const full = path.join(PDF_FONT_DIR, file);
  if (!fs.existsSync(full)) {
    throw new Error(`找不到中文字体 ${full}（请安装 fonts-noto-cjk） | CJK font missing: ${full} (install fonts-noto-cjk)`);
  }
  return full;
}

/** Registers the four faces under their names (title, body, sans, sansBold); throws a clear error when the package is missing. */
export function registerCjkFonts(doc: InstanceType<typeof PDFDocument>): void {
  for (const [name, [file, postscript]] of Object.entries(FONTS)) doc.registerFont(name, fontPath(file), postscript);
}
