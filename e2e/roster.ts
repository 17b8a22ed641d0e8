import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS, headerOf } from '../apps/server/src/modules/site-imports/columns.ts';
import { usccCheckChar } from '@anxun/contracts';

export type RosterRow = Partial<Record<(typeof ROSTER_COLUMNS)[number]['key'], string | number>>;

/** A roster file with the template's headers, as an official would fill it in. */
export async function rosterXlsx(rows: RosterRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('受检单位名册');
  sheet.addRow(ROSTER_COLUMNS.map(headerOf));
  for (const row of rows) sheet.addRow(ROSTER_COLUMNS.map((c) => row[c.key] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const creditCode = (n: number) => {
  const first17 = `91330109${String(n).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
};
